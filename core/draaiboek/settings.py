"""Organisation settings in texts: ``{id}`` placeholders filled for one delivery, before any exporter runs.

A placeholder names one of the training's organisation settings (``parameters``). With a value (``--settings
FILE``) it is replaced; without one it stays visible and marked, so the trainer sees what to fill in. Braces
that name no setting are left as they are (they may be text, or a message template's own fields).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from draaiboek.errors import InputFileError
from draaiboek.labels import label
from draaiboek.model import Pack, Training

PLACEHOLDER = re.compile(r"\{([A-Za-z0-9][A-Za-z0-9_-]*)\}")
T = TypeVar("T")


def read_settings(path: Path) -> dict[str, str]:
    """``id: value`` lines (YAML) of an organisation's settings file."""
    from draaiboek.yamlsource import read_yaml

    doc = read_yaml(path, str(path))
    if doc.problems:
        raise InputFileError(doc.problems[0].format())
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        raise InputFileError(f"{path}: expected 'setting-id: value' lines")
    values: dict[str, str] = {}
    for key, value in doc.data.items():
        if isinstance(value, (dict, list)):
            raise InputFileError(f"{path}:{doc.line_of((key,)) or 1}: setting '{key}' needs one value, not a list "
                                 "or mapping")
        values[str(key)] = "" if value is None else str(value)
    return values


def fill_settings(pack: Pack, training: Training, values: Mapping[str, str]) -> tuple[Pack, Training]:
    """The pack and training with every placeholder of the training's settings filled or marked."""
    settings = {p.id: p for p in training.parameters}
    if not settings:
        return pack, training
    unset = label("to_fill_in", pack.language)

    def fill(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            setting = settings.get(match[1])
            if setting is None:
                return match[0]
            return values.get(setting.id) or f"[{unset}: {setting.label}]"

        filled = PLACEHOLDER.sub(one, text) if "{" in text else text
        return text if filled == text else filled  # the same object when unchanged: _map_text relies on it

    filled = _map_text(pack, fill)
    return filled, next(t for t in filled.trainings if t.id == training.id)


def _map_text(obj: T, fill: Callable[[str], str]) -> T:
    """``obj`` with ``fill`` applied to every text in it (attrs objects are frozen: changed ones are copied)."""
    value: Any = obj
    if isinstance(value, str):
        return fill(value)  # type: ignore[return-value]  # T is str here
    if isinstance(value, list):
        items = [_map_text(item, fill) for item in value]
        unchanged = all(new is old for new, old in zip(items, value, strict=True))
        return obj if unchanged else items  # type: ignore[return-value]  # T is a list here
    if attrs.has(type(value)):
        # What did not change comes back as the same object, so identity is enough (no deep comparison).
        changes = {f.name: new for f in attrs.fields(type(value))
                   if (new := _map_text(old := getattr(value, f.name), fill)) is not old}
        return attrs.evolve(value, **changes) if changes else obj
    return obj

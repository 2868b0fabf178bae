"""All problems at once: the part of a pack that did load, so every check still runs on it.

A file that cannot be read, or a training / work format / case / meter / questionnaire with field errors, is
left out; the rest is structured and checked. What was left out is remembered (``Gaps``), so the checks do not
report its absence as a problem of its own (a reference to a work format in the broken file is not "unknown"),
and ``check`` says what was not checked and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
from attrs import define, field

from draaiboek.diagnostics import Diagnostic
from draaiboek.model import Pack

PathKey = tuple[str | int, ...]
KINDS = {"trainings": "training", "work_formats": "work format", "cases": "case", "meters": "meter",
         "questionnaires": "questionnaire"}
ID_IN_TEXT = re.compile(r"""\bid:\s*["']?([^\s,"'}\]#]+)""")


@define
class Gaps:
    """What was left out of the checks, and why."""

    skipped: list[str] = field(factory=list)  # "werkvormen.yaml (cannot be read)", "training 't' (field errors)"
    ids: set[str] = field(factory=set)  # ids defined in what was left out
    codes: set[str] = field(factory=set)  # checks that cannot be judged without it (REF005 without the sources)
    pack_id_known: bool = True

    def hides(self, diagnostic: Diagnostic) -> bool:
        if diagnostic.code in self.codes:
            return True
        ref = (diagnostic.ref or "").rpartition(":")[2]
        return diagnostic.code == "REF001" and ref in self.ids

    def note(self) -> str | None:
        if not self.skipped:
            return None
        return f"not checked further: {', '.join(self.skipped)}; fix the errors above, then check again"


def ids_in(data: Any) -> set[str]:
    """Every ``id:`` value in plain data."""
    found: set[str] = set()
    if isinstance(data, dict):
        if isinstance(data.get("id"), (str, int)):
            found.add(str(data["id"]))
        for value in data.values():
            found |= ids_in(value)
    elif isinstance(data, list):
        for value in data:
            found |= ids_in(value)
    return found


def ids_in_text(path: Path) -> set[str]:
    """The ids a file that cannot be parsed seems to define (so references to them are not reported)."""
    try:
        return set(ID_IN_TEXT.findall(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return set()


def _placeholder(name: str, folder: Path) -> Any:
    """A stand-in for a required pack field that is missing or wrong; only the checks ever see it."""
    return {"id": folder.name, "authors": []}.get(name, "")


def header_placeholders(folder: Path) -> dict[str, Any]:
    return {f.name: _placeholder(f.name, folder) for f in attrs.fields(Pack) if f.default is attrs.NOTHING}


def without_failures(merged: dict[str, Any], failed: Iterable[PathKey], folder: Path, gaps: Gaps,
                     ) -> tuple[dict[str, Any], dict[tuple[str, int], int]]:
    """The merged data minus every failing top-level element, and new index -> old index per list."""
    units: set[tuple[str, int]] = set()
    header: set[str] = set()
    for path in failed:
        if len(path) >= 2 and path[0] in KINDS and isinstance(path[1], int):
            units.add((str(path[0]), path[1]))
        elif path:
            header.add(str(path[0]))
    data = dict(merged)
    required = {f.name for f in attrs.fields(Pack) if f.default is attrs.NOTHING}
    for name in sorted(header):
        if name in required:
            data[name] = _placeholder(name, folder)
            gaps.pack_id_known = gaps.pack_id_known and name != "id"
        else:
            data.pop(name, None)
        if name == "sources":
            gaps.codes.add("REF005")
        if name in KINDS:  # the list as a whole is wrong (not a list): nothing of it is checked
            gaps.ids |= ids_in(merged.get(name))
            gaps.skipped.append(f"'{name}'")
    renumber: dict[tuple[str, int], int] = {}
    for key, kind in KINDS.items():
        if not isinstance(data.get(key), list):
            continue
        kept: list[Any] = []
        for old, item in enumerate(data[key]):
            if (key, old) in units:
                ident = item.get("id") if isinstance(item, dict) else None
                gaps.skipped.append(f"{kind} '{ident}' (field errors)" if ident else f"{kind} {old + 1} (field errors)")
                gaps.ids |= ids_in(item)
                if key == "meters":
                    gaps.codes.add("COVER002")
                continue
            renumber[(key, len(kept))] = old
            kept.append(item)
        data[key] = kept
    return data, renumber

"""The entry points of one group, read from the installed distributions' ``entry_points.txt`` files.

``importlib.metadata`` costs about half of ``import click`` on every start (it pulls in email, zipfile, csv, socket
and tempfile), so this finds the files itself, as ``importlib.metadata.entry_points(group=...)`` does: every
``*.dist-info`` / ``*.egg-info`` folder in every ``sys.path`` entry, in order, the first distribution of a name
winning over ones it shadows later on the path. Whatever it cannot read the same way (a zip or an egg on sys.path,
another distribution finder, a file importlib would choke on) goes to ``importlib.metadata`` itself.
"""

from __future__ import annotations

import os
import sys
from functools import reduce
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib import metadata

#: importlib.metadata's syntax for a value: ``module``, ``module:attr.attr``, optional ``[extras]``.
VALUE = r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$"
METADATA_SUFFIXES = (".dist-info", ".egg-info")


class Unusual(Exception):
    """Something the fast path does not read like importlib.metadata would: ask importlib.metadata."""


class EntryPoint:
    """One entry point and the distribution (its metadata ``Name``) that declares it.

    A plain class, not a dataclass: making a dataclass costs more start-up time than reading every entry point.
    """

    __slots__ = ("distribution", "folder", "group", "name", "origin", "value")

    def __init__(self, name: str, value: str, group: str, distribution: str | None = None, folder: str | None = None,
                 origin: metadata.EntryPoint | None = None) -> None:
        self.name, self.value, self.group, self.distribution = name, value, group, distribution
        #: the .dist-info / .egg-info folder it was read from (None when importlib.metadata found it)
        self.folder = folder
        #: the importlib.metadata entry point this one stands for, when it came from there (fallback, tests)
        self.origin = origin

    def __repr__(self) -> str:
        return f"EntryPoint({self.name!r}, {self.value!r}, {self.group!r}, {self.distribution!r})"

    @classmethod
    def of(cls, ep: metadata.EntryPoint) -> EntryPoint:
        """The same entry point as importlib.metadata gives it."""
        return cls(ep.name, ep.value, ep.group, ep.dist.name if ep.dist is not None else None, origin=ep)

    def load(self) -> Any:
        """The module, or the object the value names in it (as ``importlib.metadata.EntryPoint.load``)."""
        if self.origin is not None:
            return self.origin.load()
        if all(part.isidentifier() for part in self.value.split(".")):  # a plain module: no regex to compile
            return import_module(self.value)
        import re

        match = re.match(VALUE, self.value)
        if match is None:  # importlib.metadata raises its own error for a malformed value
            return self._reference().load()
        module = import_module(match.group("module"))
        return reduce(getattr, filter(None, (match.group("attr") or "").split(".")), module)

    def version(self) -> str | None:
        """The distribution's version (read only when asked: messages and ``draaiboek plugins``)."""
        if self.origin is not None:
            return self.origin.dist.version if self.origin.dist is not None else None
        if self.folder is None:
            return None
        try:
            return _header(self.folder, "version")
        except Unusual:
            return _reference_distribution(self.folder).version

    def _reference(self) -> metadata.EntryPoint:
        from importlib.metadata import EntryPoint as Reference

        return Reference(self.name, self.value, self.group)


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of ``group`` from every installed distribution, in importlib.metadata's order."""
    try:
        return _read_path(group)
    except Unusual:
        from importlib.metadata import entry_points as reference

        return [EntryPoint.of(ep) for ep in reference(group=group)]


def _read_path(group: str) -> list[EntryPoint]:
    from importlib.machinery import PathFinder

    # importlib.metadata asks every finder on sys.meta_path; only the path finder's answer is known here.
    if any(finder is not PathFinder and hasattr(finder, "find_distributions") for finder in sys.meta_path):
        raise Unusual("another distribution finder")
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for root in sys.path:
        for folder, key in _metadata_folders(root):
            if key in seen:  # shadowed by a distribution of the same name earlier on sys.path
                continue
            seen.add(key)
            found.extend(_read_folder(folder, group))
    return found


def _metadata_folders(root: object) -> list[tuple[str, str]]:
    """(metadata folder, normalized distribution name) in one sys.path entry, in directory order."""
    if not isinstance(root, str):
        raise Unusual("a sys.path entry that is not a str")
    try:
        children = os.listdir(root or ".")
    except OSError:
        if os.path.isfile(root):  # a zip: importlib.metadata reads its members
            raise Unusual("a zip on sys.path") from None
        return []  # a missing folder holds nothing
    if os.path.basename(root).lower().endswith(".egg"):
        raise Unusual("an egg on sys.path")
    folders = []
    for child in children:
        low = child.lower()
        if not low.endswith(METADATA_SUFFIXES):
            continue
        stem, suffix = os.path.splitext(child)
        name = stem.partition("-")[0]
        if suffix not in METADATA_SUFFIXES or not name:  # importlib then names it by its metadata instead
            raise Unusual(f"a metadata folder named {child!r}")
        folders.append((os.path.join(root, child), _normalize(name)))
    return folders


def _normalize(name: str) -> str:
    """importlib.metadata's ``re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")``, without a regex."""
    name = name.lower().replace("-", "_").replace(".", "_")
    while "__" in name:
        name = name.replace("__", "_")
    return name


def _read_text(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as stream:
            return stream.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        return None  # importlib.metadata reads these as absent
    except (OSError, UnicodeDecodeError) as exc:
        raise Unusual(str(exc)) from None


def _read_folder(folder: str, group: str) -> list[EntryPoint]:
    """The entry points of ``group`` in one distribution's ``entry_points.txt`` (an ini-like file: sections,
    ``name = value`` lines, ``#`` comments; lines before the first section are ignored)."""
    text = _read_text(os.path.join(folder, "entry_points.txt"))
    if not text:
        return []
    pairs: list[tuple[str, str]] = []
    section: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section is not None:
            if "=" not in line:  # importlib.metadata fails on it: let it say so
                raise Unusual(f"{folder}: a line without '='")
            if section == group:
                name, value = line.split("=", 1)
                pairs.append((name.strip(), value.strip()))
    if not pairs:
        return []
    try:
        distribution = _header(folder, "name")
    except Unusual:
        distribution = _reference_distribution(folder).name
    return [EntryPoint(name, value, group, distribution, folder) for name, value in pairs]


def _header(folder: str, key: str) -> str:
    """A single-line header of the distribution's METADATA (or PKG-INFO), as email's parser reads it."""
    text = _read_text(os.path.join(folder, "METADATA")) or _read_text(os.path.join(folder, "PKG-INFO"))
    if not text:
        raise Unusual("no metadata")
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line[:1] in (" ", "\t"):
            continue  # the folded rest of an earlier header
        if ":" not in line:
            break  # past the headers (or something only email's parser knows how to read)
        name, value = line.split(":", 1)
        if name.lower() == key:
            if i + 1 < len(lines) and lines[i + 1][:1] in (" ", "\t"):
                break  # a folded header
            return value.lstrip(" \t")
    raise Unusual(f"no plain {key} header")


def _reference_distribution(folder: str) -> metadata.Distribution:
    from importlib.metadata import PathDistribution
    from pathlib import Path

    return PathDistribution(Path(folder))

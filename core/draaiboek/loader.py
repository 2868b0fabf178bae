"""Loading a pack folder: every YAML file read, merged and structured, every problem located at file:line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from attrs import define, field

from draaiboek.converter import iter_problems, structure_pack
from draaiboek.diagnostics import Diagnostic
from draaiboek.model import Pack
from draaiboek.yamlsource import MAX_FILE_BYTES, PathKey, YamlDocument, format_path, read_yaml

PACK_FILE = "pack.yaml"
COLLECTIONS = ("trainings", "work_formats", "cases", "meters", "questionnaires")
MAX_FILES = 500
#: All YAML files of a pack together (each at most 1 MB); the bundled packs are below 200 KB.
MAX_PACK_BYTES = 4 * 1024 * 1024


@define
class SourceMap:
    """Where each part of the merged pack came from, so a field path can be shown as file:line."""

    pack_doc: YamlDocument
    origins: dict[tuple[str, int], tuple[YamlDocument, int]] = field(factory=dict)

    def locate(self, path: PathKey) -> tuple[str, int | None, str]:
        """(file, line, field path as the author sees it in that file)."""
        if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int) and (path[0], path[1]) in self.origins:
            doc, local = self.origins[(path[0], path[1])]
            local_path: PathKey = (path[0], local, *path[2:])
            return doc.file, doc.line_of(local_path), format_path(local_path)
        return self.pack_doc.file, self.pack_doc.line_of(path), format_path(path)

    def diagnostic(self, severity: str, code: str, message: str, path: PathKey, hint: str | None = None,
                   ref: str | None = None) -> Diagnostic:
        file, line, shown = self.locate(path)
        return Diagnostic(severity, code, message, file, line, shown or None, hint, ref)  # type: ignore[arg-type]


@define
class LoadResult:
    folder: Path
    pack: Pack | None
    diagnostics: list[Diagnostic]
    source_map: SourceMap | None = None


def display_name(path: Path) -> str:
    """A path as short as it can be for the user: relative to the working folder where possible."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def pack_files(folder: Path) -> tuple[list[Path], list[Diagnostic]]:
    """The pack's YAML files in sorted order; links that leave the folder are refused."""
    root = folder.resolve()
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in sorted(p for pattern in ("*.yaml", "*.yml") for p in folder.rglob(pattern)):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if not path.resolve().is_relative_to(root):
            problems.append(Diagnostic("error", "FILE002", "file links to a place outside the pack",
                                       display_name(path), None, None, "copy the file into the pack folder"))
            continue
        files.append(path)
    if len(files) > MAX_FILES:
        problems.append(Diagnostic("error", "FILE003", f"pack has {len(files)} YAML files; the limit is {MAX_FILES}",
                                   display_name(folder)))
        files = files[:MAX_FILES]
    total = sum(size for path in files if (size := _size(path)) <= MAX_FILE_BYTES)  # bigger: YAML007 on its own
    if total > MAX_PACK_BYTES:
        problems.append(Diagnostic("error", "FILE006", f"the pack's YAML files hold {total:,} bytes together; "
                                   f"the limit is {MAX_PACK_BYTES:,} bytes ({MAX_PACK_BYTES // 1024 // 1024} MB)",
                                   display_name(folder), None, None, "split it into several packs"))
        files = []
    return files, problems


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # reported when the file is read
        return 0


def _merge(pack_doc: YamlDocument, others: list[YamlDocument], problems: list[Diagnostic]) -> tuple[dict[str, Any], SourceMap]:
    source_map = SourceMap(pack_doc)
    merged: dict[str, Any] = {}
    if pack_doc.data is not None and not isinstance(pack_doc.data, dict):
        problems.append(Diagnostic("error", "PACK002", "pack.yaml must be a mapping of fields (id, title, ...)",
                                   pack_doc.file, 1))
    elif isinstance(pack_doc.data, dict):
        merged = {k: v for k, v in pack_doc.data.items() if k not in COLLECTIONS}
    for doc in [pack_doc, *others]:
        if doc.data is None or doc.problems:  # a file that did not read cleanly adds only its own errors
            continue
        if not isinstance(doc.data, dict):
            problems.append(Diagnostic("error", "PACK003", "file must be a mapping with keys such as 'trainings:'",
                                       doc.file, 1))
            continue
        for key, value in doc.data.items():
            if key not in COLLECTIONS:
                if doc is not pack_doc:
                    problems.append(Diagnostic("error", "PACK004", f"unknown top-level key '{key}'", doc.file,
                                               doc.line_of((key,)), key, f"use one of: {', '.join(COLLECTIONS)}"))
                continue
            if not isinstance(value, list):
                problems.append(Diagnostic("error", "PACK005", f"'{key}' must be a list ('- id: ...')", doc.file,
                                           doc.line_of((key,)), key))
                continue
            target = merged.setdefault(key, [])
            for local, item in enumerate(value):
                source_map.origins[(key, len(target))] = (doc, local)
                target.append(item)
    return merged, source_map


def load_folder(folder: Path) -> LoadResult:
    """Read a pack folder. Never raises for problems in the pack: they are in ``diagnostics``."""
    folder = Path(folder)
    try:
        return _load(folder)
    except (RecursionError, MemoryError) as exc:  # past every limit: still one line naming the pack
        return LoadResult(folder, None, [Diagnostic("error", "PACK006", f"the pack is too large or too deeply "
                                                    f"nested to load ({type(exc).__name__})",
                                                    display_name(folder / PACK_FILE), None, None,
                                                    "split it into smaller files with less nesting")])


def _load(folder: Path) -> LoadResult:
    if not (folder / PACK_FILE).is_file():
        where = display_name(folder)
        hint = "create it with 'draaiboek new NAME'" if folder.is_dir() else "check the path"
        return LoadResult(folder, None, [Diagnostic("error", "PACK001", f"no {PACK_FILE} in this folder", where,
                                                    None, None, hint)])
    files, problems = pack_files(folder)
    docs = [read_yaml(path, display_name(path)) for path in files]
    for doc in docs:
        problems.extend(doc.problems)
    # pack.yaml missing from the list was refused (FILE002, or a limit): never parse it anyway
    pack_doc = next((d for d, p in zip(docs, files) if p == folder / PACK_FILE), None) or \
        YamlDocument(display_name(folder / PACK_FILE))
    others = [d for d, p in zip(docs, files) if p != folder / PACK_FILE]
    merged, source_map = _merge(pack_doc, others, problems)
    if any(p.is_error for p in problems):
        return LoadResult(folder, None, problems, source_map)
    try:
        pack = structure_pack(merged)
    except Exception as exc:  # cattrs raises an exception group holding every problem; FieldError alone
        for path, message, hint in iter_problems(exc):
            problems.append(source_map.diagnostic("error", "FIELD001", message, path, hint))
        return LoadResult(folder, None, problems, source_map)
    return LoadResult(folder, pack, problems, source_map)

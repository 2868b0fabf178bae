"""Loading a pack folder: every YAML file read, merged and structured, every problem located at file:line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrs import define, field
from cattrs.errors import BaseValidationError, ForbiddenExtraKeysError

from draaiboek.collecting import few_collections
from draaiboek.converter import FieldError, iter_problems, structure_pack
from draaiboek.diagnostics import Diagnostic, Severity
from draaiboek.errors import internal_error
from draaiboek.model import Pack
from draaiboek.partial import Gaps, header_placeholders, ids_in, ids_in_text, without_failures
from draaiboek.yamlsource import MAX_FILE_BYTES, PathKey, YamlDocument, format_path, read_yaml

PACK_FILE = "pack.yaml"
COLLECTIONS = ("trainings", "work_formats", "cases", "meters", "questionnaires")
MAX_FILES = 500
#: What the converter raises for a value that does not fit the model: the author's to fix, shown as FIELD001.
AUTHOR_ERRORS = (BaseValidationError, ForbiddenExtraKeysError, FieldError)
#: Inside a validation group, what a value that does not fit may raise; anything else is a bug.
FIELD_FAILURES = (ValueError, TypeError, KeyError, ForbiddenExtraKeysError)
#: All YAML files of a pack together (each at most 1 MB); the bundled packs are below 200 KB.
MAX_PACK_BYTES = 4 * 1024 * 1024


@define
class SourceMap:
    """Where each part of the merged pack came from, so a field path can be shown as file:line."""

    pack_doc: YamlDocument
    origins: dict[tuple[str, int], tuple[YamlDocument, int]] = field(factory=dict)

    def locate(self, path: PathKey) -> tuple[str, int | None, str]:
        """(file, line, field path as the author sees it in that file)."""
        head = path[:2]
        if len(head) == 2 and isinstance(head[0], str) and isinstance(head[1], int) and head in self.origins:
            doc, local = self.origins[(head[0], head[1])]
            local_path: PathKey = (path[0], local, *path[2:])
            return doc.file, doc.line_of(local_path), format_path(local_path)
        return self.pack_doc.file, self.pack_doc.line_of(path), format_path(path)

    def diagnostic(self, severity: Severity, code: str, message: str, path: PathKey, hint: str | None = None,
                   ref: str | None = None) -> Diagnostic:
        file, line, shown = self.locate(path)
        return Diagnostic(severity, code, message, file, line, shown or None, hint, ref)


@define
class LoadResult:
    folder: Path
    pack: Pack | None
    diagnostics: list[Diagnostic]
    source_map: SourceMap | None = None
    partial: Pack | None = None  # when there are errors: the part that loaded, for the checks to run on
    gaps: Gaps = field(factory=Gaps)  # what the partial pack leaves out, and why


def display_name(path: Path) -> str:
    """A path as the user gave it: relative stays relative, absolute stays absolute (never rewritten)."""
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


def _merge(pack_doc: YamlDocument, others: list[YamlDocument], problems: list[Diagnostic],
           ) -> tuple[dict[str, Any], SourceMap]:
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
        if doc is pack_doc and not isinstance(doc.data, dict):
            continue  # PACK002 above says it
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


def _first_bug(exc: BaseException) -> BaseException | None:
    """The first exception in a validation group that no value could have caused (an AttributeError...)."""
    if isinstance(exc, BaseExceptionGroup):
        return next((bug for inner in exc.exceptions if (bug := _first_bug(inner)) is not None), None)
    return None if isinstance(exc, FIELD_FAILURES) else exc


def load_folder(folder: Path) -> LoadResult:
    """Read a pack folder. Never raises for problems in the pack: they are in ``diagnostics``."""
    folder = Path(folder)
    try:
        with few_collections():
            return _load(folder)
    except (RecursionError, MemoryError) as exc:  # past every limit: still one line naming the pack
        return LoadResult(folder, None, [Diagnostic("error", "PACK006", f"the pack is too large or too deeply "
                                                    f"nested to load ({type(exc).__name__})",
                                                    display_name(folder / PACK_FILE), None, None,
                                                    "split it into smaller files with less nesting")])


def _load(folder: Path) -> LoadResult:
    if not (folder / PACK_FILE).is_file():
        where = display_name(folder)
        advice = "create it with 'draaiboek new NAME'" if folder.is_dir() else "check the path"
        return LoadResult(folder, None, [Diagnostic("error", "PACK001", f"no {PACK_FILE} in this folder", where,
                                                    None, None, advice)])
    files, problems = pack_files(folder)
    docs = [read_yaml(path, display_name(path)) for path in files]
    gaps = Gaps()
    for doc, file_path in zip(docs, files, strict=True):
        problems.extend(doc.problems)
        _note_unreadable(doc, file_path, gaps)
    # pack.yaml missing from the list was refused (FILE002, or a limit): never parse it anyway
    pack_path = folder / PACK_FILE
    pack_doc = next((d for d, p in zip(docs, files, strict=True) if p == pack_path), None) or \
        YamlDocument(display_name(pack_path))
    others = [d for d, p in zip(docs, files, strict=True) if p != pack_path]
    merged, source_map = _merge(pack_doc, others, problems)
    _note_unmerged([pack_doc, *others], gaps)
    if any(p.is_error for p in pack_doc.problems) or not isinstance(pack_doc.data, (dict, type(None))):
        _stand_in_header(merged, pack_doc, folder, gaps)
    for doc in docs:  # the source map keeps the documents for their lines; their data lives on in `merged` only
        doc.data = None
    try:
        pack = structure_pack(merged)
    except AUTHOR_ERRORS as exc:  # cattrs raises an exception group holding every problem; FieldError alone
        bug = _first_bug(exc)
        if bug is not None:
            raise internal_error(f"the pack converter (loading {display_name(folder)})", bug) from bug
        for path, message, hint in iter_problems(exc):
            problems.append(source_map.diagnostic("error", "FIELD001", message, path, hint))
        return _load_partial(folder, merged, exc, problems, source_map, gaps)
    except (RecursionError, MemoryError):  # too big or too deep: load_folder names the pack (PACK006)
        raise
    except Exception as exc:  # anything else is a bug in draaiboek, not the author's mistake
        raise internal_error(f"the pack converter (loading {display_name(folder)})", exc) from exc
    if any(p.is_error for p in problems):
        return LoadResult(folder, None, problems, source_map, pack, gaps)
    return LoadResult(folder, pack, problems, source_map)


def _note_unreadable(doc: YamlDocument, path: Path, gaps: Gaps) -> None:
    """A file with read errors is left out; remember its ids, so references to them are not 'unknown'."""
    if any(p.is_error for p in doc.problems):
        gaps.skipped.append(f"{doc.file} (cannot be read)")
        gaps.ids |= ids_in(doc.data) if doc.data is not None else ids_in_text(path)


def _note_unmerged(docs: list[YamlDocument], gaps: Gaps) -> None:
    """Parts _merge refused (PACK003-005): their ids are not 'unknown' to the checks on the rest."""
    for doc in docs:
        if doc.data is None or doc.problems:
            continue
        if not isinstance(doc.data, dict):
            gaps.skipped.append(f"{doc.file} (not a mapping)")
            gaps.ids |= ids_in(doc.data)
            continue
        for key, value in doc.data.items():
            if (key in COLLECTIONS and not isinstance(value, list)) or (key not in COLLECTIONS and doc is not docs[0]):
                gaps.skipped.append(f"'{key}' in {doc.file}")
                gaps.ids |= ids_in(value)


def _stand_in_header(merged: dict[str, Any], pack_doc: YamlDocument, folder: Path, gaps: Gaps) -> None:
    """pack.yaml did not read: stand-ins for its fields let the other files be checked all the same."""
    gaps.pack_id_known = isinstance(merged.get("id"), str)
    gaps.codes.add("REF005")  # without pack.yaml's sources every 'basis' would look unknown
    for name, value in header_placeholders(folder).items():
        if merged.get(name) is None:
            merged[name] = value


def _load_partial(folder: Path, merged: dict[str, Any], exc: BaseException, problems: list[Diagnostic],
                  source_map: SourceMap, gaps: Gaps) -> LoadResult:
    """Field errors: structure the pack without the elements that hold them, for the other checks."""
    failed = [path for path, _, _ in iter_problems(exc)]
    data, renumber = without_failures(merged, failed, folder, gaps)
    try:
        partial = structure_pack(data)
    except Exception:  # noqa: BLE001 - whatever is left cannot be isolated: the errors above are all we know
        gaps.skipped.append("references, timing and coverage (the pack's own fields could not be read)")
        return LoadResult(folder, None, problems, source_map, None, gaps)
    origins = source_map.origins
    partial_map = SourceMap(source_map.pack_doc, {key: origins[(key[0], old)]
                                                  for key, old in renumber.items() if (key[0], old) in origins})
    return LoadResult(folder, None, problems, partial_map, partial, gaps)

"""Text hygiene: no control characters, no raw HTML (exporters render Markdown only), files inside the pack."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path as FsPath
from pathlib import PurePosixPath, PureWindowsPath

import attrs

from draaiboek.checks.base import Finding, error
from draaiboek.model import Handout, Pack
from draaiboek.refs import Resolver

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HTML_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9]*\s*|!--.*?--)>")
Path = tuple[str | int, ...]


def iter_strings(obj: object, path: Path = ()) -> Iterator[tuple[str, Path]]:
    """Every string in a model tree with its field path."""
    if isinstance(obj, str):
        yield obj, path
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from iter_strings(item, (*path, i))
    elif attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            yield from iter_strings(getattr(obj, f.name), (*path, f.name))


def check_text(pack: Pack, resolver: Resolver) -> Iterator[Finding]:
    for text, path in iter_strings(pack):
        if CONTROL.search(text):
            yield error("TEXT001", "text contains control characters", path, "remove them (often pasted from Word)")
        elif HTML_TAG.search(text):
            tag = HTML_TAG.search(text)
            yield error("TEXT002", f"raw HTML ({tag.group(0)[:30]}) is not supported in pack text", path,
                        "use Markdown: **bold**, *italics*, '- ' lists, [text](url)")
    for t, training in enumerate(pack.trainings):
        for h, handout in enumerate(training.handouts):
            yield from _check_file(handout, ("trainings", t, "handouts", h, "file"))


def _check_file(handout: Handout, path: Path) -> Iterator[Finding]:
    if handout.file is None:
        return
    posix, windows = PurePosixPath(handout.file), PureWindowsPath(handout.file)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or ".." in posix.parts or ".." in windows.parts:
        yield error("FILE004", f"file '{handout.file}' points outside the pack", path,
                    "give a path inside the pack folder, e.g. 'bestanden/handout.pdf'")


def check_files_on_disk(pack: Pack, folder: FsPath) -> Iterator[Finding]:
    """Files named by the pack exist inside its folder; a link may not lead out of it."""
    root = folder.resolve()
    for t, training in enumerate(pack.trainings):
        for h, handout in enumerate(training.handouts):
            if handout.file is None or next(_check_file(handout, ()), None) is not None:
                continue
            path = ("trainings", t, "handouts", h, "file")
            target = folder / handout.file
            if not target.resolve().is_relative_to(root):
                yield error("FILE004", f"file '{handout.file}' links to a place outside the pack", path,
                            "copy the file into the pack folder")
            elif not target.is_file():
                yield error("FILE005", f"file '{handout.file}' does not exist in the pack", path,
                            "check the name; paths are relative to the folder with pack.yaml")

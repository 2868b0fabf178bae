"""Text hygiene: no control characters, no raw HTML (exporters render Markdown only), files inside the pack."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path as FsPath
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from draaiboek.checks.base import Finding, error
from draaiboek.checks.walk import Finder
from draaiboek.model import Handout, Pack
from draaiboek.refs import Resolver

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Link schemes that may become a clickable link in a deck or handbook; anything else (smb:, ms-msdt:,
#: file:, javascript:...) could start a program on the reader's machine.
LINK_SCHEMES = ("http", "https", "mailto")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
#: A superset of what the parser could call raw HTML or a non-web link: a tag-like '<', or a link destination
#: that starts with an entity, an escape or another scheme. Most text matches none, so check stays light.
_DESTINATION = r"\s*<?(?:[&\\]|(?!(?:https?|mailto):)[A-Za-z][A-Za-z0-9+.-]*:)"
_CANDIDATE = re.compile(rf"<[A-Za-z/!?]|\]\({_DESTINATION}|\]:{_DESTINATION}", re.IGNORECASE)
Path = tuple[str | int, ...]
#: Either of the above: a string neither finds is never reported, so it needs no field path.
_SUSPECT = re.compile(f"{CONTROL.pattern}|{_CANDIDATE.pattern}", re.IGNORECASE).search


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt  # the exporters' parser; imported only when a pack is checked

    return MarkdownIt("commonmark")


def _tokens(text: str) -> Iterator[Any]:
    for token in _parser().parse(text):
        yield token
        yield from token.children or ()


def markdown_problems(text: str) -> Iterator[tuple[str, str]]:
    """(code, message) for raw HTML and for links with a scheme other than http, https or mailto."""
    if not _CANDIDATE.search(text):  # the parser (and its import) only where it could find something
        return
    for token in _tokens(text):
        if token.type in ("html_inline", "html_block"):
            shown = " ".join(token.content.split())
            yield "TEXT002", f"raw HTML ({shown[:30]}) is not supported in pack text"
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            scheme = SCHEME.match(href)
            if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
                yield "TEXT003", f"link '{href[:60]}' uses the scheme '{scheme.group(1)}:'"


def _suspect_strings(pack: Pack) -> list[tuple[str, Path]]:
    """The strings check_text has something to say about, with their field paths, in field order."""
    finder = Finder(lambda tp: issubclass(tp, str), text=_SUSPECT)
    return finder.find(pack)


def check_text(pack: Pack, resolver: Resolver) -> Iterator[Finding]:
    for text, path in _suspect_strings(pack):
        if CONTROL.search(text):
            yield error("TEXT001", "text contains control characters", path, "remove them (often pasted from Word)")
            continue
        reported: set[str] = set()
        for code, message in markdown_problems(text):
            if code in reported:  # one line per kind of problem and string is enough to find it
                continue
            reported.add(code)
            hint = ("use Markdown: **bold**, *italics*, '- ' lists, [text](url)" if code == "TEXT002"
                    else "link to an http://, https:// or mailto: address only")
            yield error(code, message, path, hint)
    for t, training in enumerate(pack.trainings):
        for h, handout in enumerate(training.handouts):
            yield from _check_file(handout, ("trainings", t, "handouts", h, "file"))


def _check_file(handout: Handout, path: Path) -> Iterator[Finding]:
    if handout.file is None:
        return
    if CONTROL.search(handout.file):  # a NUL byte cannot even be looked up on disk
        yield error("FILE004", "file name contains control characters", path, "retype the file name")
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

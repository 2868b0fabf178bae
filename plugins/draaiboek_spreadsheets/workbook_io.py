"""Checks a file given as a workbook before any part of it is parsed: exists, size, encryption, format."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from draaiboek.errors import InputFileError

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
#: Parts read whole into Python objects (not the sheets, which the reader streams): a meter's are a few KB;
#: 16 MB of one-character shared strings would already be a million Python strings. Styles stay capped as
#: before, although the reader no longer reads them, so that the same files are refused.
MAX_WHOLE_PART = 16 * 1024 * 1024
WHOLE_PARTS = ("xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
               "[Content_Types].xml")
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")


_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b[^>]*>")
_PART_NAME = re.compile(rb'PartName\s*=\s*["\']/?([^"\']+)')
_READ_WHOLE = re.compile(rb"(?:sharedStrings|styles|sheet\.main)\+xml")


def _whole_parts(types: bytes) -> set[str]:
    """Part names the content types give to shared strings, styles and the workbook (any name will do)."""
    found = set()
    for element in _OVERRIDE.findall(types):
        name = _PART_NAME.search(element)
        if name and _READ_WHOLE.search(element):
            found.add(name.group(1).decode("utf-8", "replace"))
    return found


def check_workbook_file(path: Path) -> None:
    """Raise :class:`InputFileError` with one clear line when ``path`` cannot be an .xlsx workbook."""
    with open_workbook(path):
        pass


@contextmanager
def open_workbook(path: Path) -> Iterator[zipfile.ZipFile]:
    """The checked workbook's archive, the file opened once; :class:`InputFileError` as check_workbook_file."""
    if not path.exists():
        raise InputFileError(f"{path}: file not found")
    if not path.is_file():
        raise InputFileError(f"{path}: not a file")
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(f"{path}: empty file (0 bytes), not a workbook")
    if size > MAX_BYTES:
        raise InputFileError(f"{path}: too large ({size / 1048576:.0f} MB; "
                             f"a meter is far below {MAX_BYTES // 1048576} MB)")
    with path.open("rb") as handle:
        head = handle.read(8)
        if head == _OLE:
            handle.seek(0)
            if _ENCRYPTED in handle.read():
                raise InputFileError(f"{path}: the workbook is encrypted (password to open); "
                                     "save it without a password")
            raise InputFileError(f"{path}: old Excel format (.xls); save it as an .xlsx workbook")
        if not zipfile.is_zipfile(handle):
            raise InputFileError(f"{path}: not an Excel workbook (.xlsx)")
        try:
            archive = zipfile.ZipFile(handle)
        except zipfile.BadZipFile:
            raise InputFileError(f"{path}: damaged file, not a readable Excel workbook") from None
        with archive:
            try:
                _check_archive(path, archive)
            except zipfile.BadZipFile:
                raise InputFileError(f"{path}: damaged file, not a readable Excel workbook") from None
            yield archive


def _check_archive(path: Path, archive: zipfile.ZipFile) -> None:
    sizes = {info.filename: info.file_size for info in archive.infolist()}
    unpacked = sum(sizes.values())
    if unpacked > MAX_UNPACKED:  # checked before any entry is read
        raise InputFileError(f"{path}: too large when unpacked ({unpacked / 1048576:.0f} MB)")
    if sizes.get("mimetype", 1000) < 1000 and b"opendocument" in archive.read("mimetype"):
        raise InputFileError(f"{path}: an OpenDocument file (.ods); save it as an Excel workbook (.xlsx)")
    if "xl/workbook.xml" not in sizes:
        raise InputFileError(f"{path}: a zip file but not an Excel workbook (.xlsx)")
    if sizes.get("[Content_Types].xml", 0) > MAX_WHOLE_PART:
        raise InputFileError(f"{path}: [Content_Types].xml is too large for a meter")
    # shared strings and styles are found through the content types, under any name (as openpyxl does)
    types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in sizes else b""
    named = set(WHOLE_PARTS) | _whole_parts(types)
    big = next((name for name in sorted(named) if sizes.get(name, 0) > MAX_WHOLE_PART), None)
    if big:
        raise InputFileError(f"{path}: {big} is too large for a meter ({sizes[big] / 1048576:.0f} MB)")

"""Checks a file given as a workbook before openpyxl touches it: exists, size, encryption, format."""

from __future__ import annotations

import zipfile
from pathlib import Path

from draaiboek.errors import InputFileError

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")


def check_workbook_file(path: Path) -> None:
    """Raise :class:`InputFileError` with one clear line when ``path`` cannot be an .xlsx workbook."""
    if not path.exists():
        raise InputFileError(f"{path}: file not found")
    if not path.is_file():
        raise InputFileError(f"{path}: not a file")
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(f"{path}: empty file (0 bytes), not a workbook")
    if size > MAX_BYTES:
        raise InputFileError(f"{path}: too large ({size / 1048576:.0f} MB; a meter is far below {MAX_BYTES // 1048576} MB)")
    with path.open("rb") as handle:
        head = handle.read(8)
        if head == _OLE:
            handle.seek(0)
            if _ENCRYPTED in handle.read():
                raise InputFileError(f"{path}: the workbook is encrypted (password to open); save it without a password")
            raise InputFileError(f"{path}: old Excel format (.xls); save it as an .xlsx workbook")
    if not zipfile.is_zipfile(path):
        raise InputFileError(f"{path}: not an Excel workbook (.xlsx)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
                raise InputFileError(f"{path}: an OpenDocument file (.ods); save it as an Excel workbook (.xlsx)")
            if "xl/workbook.xml" not in names:
                raise InputFileError(f"{path}: a zip file but not an Excel workbook (.xlsx)")
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise InputFileError(f"{path}: damaged file, not a readable Excel workbook") from None
    if unpacked > MAX_UNPACKED:
        raise InputFileError(f"{path}: too large when unpacked ({unpacked / 1048576:.0f} MB)")

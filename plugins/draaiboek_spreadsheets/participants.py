"""The --participants CSV: one name or code per line (optionally a header with a `code` or `name` column)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from draaiboek.errors import InputFileError
from draaiboek_spreadsheets.text import slug

HEADERS = {"name", "naam", "code", "participant", "deelnemer", "deelnemers", "participants", "codes", "namen"}
MAX_BYTES = 1024 * 1024
#: One workbook is written per participant: a list far longer than any group is a mistake, not a group.
MAX_PARTICIPANTS = 1000


def read_participants(path: Path) -> list[tuple[str, str]]:
    """(identity, file slug) per participant; with a `code` column the code is used, never the name."""
    if not path.is_file():
        raise InputFileError(f"{path}: participants file not found")
    if path.stat().st_size > MAX_BYTES:
        raise InputFileError(f"{path}: too large for a participants list")
    try:
        content = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError(f"{path}: not a UTF-8 text file; save the list as CSV (UTF-8)") from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(content[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = _rows(path, content, dialect)
    column = 0
    if rows and rows[0][1][0].lower() in HEADERS:
        names = [c.lower() for c in rows[0][1]]
        column = names.index("code") if "code" in names else 0
        rows = rows[1:]
    if not rows:
        raise InputFileError(f"{path}: no participants listed")
    if len(rows) > MAX_PARTICIPANTS:
        raise InputFileError(f"{path}: {len(rows)} participants; the limit is {MAX_PARTICIPANTS} (one workbook each)")
    result: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    slugs: dict[str, int] = {}
    for line, row in rows:
        identity = row[column] if column < len(row) else ""
        if not identity:
            raise InputFileError(f"{path}:{line}: empty name or code")
        key = identity.casefold()
        if key in seen:
            raise InputFileError(f"{path}:{line}: participant {identity!r} is already on line {seen[key]}")
        seen[key] = line
        file_slug = slug(identity) or f"participant-{line}"
        if file_slug in slugs:
            raise InputFileError(f"{path}:{line}: {identity!r} gives the same file name as line {slugs[file_slug]}")
        slugs[file_slug] = line
        result.append((identity, file_slug))
    return result


def _rows(path: Path, content: str, dialect: type[csv.Dialect] | csv.Dialect) -> list[tuple[int, list[str]]]:
    """(line, cells) of the non-empty rows; a quoted line break stays in its cell (as a space)."""
    reader = csv.reader(io.StringIO(content, newline=""), dialect)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            cells = [" ".join(cell.split()) for cell in row]  # "Jan\nde Vries" is one name
            if any(cells):
                rows.append((reader.line_num - sum(c.count("\n") for c in row), cells))
    except csv.Error as error:  # e.g. a field over the csv module's limit, or a NUL byte
        raise InputFileError(f"{path}:{reader.line_num}: not a readable CSV list ({error})") from None
    return rows

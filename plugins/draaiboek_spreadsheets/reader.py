"""Reads a filled meter workbook: read-only, never saved, through the hidden metadata sheet.

Only the parts a meter needs are read (zipfile and lxml, no openpyxl): the workbook, its relationships, the
shared strings, the metadata sheet and the scores sheet. Formulas are not evaluated: only the raw input cells
are read (a formula reads as ``"=..."`` and is refused); every figure is computed later in Python. Works on
files saved by Excel or LibreOffice, not only on what openpyxl wrote.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Container, Iterable, Sequence
from pathlib import Path
from typing import Any

from draaiboek.errors import InputFileError
from draaiboek_spreadsheets.meter_plan import FORMAT, FORMAT_VERSION, METADATA_SHEET
from draaiboek_spreadsheets.records import MeterInfo, Response, StatementInfo
from draaiboek_spreadsheets.sheetxml import MAX_COLUMN, MAX_ROW, SheetDamaged, read_rows
from draaiboek_spreadsheets.workbook_io import open_workbook
from draaiboek_spreadsheets.workbook_parts import Sheet, find_parts, read_strings

_LEADING_INT = re.compile(r"^\s*(-?\d{1,9})(?:\s|[–-]|$)")  # a score, never a 5,000-digit number
_KEYS = ("pack", "pack_version", "meter", "fingerprint", "sheet", "name_row", "name_column")


#: The metadata sheet holds a row per statement and moment; far more rows means it is not ours.
MAX_METADATA_ROWS = 5000
#: Columns of the metadata sheet: kind and up to five fields.
METADATA_COLUMNS = 6


class _Damaged(Exception):
    pass


def read_meter(path: Path) -> Response:
    """One filled meter; :class:`InputFileError` (one line, naming the file) when it cannot be used."""
    with open_workbook(path) as archive:
        try:
            sheets, strings_part = find_parts(archive)
            strings = read_strings(archive, strings_part) if strings_part else []
            return _read(path, Workbook(archive, sheets, strings))
        except InputFileError:
            raise
        except (_Damaged, SheetDamaged) as error:
            raise InputFileError(f"{path}: the workbook is damaged ({error})") from None
        except Exception as error:  # a hostile or cut file raises anything from zipfile or the XML parser:
            # this file only, never the report
            raise InputFileError(f"{path}: cannot be read as a workbook ({_reason(error)})") from None


def _reason(error: BaseException) -> str:
    detail = " ".join(str(error).split())[:80]
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


class Workbook:
    """What the reader asks of a workbook: sheet names, and the cells of one sheet."""

    def __init__(self, archive: zipfile.ZipFile, sheets: list[Sheet], strings: Sequence[Any]) -> None:
        self.archive, self.strings = archive, strings
        self.sheets: dict[str, Sheet] = {}
        for sheet in sheets:  # the first sheet of a name wins; a worksheet before a chart sheet, as in openpyxl
            if sheet.name not in self.sheets or (self.sheets[sheet.name].chart and not sheet.chart):
                self.sheets[sheet.name] = sheet

    @property
    def sheetnames(self) -> Container[str]:
        return self.sheets

    def cells(self, name: str, rows: set[int] | None, max_row: int, max_col: int,
              max_count: int = MAX_ROW) -> dict[int, tuple[Any, ...]]:
        sheet = self.sheets[name]
        if sheet.chart:
            raise _Damaged(f"the sheet '{name}' is a chart, not cells")
        with self.archive.open(sheet.path) as source:
            return read_rows(source, self.strings, rows, max_row, max_col, max_count)


def _read(path: Path, wb: Any) -> Response:
    """The meter in ``wb``: anything with ``sheetnames`` and ``cells`` (this reader's or the test's reference)."""
    if METADATA_SHEET not in wb.sheetnames:
        raise InputFileError(f"{path}: not a draaiboek meter (no '{METADATA_SHEET}' metadata sheet)")
    try:
        found = wb.cells(METADATA_SHEET, None, MAX_ROW, METADATA_COLUMNS, MAX_METADATA_ROWS)
        info, keys = parse_metadata(found[number] for number in sorted(found))
    except (_Damaged, SheetDamaged) as error:
        raise InputFileError(f"{path}: the meter's metadata sheet is damaged ({error})") from None
    sheet = str(keys["sheet"])
    if sheet not in wb.sheetnames:
        raise InputFileError(f"{path}: the sheet '{sheet}' with the scores is missing")
    wanted = {keys["name_row"]} | {s[2] for s in keys["_statements"]}
    last_col = max([m[2] for m in keys["_moments"]] + [keys["name_column"]])
    return _response(path, info, keys, wb.cells(sheet, wanted, max(wanted), last_col))


def parse_metadata(rows: Iterable[tuple[Any, ...]]) -> tuple[MeterInfo, dict[str, Any]]:
    rows = [tuple(r) + (None,) * 6 for r in rows if r and r[0] is not None]
    if not rows or rows[0][0] != FORMAT:
        raise _Damaged("it was not made by draaiboek")
    version = _int(rows[0][1] if len(rows[0]) > 1 else None)
    if version is None or version > FORMAT_VERSION:
        raise _Damaged(f"format version {rows[0][1]!r}; use a newer draaiboek")
    keys: dict[str, Any] = {}
    scale, moments, domains, statements = [], [], [], []
    try:
        for r in rows[1:]:
            kind = r[0]
            if kind == "key":
                keys[str(r[1])] = "" if r[2] is None else r[2]
            elif kind == "scale":
                scale.append((_need_int(r[1]), _str(r[2]), _str(r[3])))
            elif kind == "moment":
                moments.append((_str(r[1]), _str(r[2]), _bounded(r[3], MAX_COLUMN, "column")))
            elif kind == "domain":
                domains.append((_str(r[1]), _str(r[2])))
            elif kind == "statement":
                statements.append((_str(r[1]), _str(r[2]), _bounded(r[3], MAX_ROW, "row"), _str(r[4]), _str(r[5])))
    except IndexError:
        raise _Damaged("a record is incomplete") from None
    missing = [k for k in _KEYS if k not in keys]
    if missing or not scale or not moments or not statements:
        raise _Damaged("missing " + ", ".join(missing or ["scale, moments or statements"]))
    keys["name_row"] = _bounded(keys["name_row"], MAX_ROW, "row")
    keys["name_column"] = _bounded(keys["name_column"], MAX_COLUMN, "column")
    keys["_scale"], keys["_moments"], keys["_statements"] = scale, moments, statements
    info = MeterInfo(
        pack=_str(keys["pack"]), pack_version=_str(keys["pack_version"]), meter=_str(keys["meter"]),
        title=_str(keys.get("title", "")), language=_str(keys.get("language", "nl")) or "nl",
        fingerprint=_str(keys["fingerprint"]),
        scale=tuple((v, label) for v, label, _ in scale), moments=tuple((m, label) for m, label, _ in moments),
        domains=tuple(domains), statements=tuple(StatementInfo(s, d, n, t) for s, d, _, n, t in statements),
        strengths=_int(keys.get("strengths")) or 0, challenges=_int(keys.get("challenges")) or 0,
    )
    return info, keys


def _response(path: Path, info: MeterInfo, keys: dict[str, Any], rows: dict[int, tuple[Any, ...]]) -> Response:
    empty: tuple[Any, ...] = ()
    name_cell = rows.get(keys["name_row"], empty)
    name_col = keys["name_column"]
    name = _str(name_cell[name_col - 1] if len(name_cell) >= name_col else None).strip()
    participant = name or _str(keys.get("participant")).strip() or path.stem
    by_choice = {choice.strip(): value for value, _, choice in keys["_scale"]}
    by_choice.update({label.strip().lower(): value for value, label, _ in keys["_scale"] if label.strip()})
    response = Response(path, participant, info)
    bad: list[str] = []
    formulas: list[str] = []
    sheet = keys["sheet"]
    for moment_id, _label, column in keys["_moments"]:
        scores: dict[str, int] = {}
        for statement_id, _domain, row, _number, _text in keys["_statements"]:
            raw = rows.get(row, empty)[column - 1] if len(rows.get(row, empty)) >= column else None
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            value = _score(raw, by_choice)
            if isinstance(raw, str) and raw.startswith("="):
                formulas.append(f"{sheet}!{_letter(column)}{row}")
            elif value is None or value not in info.scale_values:
                bad.append(f"{sheet}!{_letter(column)}{row}={raw!r}")
            else:
                scores[statement_id] = value
        if scores:
            response.scores[moment_id] = scores
            if len(scores) < len(info.statements):
                response.blanks[moment_id] = len(info.statements) - len(scores)
    if formulas:
        more = f" and {len(formulas) - 3} more" if len(formulas) > 3 else ""
        raise InputFileError(f"{path}: a formula where a score belongs ({', '.join(formulas[:3])}{more}); "
                             "choose a score from the list")
    if bad:
        more = f" and {len(bad) - 3} more" if len(bad) > 3 else ""
        low, high = min(info.scale_values), max(info.scale_values)
        raise InputFileError(f"{path}: scores out of range (scale {low}-{high}): {', '.join(bad[:3])}{more}")
    return response


def _score(raw: object, by_choice: dict[str, int]) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    text = str(raw).strip()
    if text in by_choice:
        return by_choice[text]
    if text.lower() in by_choice:
        return by_choice[text.lower()]
    match = _LEADING_INT.match(text)
    return int(match.group(1)) if match else None


def _letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and len(value) < 20 and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _bounded(value: object, limit: int, what: str) -> int:
    """A row or column number from the metadata, within what Excel allows (1..1,048,576 rows, 1..16,384 columns)."""
    number = _need_int(value)
    if not 1 <= number <= limit:
        raise _Damaged(f"{what} {number} is outside 1-{limit:,}")
    return number


def _need_int(value: object) -> int:
    number = _int(value)
    if number is None:
        raise _Damaged(f"expected a number, found {value!r}")
    return number

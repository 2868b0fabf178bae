"""The filled-meter reader as it was before issue 20 (openpyxl ``load_workbook`` plus the streaming sheet reader
of that time), kept as a reference: the tests assert that the fast reader gives exactly what this one gives.

Copied from ``reader.py`` and ``sheetxml.py`` at commit 0509ecf; only what did not change (the metadata parser,
the score interpretation, the file checks, row numbers, dropping parsed elements) is imported from the plugin.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Container, Sequence
from pathlib import Path
from typing import IO, Any

from draaiboek.errors import InputFileError
from draaiboek_spreadsheets.meter_plan import METADATA_SHEET
from draaiboek_spreadsheets.reader import (
    MAX_METADATA_ROWS,
    METADATA_COLUMNS,
    _Damaged,
    _reason,
    _response,
    parse_metadata,
)
from draaiboek_spreadsheets.records import Response
from draaiboek_spreadsheets.sheetxml import (
    MAX_COLUMN,
    MAX_ROW,
    SheetDamaged,
    _drop,
    _number,
    column_number,
    typed_value,
)
from draaiboek_spreadsheets.workbook_io import check_workbook_file

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ROW, CELL = f"{_NS}row", f"{_NS}c"
_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})")


def read_meter(path: Path) -> Response:
    check_workbook_file(path)
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
        except Exception as error:
            raise InputFileError(f"{path}: cannot be read as a workbook ({_reason(error)})") from None
        try:
            return _read(path, wb)
        except InputFileError:
            raise
        except (_Damaged, SheetDamaged) as error:
            raise InputFileError(f"{path}: the workbook is damaged ({error})") from None
        except Exception as error:
            raise InputFileError(f"{path}: cannot be read as a workbook ({_reason(error)})") from None
        finally:
            wb.close()


def _read(path: Path, wb: Any) -> Response:
    if METADATA_SHEET not in wb.sheetnames:
        raise InputFileError(f"{path}: not a draaiboek meter (no '{METADATA_SHEET}' metadata sheet)")
    try:
        info, keys = parse_metadata(_rows(wb[METADATA_SHEET]))
    except (_Damaged, SheetDamaged) as error:
        raise InputFileError(f"{path}: the meter's metadata sheet is damaged ({error})") from None
    sheet = str(keys["sheet"])
    if sheet not in wb.sheetnames:
        raise InputFileError(f"{path}: the sheet '{sheet}' with the scores is missing")
    return _response(path, info, keys, _sheet_rows(wb[sheet], keys))


def _cells(ws: Any, rows: set[int] | None, max_row: int, max_col: int,
           max_count: int = MAX_ROW) -> dict[int, tuple[Any, ...]]:
    with ws.parent._archive.open(ws._worksheet_path) as source:
        return read_rows(source, ws._shared_strings, rows, max_row, max_col, max_count)


def _rows(ws: Any) -> list[tuple[Any, ...]]:
    found = _cells(ws, None, MAX_ROW, METADATA_COLUMNS, MAX_METADATA_ROWS)
    return [found[number] for number in sorted(found)]


def _sheet_rows(ws: Any, keys: dict[str, Any]) -> dict[int, tuple[Any, ...]]:
    wanted = {keys["name_row"]} | {s[2] for s in keys["_statements"]}
    last_col = max([m[2] for m in keys["_moments"]] + [keys["name_column"]])
    return _cells(ws, wanted, max(wanted), last_col)


def read_rows(source: IO[bytes], shared: Sequence[Any], rows: Container[int] | None, max_row: int,
              max_col: int, max_count: int = MAX_ROW) -> dict[int, tuple[Any, ...]]:
    from lxml import etree

    found: dict[int, tuple[Any, ...]] = {}
    context = etree.iterparse(source, events=("start", "end"), tag=(ROW, CELL), resolve_entities=False,
                              load_dtd=False, no_network=True, huge_tree=False)
    row_number, column, values = 0, 0, [None] * max_col
    checked = False
    for event, element in context:
        if not checked:
            if element.getroottree().docinfo.doctype:
                raise SheetDamaged("the sheet declares a DOCTYPE")
            checked = True
        if element.tag == ROW:
            if event == "start":
                row_number = _number(element.get("r"), row_number + 1, MAX_ROW, "row")
                if row_number > max_row:
                    break
                column, values = 0, [None] * max_col
            else:
                if rows is None or row_number in rows:
                    found[row_number] = tuple(values)
                    if len(found) > max_count:
                        raise SheetDamaged(f"more than {max_count} rows")
                _drop(element)
            continue
        if event == "start":
            continue
        match = _REF.fullmatch(element.get("r") or "")
        column = column_number(match.group(1)) if match else column + 1
        if column > MAX_COLUMN:
            raise SheetDamaged(f"row {row_number} has a cell past Excel's last column")
        if column <= max_col and (rows is None or row_number in rows):
            values[column - 1] = _value(element, shared)
        _drop(element)
    return found


def _text(element: Any, tag: str) -> str | None:
    found = element.find(f"{_NS}{tag}")
    return None if found is None else (found.text or "")


def _value(cell: Any, shared: Sequence[Any]) -> Any:
    formula = _text(cell, "f")
    if formula is not None:
        return "=" + formula
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(f"{_NS}is")
        return None if inline is None else "".join(t.text or "" for t in inline.iter(f"{_NS}t"))
    return typed_value(kind, _text(cell, "v"), shared)

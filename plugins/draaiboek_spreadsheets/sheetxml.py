"""Streams the cells of one worksheet of a filled meter: only the rows and columns the meter uses.

openpyxl builds every cell of a row before it filters, so one row of millions of inline strings (a few
hundred KB zipped) takes gigabytes. Here each cell is emptied as soon as it is parsed (and the emptied ones
dropped every 4,096 cells and at each row's end), a cell past Excel's last column or a DOCTYPE ends the read,
and the values come out as openpyxl gives them with ``data_only=False`` (a formula as ``"=..."``).
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from functools import lru_cache
from typing import IO, Any

MAX_ROW = 1_048_576
MAX_COLUMN = 16_384
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ROW, CELL = f"{_NS}row", f"{_NS}c"
_F, _V, _IS, _T = f"{_NS}f", f"{_NS}v", f"{_NS}is", f"{_NS}t"
_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})")


class SheetDamaged(Exception):
    """The worksheet XML is not one Excel or LibreOffice would write; the message says what."""


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


@lru_cache(maxsize=4096)  # a sheet repeats the same few column letters; bounded for hostile ones
def _ref_column(ref: str) -> int:
    """The column of a cell reference such as ``C6``; 0 when it is not one."""
    match = _REF.fullmatch(ref)
    return column_number(match.group(1)) if match else 0


def read_rows(source: IO[bytes], shared: Sequence[Any], rows: Container[int] | None, max_row: int,
              max_col: int, max_count: int = MAX_ROW) -> dict[int, tuple[Any, ...]]:
    """Row number -> values of columns 1..``max_col``, for the wanted ``rows`` (None: every row) up to ``max_row``;
    more than ``max_count`` rows kept is damage."""
    from lxml import etree

    found: dict[int, tuple[Any, ...]] = {}
    context = etree.iterparse(source, events=("start", "end"), tag=(ROW, CELL), resolve_entities=False,
                              load_dtd=False, no_network=True, huge_tree=False)
    row_number, column, values = 0, 0, [None] * max_col
    wanted, cells = rows is None, 0
    checked = False
    for event, element in context:
        if not checked:  # the prolog has been read by now: a DTD could define entities, so none is accepted
            if element.getroottree().docinfo.doctype:
                raise SheetDamaged("the sheet declares a DOCTYPE")
            checked = True
        if element.tag == CELL:  # most events: kept short
            if event == "start":
                continue
            column = _ref_column(element.get("r") or "") or column + 1
            if column > MAX_COLUMN:
                raise SheetDamaged(f"row {row_number} has a cell past Excel's last column")
            if wanted and column <= max_col:
                values[column - 1] = _value(element, shared)
            element.clear()
            cells += 1
            if cells % 4096 == 0:  # a row of millions of cells: drop the emptied ones now and then
                _drop(element)
            continue
        if event == "start":
            row_number = _number(element.get("r"), row_number + 1, MAX_ROW, "row")
            if row_number > max_row:  # nothing after it is read, damaged or not
                break
            column, values = 0, [None] * max_col
            wanted = rows is None or row_number in rows
        else:
            if wanted:
                found[row_number] = tuple(values)
                if len(found) > max_count:
                    raise SheetDamaged(f"more than {max_count} rows")
            _drop(element)
    return found


def _number(text: str | None, default: int, limit: int, what: str) -> int:
    if text is None:
        return default
    if not text.isdigit() or len(text) > 7 or not 1 <= int(text) <= limit:
        raise SheetDamaged(f"{what} number {text[:12]!r} is outside 1-{limit}")
    return int(text)


def _drop(element: Any) -> None:
    """Free a parsed element and its finished siblings: memory stays that of one cell."""
    element.clear()
    while element.getprevious() is not None:
        del element.getparent()[0]


def _value(cell: Any, shared: Sequence[Any]) -> Any:
    formula = raw = inline = None
    for child in cell:  # the first <f>, <v> and <is>, as find() would give them
        tag = child.tag
        if tag == _F:
            if formula is None:
                formula = child.text or ""
        elif tag == _V:
            if raw is None:
                raw = child.text or ""
        elif tag == _IS and inline is None:
            inline = child
    if formula is not None:
        return "=" + formula
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return None if inline is None else "".join([t.text or "" for t in inline.iter(_T)])
    return typed_value(kind, raw, shared)


def typed_value(kind: str, raw: str | None, shared: Sequence[Any]) -> Any:
    """The value of a cell of type ``kind`` (not a formula, not an inline string) whose ``<v>`` holds ``raw``."""
    if raw is None:
        return None
    if kind == "s":
        if not raw.isdigit() or int(raw) >= len(shared):
            raise SheetDamaged(f"shared string {raw[:12]!r} does not exist")
        return str(shared[int(raw)])
    if kind == "b":
        return raw.strip() == "1"
    if kind in ("str", "e", "d"):
        return raw
    try:
        number = float(raw)
    except ValueError:
        raise SheetDamaged(f"{raw[:12]!r} is not a number") from None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number

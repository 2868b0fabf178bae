"""Shared openpyxl helpers: styles, print setup, protection. Imported only at export time."""

from __future__ import annotations

import math

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from draaiboek_spreadsheets.text import put

#: Fonts name Calibri, the workbook's own font: a nameless bold font prints in a serif face in LibreOffice.
FONT = "Calibri"
TITLE = Font(name=FONT, bold=True, size=14)
SUBTITLE = Font(name=FONT, bold=True, size=12)
BOLD = Font(name=FONT, bold=True)
ITALIC = Font(name=FONT, italic=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
DOMAIN_FILL = PatternFill("solid", fgColor="EDEDED")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
OFF_FILL = PatternFill("solid", fgColor="F2F2F2")
BREAK_FILL = PatternFill("solid", fgColor="E2EFDA")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP_LEFT = Alignment(horizontal="left", vertical="top")
UNLOCKED = Protection(locked=False)


def quote(sheet: str) -> str:
    """A sheet name as used in a formula: 'Name'."""
    return "'" + sheet.replace("'", "''") + "'"


def col(index: int) -> str:
    return str(get_column_letter(index))


def write(ws: Worksheet, row: int, column: int, value: object, *, bold: bool = False, wrap: bool = False) -> None:
    cell = put(ws.cell(row=row, column=column), value)
    if bold:
        cell.font = BOLD
    if wrap:
        cell.alignment = WRAP


def header(ws: Worksheet, row: int, values: list[str], first_col: int = 1) -> None:
    for offset, value in enumerate(values):
        cell = put(ws.cell(row=row, column=first_col + offset), value)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = WRAP


def input_cell(ws: Worksheet, row: int, column: int) -> None:
    cell = ws.cell(row=row, column=column)
    cell.protection = UNLOCKED
    cell.fill = INPUT_FILL
    cell.border = BOX
    cell.alignment = WRAP


def fit_height(ws: Worksheet, row: int, text: str, width: float, minimum: float = 15.0) -> None:
    """Give a wrapped row room: Excel does not grow row heights of generated files by itself."""
    lines = sum(max(1, math.ceil(len(part) / max(width * 1.1, 1))) for part in str(text).split("\n"))
    current = ws.row_dimensions[row].height or minimum
    ws.row_dimensions[row].height = max(current, minimum, 15.0 * lines)


def widths(ws: Worksheet, columns: dict[int, float]) -> None:
    for index, width in columns.items():
        ws.column_dimensions[col(index)].width = width


def protect(ws: Worksheet) -> None:
    """Sheet protection without a password: prevents accidents, not a security measure."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False

"""Print layout shared by every workbook a person prints: A4, one orientation per workbook, fit to width
without going below 9 pt, row heights that fit wrapped text, print areas, header and footer.

Imported at export time only (openpyxl). Spreadsheet programs do not grow row heights of generated files,
so heights are estimated here, on the safe side: a row a little too high reads fine, a clipped one does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

FONT_PT = 11.0
MIN_PT = 9.0
#: Shrink no further than this (a little above 9/11: pages break between columns, which costs some width).
MIN_SCALE = 0.9
#: A sheet up to this much taller than one page is shrunk onto it (10 pt text stays above 9 pt).
SPILL_SCALE = 1.1
LINE_PT = 15.0
SIDE_MARGIN_IN = 0.5
A4_MM = (210.0, 297.0)
#: Characters of running text per unit of column width (units are the width of a '0'; text is narrower,
#: but words wrap whole, so count one character per unit; bold is wider).
CHARS_PER_UNIT = 1.0
BOLD_FACTOR = 0.9
#: Pixels (96 an inch) per unit of column width. Excel with Calibri 11 uses 7; LibreOffice without Calibri
#: measures with its fallback font (DejaVu Sans: about 9.5). Sized for the widest, a sheet fits in both.
PX_PER_UNIT = 9.5
PADDING_PX = 5


@dataclass(frozen=True)
class Page:
    """What every printed sheet of one workbook shares."""

    landscape: bool
    title: str
    footer_left: str = ""
    page_label: str = "&P / &N"

    @property
    def body_pt(self) -> float:
        """Height left for the sheet between the top and bottom margins (0.75 inch each)."""
        return (A4_MM[0] if self.landscape else A4_MM[1]) / 25.4 * 72 - 2 * 0.75 * 72

    @property
    def printable_mm(self) -> float:
        return (A4_MM[1] if self.landscape else A4_MM[0]) - 2 * 25.4 * SIDE_MARGIN_IN


def column_mm(width: float) -> float:
    """Printed width of a column of ``width`` units, at most (see PX_PER_UNIT)."""
    return (width * PX_PER_UNIT + PADDING_PX) * 25.4 / 96


def units_for(mm: float, columns: int = 1) -> float:
    """Total column width units that print as ``mm`` across ``columns`` columns."""
    return (mm * 96 / 25.4 - PADDING_PX * columns) / PX_PER_UNIT


def wrap(text: str, width: float, bold: bool = False) -> list[str]:
    """The lines of ``text`` in a wrapped cell ``width`` units wide, as estimated (words wrap whole; a word
    longer than the cell breaks anywhere; bold is wider)."""
    capacity = max(1, int(width * CHARS_PER_UNIT * (BOLD_FACTOR if bold else 1.0)) - 1)
    out: list[str] = []
    for part in str(text).split("\n"):
        line = ""
        for word in part.split():
            while len(word) > capacity:
                if line:
                    out.append(line)
                out.append(word[:capacity])
                line, word = "", word[capacity:]
            if line and len(line) + 1 + len(word) > capacity:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
    return out or [""]


def lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` units wide."""
    return len(wrap(text, width, bold))


def split_row(values: tuple[str, ...], widths: tuple[float, ...], max_lines: int) -> list[tuple[str, ...]]:
    """One table row as several when it would be taller than ``max_lines``: a spreadsheet cannot break a row
    over two pages, so a row taller than a page runs off it. Each cell's text continues in the next row."""
    wrapped = [wrap(v, w) if v else [""] for v, w in zip(values, widths, strict=True)]
    if max(len(w) for w in wrapped) <= max_lines:
        return [values]
    rows = []
    for start in range(0, max(len(w) for w in wrapped), max_lines):
        rows.append(tuple(" ".join(w[start:start + max_lines]).strip() for w in wrapped))
    return rows


def fit_row(ws: Worksheet, row: int, cells: Iterable[tuple[object, float]], minimum: float = LINE_PT,
            bold: bool = False) -> None:
    """Make ``row`` high enough for the wrapped text of each (text, width) pair; never lower it."""
    needed = max((lines(str(text), width, bold) for text, width in cells if text not in (None, "")), default=1)
    height = max(minimum, needed * LINE_PT + 3)
    current = ws.row_dimensions[row].height
    ws.row_dimensions[row].height = max(height, current or 0)


def fit_all_rows(ws: Worksheet) -> None:
    """Fit every row to its wrapped text cells (for sheets not sized cell by cell); merged cells excepted."""
    merged = {c for r in ws.merged_cells.ranges for c in r.cells}
    for row in ws.iter_rows():
        cells = [(c.value, ws.column_dimensions[get_column_letter(c.column)].width or 8.43, bool(c.font and c.font.b))
                 for c in row if isinstance(c.value, str) and c.alignment is not None and c.alignment.wrap_text
                 and (c.row, c.column) not in merged]
        line = row[0].row
        if cells and line is not None:
            fit_row(ws, line, [(v, w) for v, w, b in cells if not b])
            fit_row(ws, line, [(v, w) for v, w, b in cells if b], bold=True)


def row_height(ws: Worksheet, row: int) -> float:
    return ws.row_dimensions[row].height or LINE_PT


def width_of(ws: Worksheet, first: int, last: int) -> float:
    """Printed width (mm) of columns ``first``..``last``; hidden columns take no room."""
    total = 0.0
    for index in range(first, last + 1):
        dim = ws.column_dimensions[get_column_letter(index)]
        if dim.hidden:
            continue
        total += column_mm(dim.width or 8.43)
    return total


def _escape(text: str) -> str:
    return text.replace("&", "&&")


def setup(ws: Worksheet, page: Page, last_row: int, last_col: int, *, title_rows: str | None = None,
          first_col: int = 1, heading: str = "") -> None:
    """A4 in the workbook's orientation, fit to width (full size over more pages rather than below 9 pt),
    print area, repeated header rows, a header with the title and ``heading`` (the session or sheet) and a
    footer with the page number."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if page.landscape else "portrait"
    content = width_of(ws, first_col, last_col)
    dims = ws.row_dimensions  # .get: indexing would add an empty row element for every row asked about
    tall = sum((d.height if (d := dims.get(row)) is not None else None) or LINE_PT for row in range(1, last_row + 1))
    if content <= page.printable_mm and page.body_pt < tall <= page.body_pt * SPILL_SCALE:
        # A few lines over one page: shrink the sheet onto it rather than print them on a page of their own.
        ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    elif page.printable_mm < content <= page.printable_mm / MIN_SCALE:  # shrink a little, never below 9 pt
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        # Fits at full size (fit to width would not shrink it, and would make spreadsheets ignore our page
        # breaks), or too wide even at 9 pt: then full size over more pages, first columns repeated (the caller).
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
        ws.page_setup.scale = 100
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_IN
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_area = f"{get_column_letter(first_col)}1:{get_column_letter(last_col)}{max(1, last_row)}"
    if title_rows:
        ws.print_title_rows = title_rows
    head, foot = ws.oddHeader, ws.oddFooter
    assert head is not None and foot is not None  # openpyxl makes both with every sheet; its stubs allow None
    for part, text in ((head.left, page.title), (head.right, heading),
                       (foot.left, page.footer_left), (foot.right, page.page_label)):
        if text:
            part.text = text if text is page.page_label else _escape(text)
            part.size = 10


def fits_one_page(ws: Worksheet, page: Page, first_col: int, last_col: int) -> bool:
    """True when the columns fit the page's width shrunk no further than MIN_SCALE."""
    return width_of(ws, first_col, last_col) * MIN_SCALE <= page.printable_mm


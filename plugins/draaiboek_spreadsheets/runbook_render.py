"""Draws a :class:`RunbookPlan` as an .xlsx workbook (openpyxl, imported at export time only)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from draaiboek_spreadsheets.labels import text
from draaiboek_spreadsheets.runbook_plan import RunbookPlan, SessionPlan
from draaiboek_spreadsheets.text import put
from draaiboek_spreadsheets.xlsx import BREAK_FILL, BOX, ITALIC, TITLE, WRAP, fit_height, header, print_setup, widths, write

COLUMNS = ("start", "end", "duration", "item", "kind", "grouping", "work_format", "materials", "handouts")
WIDTHS = (8, 8, 10, 36, 12, 24, 24, 30, 30)


def render_runbook(plan: RunbookPlan, path: Path) -> None:
    wb = Workbook()
    overview = wb.active
    assert overview is not None
    overview.title = plan.overview_sheet
    _overview(overview, plan)
    for session in plan.sessions:
        _session(wb.create_sheet(session.sheet), session, plan.language)
    wb.properties.creator = "draaiboek"
    wb.properties.title = plan.title
    wb.save(path)


def _overview(ws: Worksheet, plan: RunbookPlan) -> None:
    lang = plan.language
    widths(ws, {1: 50, 2: 50})
    put(ws.cell(1, 1), plan.title).font = TITLE
    put(ws.cell(2, 1), plan.pack_title).font = ITALIC
    header(ws, 4, [text("session", lang), text("sheet", lang)])
    for r, session in enumerate(plan.sessions, start=5):
        write(ws, r, 1, session.title, wrap=True)
        write(ws, r, 2, session.sheet)
        ws.cell(r, 2).hyperlink = f"#'{session.sheet}'!A1"
    print_setup(ws, "4:4")


def _session(ws: Worksheet, session: SessionPlan, lang: str) -> None:
    widths(ws, dict(enumerate(WIDTHS, start=1)))
    put(ws.cell(1, 1), session.title).font = TITLE
    for r, detail in enumerate(session.details, start=2):
        write(ws, r, 1, detail)
    row = 3 + len(session.details)
    header(ws, row, [text(c, lang) for c in COLUMNS])
    title_row = row
    if not session.rows:
        row += 1
        write(ws, row, 1, text("no_agenda", lang))
    for item in session.rows:
        row += 1
        values = (item.start, item.end, item.minutes, item.title, item.kind, item.grouping, item.work_format,
                  item.materials, item.handouts)
        for c, value in enumerate(values, start=1):
            cell = put(ws.cell(row, c), value or None)
            cell.alignment = WRAP
            cell.border = BOX
            if item.is_break:
                cell.fill = BREAK_FILL
        fit_height(ws, row, max(values, key=len), 30)
    row += 2
    write(ws, row, 1, text("checklist", lang), bold=True)
    row += 1
    header(ws, row, [text("done", lang), text("materials", lang)])
    if not session.checklist:
        write(ws, row + 1, 2, text("nothing_to_bring", lang))
    for entry in session.checklist:
        row += 1
        write(ws, row, 1, "☐")
        write(ws, row, 2, entry)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
    ws.freeze_panes = ws.cell(title_row + 1, 1)
    print_setup(ws, f"{title_row}:{title_row}", landscape=True)

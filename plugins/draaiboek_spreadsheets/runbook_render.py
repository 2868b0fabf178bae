"""Draws a :class:`RunbookPlan` as an .xlsx workbook (openpyxl, imported at export time only).

Printed A4 landscape: an overview, then per session its timetable and its materials checklist, each a sheet
of its own so each repeats its own header row on every page.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from draaiboek_spreadsheets.labels import text
from draaiboek_spreadsheets.printing import Page, fit_row, setup, split_row
from draaiboek_spreadsheets.runbook_plan import RunbookPlan, SessionPlan
from draaiboek_spreadsheets.text import put
from draaiboek_spreadsheets.xlsx import BOX, BREAK_FILL, ITALIC, TITLE, WRAP, header, widths, write

COLUMNS = ("time", "duration", "item", "group_setup", "work_format", "materials_handouts")
#: Fits A4 landscape at full size (see printing.PX_PER_UNIT); text wraps and rows grow to fit it.
WIDTHS = (12, 8.5, 22, 15, 14, 33)
#: A row may be at most this many lines: with the repeated header it still fits a landscape page.
MAX_LINES = 24
CHECK_WIDTHS = (7, 62, 24)


def render_runbook(plan: RunbookPlan, path: Path) -> None:
    wb = Workbook()
    overview = wb.active
    assert overview is not None
    overview.title = plan.overview_sheet
    page = Page(landscape=True, title=plan.title, footer_left=plan.pack_title,
                page_label=text("page", plan.language))
    _overview(overview, plan, page)
    for session in plan.sessions:
        _session(wb.create_sheet(session.sheet), session, plan.language, page)
        _checklist(wb.create_sheet(session.checklist_sheet), session, plan.language, page)
    wb.properties.creator = "draaiboek"
    wb.properties.title = plan.title
    wb.save(path)


def _overview(ws: Worksheet, plan: RunbookPlan, page: Page) -> None:
    lang = plan.language
    widths(ws, {1: 46, 2: 30, 3: 20})
    put(ws.cell(1, 1), plan.title).font = TITLE
    fit_row(ws, 1, [(plan.title, 40)])
    put(ws.cell(2, 1), plan.pack_title).font = ITALIC
    header(ws, 4, [text("session", lang), text("sheet", lang), text("sheet_checklist", lang)])
    row = 4
    for row, session in enumerate(plan.sessions, start=5):
        write(ws, row, 1, session.title, wrap=True)
        for column, sheet in ((2, session.sheet), (3, session.checklist_sheet)):
            write(ws, row, column, sheet, wrap=True)
            ws.cell(row, column).hyperlink = f"#'{sheet}'!A1"
        fit_row(ws, row, [(session.title, 46), (session.sheet, 30)])
    setup(ws, page, row, 3, title_rows="4:4", heading=ws.title)


def _session(ws: Worksheet, session: SessionPlan, lang: str, page: Page) -> None:
    widths(ws, dict(enumerate(WIDTHS, start=1)))
    put(ws.cell(1, 1), session.title).font = TITLE
    for r, detail in enumerate(session.details, start=2):
        write(ws, r, 1, detail)
    row = 3 + len(session.details)
    labels = [text(c, lang) for c in COLUMNS]
    header(ws, row, labels)
    fit_row(ws, row, zip(labels, WIDTHS, strict=True), bold=True)
    title_row = row
    if not session.rows:
        row += 1
        write(ws, row, 1, text("no_agenda", lang))
    for item in session.rows:
        row += 1
        shown_kind = item.kind and item.kind.lower() not in item.title.lower()  # not "Pauze (pauze)"
        title = f"{item.title} ({item.kind})" if shown_kind else item.title
        things = "\n".join(t for t in (item.materials, item.handouts) if t)
        values = (f"{item.start}–{item.end}", item.minutes, title, item.grouping, item.work_format, things)
        for part, chunk in enumerate(split_row(values, WIDTHS, MAX_LINES)):
            row += part > 0
            for c, value in enumerate(chunk, start=1):
                cell = put(ws.cell(row, c), value or None)
                cell.alignment = WRAP
                cell.border = BOX
                if item.is_break:
                    cell.fill = BREAK_FILL
            fit_row(ws, row, zip(chunk, WIDTHS, strict=True))
    ws.freeze_panes = ws.cell(title_row + 1, 1).coordinate
    setup(ws, page, row, len(COLUMNS), title_rows=f"{title_row}:{title_row}", heading=session.title)


def _checklist(ws: Worksheet, session: SessionPlan, lang: str, page: Page) -> None:
    """What to bring to the session, each thing once, under its own header row (repeated on every page)."""
    widths(ws, dict(enumerate(CHECK_WIDTHS, start=1)))
    title = f"{text('checklist', lang)} {session.title}"
    put(ws.cell(1, 1), title).font = TITLE
    fit_row(ws, 1, [(title, sum(CHECK_WIDTHS) / 1.3)])
    labels = [text("done", lang), text("thing", lang), text("needed_at", lang)]
    header(ws, 3, labels)
    fit_row(ws, 3, zip(labels, CHECK_WIDTHS, strict=True), bold=True)
    row = 3
    if not session.checklist:
        row += 1
        write(ws, row, 2, text("nothing_to_bring", lang))
    for entry in session.checklist:
        row += 1
        values = ("☐", entry.text, entry.needed_at or text("whole_session", lang))
        for c, value in enumerate(values, start=1):
            cell = put(ws.cell(row, c), value)
            cell.alignment = WRAP
            cell.border = BOX
        fit_row(ws, row, zip(values, CHECK_WIDTHS, strict=True))
    ws.freeze_panes = ws.cell(4, 1).coordinate
    setup(ws, page, row, len(CHECK_WIDTHS), title_rows="3:3", heading=session.title)

"""Draws a :class:`MeterPlan` as an .xlsx workbook with openpyxl (imported at export time only)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, TwoCellAnchor
from openpyxl.styles import Alignment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from draaiboek_spreadsheets.labels import text
from draaiboek_spreadsheets.meter_plan import (
    CALC_SHEET,
    HEADER_ROW,
    METADATA_SHEET,
    NAME_COL,
    NAME_ROW,
    NUMBER_COL,
    OVERVIEW_FIRST_ROW,
    TEXT_COL,
    MeterPlan,
)
from draaiboek_spreadsheets.printing import Page, fit_row, row_height, setup, units_for
from draaiboek_spreadsheets.text import put
from draaiboek_spreadsheets.xlsx import (
    BOX,
    DOMAIN_FILL,
    FONT,
    ITALIC,
    OFF_FILL,
    SUBTITLE,
    TITLE,
    TOP_LEFT,
    WRAP,
    col,
    header,
    input_cell,
    protect,
    quote,
    widths,
    write,
)

#: calc sheet: A index, B id, C domain, D label; then three columns per moment (score, strength key, challenge key).
CALC_FIRST_MOMENT_COL = 5
TIE_FACTOR = 10000


def calc_cols(moment_index: int) -> tuple[str, str, str]:
    first = CALC_FIRST_MOMENT_COL + 3 * moment_index
    return col(first), col(first + 1), col(first + 2)


def render_meter(plan: MeterPlan, path: Path) -> None:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    page = Page(landscape=True, title=plan.title, footer_left=plan.participant or plan.pack_title,
                page_label=text("page", plan.language))
    _instructions(wb.create_sheet(plan.sheet("instructions")), plan, page)
    _fill_in(wb.create_sheet(plan.sheet("fill")), plan, page)
    _analysis(wb.create_sheet(plan.sheet("analysis")), plan, page)
    _action_plan(wb.create_sheet(plan.sheet("plan")), plan, page)
    _overview(wb.create_sheet(plan.sheet("overview")), plan, page)
    _scale(wb.create_sheet(plan.sheet("scale")), plan)
    _calc(wb.create_sheet(CALC_SHEET), plan)
    _metadata(wb.create_sheet(METADATA_SHEET), plan)
    wb.active = 1
    wb.properties.creator = "draaiboek"
    wb.properties.title = plan.title
    wb.save(path)


def _available(page: Page, columns: int) -> float:
    """Column width units that print across the page at full size, with a little to spare."""
    return int(units_for(page.printable_mm * 0.97, columns))


def _instructions(ws: Worksheet, plan: MeterPlan, page: Page) -> None:
    width = _available(page, 1)
    widths(ws, {1: width})
    put(ws.cell(1, 1), plan.title).font = TITLE
    fit_row(ws, 1, [(plan.title, width / 1.3)])
    put(ws.cell(2, 1), plan.pack_title).font = ITALIC
    row = 4
    for line in plan.instructions:
        write(ws, row, 1, line, wrap=True)
        fit_row(ws, row, [(line, width)])
        row += 1
    row += 1
    write(ws, row, 1, text("scale_title", plan.language), bold=True)
    for option in plan.scale:
        row += 1
        write(ws, row, 1, option.choice, wrap=True)
        fit_row(ws, row, [(option.choice, width)])
    if plan.attribution:
        row += 2
        source = f"{text('source', plan.language)}: {plan.attribution}"
        write(ws, row, 1, source, wrap=True)
        fit_row(ws, row, [(source, width)])
    setup(ws, page, row, 1, heading=ws.title)
    protect(ws)


def _score_width(plan: MeterPlan) -> int:
    """Narrower score columns for more moments: the chosen label wraps, the row grows to show it in full."""
    return {1: 18, 2: 18, 3: 15}.get(len(plan.moments), 13)


def _fill_in(ws: Worksheet, plan: MeterPlan, page: Page) -> None:
    lang = plan.language
    last_col = plan.remark_column
    number_width = min(14, max(5, max((len(s.number) for s in plan.statements), default=1) + 2))
    score_width = _score_width(plan)
    remark_width = 18 if len(plan.moments) <= 2 else 12
    text_width = max(30, _available(page, last_col) - number_width - score_width * len(plan.moments) - remark_width)
    widths(ws, {NUMBER_COL: number_width, TEXT_COL: text_width, **{m.column: score_width for m in plan.moments},
                last_col: remark_width})
    put(ws.cell(1, 1), plan.title).font = TITLE
    write(ws, NAME_ROW, TEXT_COL, text("name", lang) + ":", bold=True)
    ws.cell(NAME_ROW, TEXT_COL).alignment = Alignment(horizontal="right")
    if plan.participant:
        write(ws, NAME_ROW, NAME_COL, plan.participant, bold=True)
    else:
        input_cell(ws, NAME_ROW, NAME_COL)
    ws.merge_cells(start_row=NAME_ROW, start_column=NAME_COL, end_row=NAME_ROW, end_column=last_col)
    hint = text("fill_hint", lang)
    if plan.moment is not None:
        hint += " " + text("fill_moment", lang, moment=next(m.label for m in plan.moments if m.editable))
    write(ws, 3, TEXT_COL, hint, wrap=True)
    ws.merge_cells(start_row=3, start_column=TEXT_COL, end_row=3, end_column=last_col)
    fit_row(ws, 3, [(hint, text_width + score_width * len(plan.moments) + remark_width)])
    labels = ["#", text("statement", lang)] + [m.label for m in plan.moments] + [text("remark", lang)]
    header(ws, HEADER_ROW, labels)
    fit_row(ws, HEADER_ROW, [(m.label, score_width) for m in plan.moments], bold=True)
    for domain in plan.domains:
        for c in range(1, last_col + 1):
            ws.cell(domain.row, c).fill = DOMAIN_FILL
        write(ws, domain.row, TEXT_COL, domain.title, bold=True, wrap=True)
        fit_row(ws, domain.row, [(domain.title, text_width)], bold=True)
    validation = _score_validation(plan)
    ws.add_data_validation(validation)
    longest_choice = max((o.choice for o in plan.scale), key=len)
    for s in plan.statements:
        write(ws, s.row, NUMBER_COL, s.number, wrap=True)
        shown = s.text
        if s.roles:
            only = text("only_for", lang, roles=", ".join(s.roles))
            shown = f"{s.text}\n{only}"
            rich = CellRichText(s.text + "\n", TextBlock(InlineFont(rFont=FONT, sz=11, i=True), only))
            ws.cell(s.row, TEXT_COL).value = rich
            ws.cell(s.row, TEXT_COL).alignment = WRAP
        else:
            write(ws, s.row, TEXT_COL, s.text, wrap=True)
        cells: list[tuple[object, float]] = [(shown, text_width), (s.number, number_width)]
        for m in plan.moments:
            if m.editable:
                input_cell(ws, s.row, m.column)
                cells.append((longest_choice, score_width))  # the chosen label shows in full
            else:
                ws.cell(s.row, m.column).fill = OFF_FILL
        input_cell(ws, s.row, last_col)
        fit_row(ws, s.row, cells)
    for m in (m for m in plan.moments if m.editable):
        for block in _blocks([s.row for s in plan.statements]):
            validation.add(f"{col(m.column)}{block[0]}:{col(m.column)}{block[1]}")
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, TEXT_COL + 1).coordinate
    setup(ws, page, plan.last_row, last_col, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", heading=ws.title)
    protect(ws)


def _score_validation(plan: MeterPlan) -> DataValidation:
    """The dropdown of the scale's labelled points, with an input prompt in the pack's language."""
    lang = plan.language
    scale_range = f"{quote(plan.sheet('scale'))}!$C$2:$C${len(plan.scale) + 1}"
    validation = DataValidation(type="list", formula1=scale_range, allow_blank=True)
    validation.showErrorMessage = True
    validation.errorTitle = text("score", lang)[:32]
    validation.error = text("fill_hint", lang)[:255]
    validation.showInputMessage = True
    validation.promptTitle = text("prompt_title", lang)[:32]
    validation.prompt = text("prompt", lang, low=plan.scale[0].choice, high=plan.scale[-1].choice)[:255]
    return validation


def _blocks(rows: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of row numbers: [5,6,7,9] -> [(5,7),(9,9)]."""
    blocks: list[tuple[int, int]] = []
    for r in rows:
        if blocks and blocks[-1][1] == r - 1:
            blocks[-1] = (blocks[-1][0], r)
        else:
            blocks.append((r, r))
    return blocks


def _calc(ws: Worksheet, plan: MeterPlan) -> None:
    """Hidden helper sheet: the numeric score per statement and unique ranking keys (ties by list order)."""
    fill, scale = quote(plan.sheet("fill")), quote(plan.sheet("scale"))
    last_scale = len(plan.scale) + 1
    values, choices = f"{scale}!$A$2:$A${last_scale}", f"{scale}!$C$2:$C${last_scale}"
    ws.append(["index", "statement", "domain", "label"]
              + [f"{m.id} {k}" for m in plan.moments for k in ("score", "top", "bottom")])
    for i, s in enumerate(plan.statements, start=1):
        r = i + 1
        write(ws, r, 1, i)
        write(ws, r, 2, s.id)
        write(ws, r, 3, s.domain)
        write(ws, r, 4, f"{s.number} {s.text}")
        for j, m in enumerate(plan.moments):
            score, top, bottom = calc_cols(j)
            src = f"{fill}!{col(m.column)}{s.row}"
            ws[f"{score}{r}"] = (
                f'=IF({src}="","",IFERROR(INDEX({values},MATCH({src},{choices},0)),IF(ISNUMBER({src}),{src},"")))'
            )
            ws[f"{top}{r}"] = f'=IF({score}{r}="","",{score}{r}*{TIE_FACTOR}-$A{r})'
            ws[f"{bottom}{r}"] = f'=IF({score}{r}="","",{score}{r}*{TIE_FACTOR}+$A{r})'
    ws.sheet_state = "hidden"
    protect(ws)


def _analysis(ws: Worksheet, plan: MeterPlan, page: Page) -> None:
    """Per moment a block (own page): the strengths table and the challenges table, each with its header."""
    lang, n = plan.language, len(plan.statements) + 1
    calc = quote(CALC_SHEET)
    text_col, value_col = plan.analysis_columns()
    text_width = _available(page, 3) - 6 - 8
    widths(ws, {1: 6, text_col: text_width, value_col: 8})
    put(ws.cell(1, 1), text("sheet_analysis", lang)).font = TITLE
    note = " ".join(plan.analysis_note + [text("ties", lang)])
    write(ws, 2, 1, note, wrap=True)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=value_col)
    fit_row(ws, 2, [(note, text_width + 14)])
    longest = max((f"{s.number} {s.text}" for s in plan.statements), key=len)
    last = 2
    sections: list[tuple[int, int, bool]] = []  # (first row, last row, on a new page)
    for j, m in enumerate(plan.moments):
        block = plan.analysis_block(j)
        put(ws.cell(block, 1), m.label).font = SUBTITLE
        ws.row_dimensions[block].height = 20
        for kind, func, count in (("strengths", "LARGE", plan.strengths), ("challenges", "SMALL", plan.challenges)):
            rows = plan.analysis_rows(kind, j)
            if not rows:
                continue
            first = block if kind == "strengths" else rows[0] - 2  # the moment's heading goes with its strengths
            sections.append((first, rows[-1], j > 0 and kind == "strengths"))
            key = "top" if kind == "strengths" else "bottom"
            write(ws, rows[0] - 2, 1, f"{text(kind, lang)} ({count} {text(key, lang)})", bold=True)
            header(ws, rows[0] - 1, [text("rank", lang), text("statement", lang), text("score", lang)])
            score_col, top_col, bottom_col = calc_cols(j)
            keys_col = top_col if kind == "strengths" else bottom_col
            keys = f"{calc}!${keys_col}$2:${keys_col}${n}"
            for rank, r in enumerate(rows, start=1):
                write(ws, r, 1, rank)
                where = f"MATCH({func}({keys},{rank}),{keys},0)"
                ws.cell(r, text_col).value = f'=IFERROR(INDEX({calc}!$D$2:$D${n},{where}),"")'
                ws.cell(r, value_col).value = f'=IFERROR(INDEX({calc}!${score_col}$2:${score_col}${n},{where}),"")'
                for c in (1, text_col, value_col):
                    ws.cell(r, c).alignment = TOP_LEFT if c == 1 else WRAP  # rank beside the first line
                    ws.cell(r, c).border = BOX
                fit_row(ws, r, [(longest, text_width)])  # any statement may land here
                last = r
    _paginate(ws, sections, page)
    setup(ws, page, last, value_col, heading=ws.title)
    protect(ws)


def _paginate(ws: Worksheet, sections: list[tuple[int, int, bool]], page: Page) -> None:
    """Page breaks so that no table runs onto a page without its header: a section that would not fit on
    what is left of the page starts a new one (as does one marked so)."""
    limit, used, cursor = page.body_pt - 30, 0.0, 1  # a little room for the estimate's error
    for first, end, new_page in sections:
        gap = sum(row_height(ws, r) for r in range(cursor, first))
        height = sum(row_height(ws, r) for r in range(first, end + 1))
        if cursor > 1 and (new_page or used + gap + height > limit):
            ws.row_breaks.append(Break(id=first - 1))
            used = height
        else:
            used += gap + height
        cursor = end + 1


def _action_plan(ws: Worksheet, plan: MeterPlan, page: Page) -> None:
    """The tips first, then the prompts with answer boxes: the table's header repeats on each page it runs
    onto, so nothing else may come after it."""
    lang = plan.language
    total = _available(page, 2)
    widths(ws, {1: 50, 2: total - 50})
    put(ws.cell(1, 1), text("sheet_plan", lang)).font = TITLE
    write(ws, 2, 1, text("smart", lang), wrap=True)
    ws.merge_cells("A2:B2")
    fit_row(ws, 2, [(text("smart", lang), total)])
    row = 3
    if plan.tips:
        row += 1
        write(ws, row, 1, text("tips", lang), bold=True)
        for tip in plan.tips:
            row += 1
            write(ws, row, 1, tip, wrap=True)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            fit_row(ws, row, [(tip, total)])
        row += 2
    head = row
    header(ws, head, [text("item", lang), text("your_answer", lang)])
    for prompt in plan.prompts:
        row += 1
        value = prompt.text + (f"\n{prompt.help}" if prompt.help else "")
        write(ws, row, 1, value, wrap=True)
        input_cell(ws, row, 2)
        ws.cell(row, 1).border = BOX
        fit_row(ws, row, [(value, 50)], minimum=90)
    setup(ws, page, row, 2, title_rows=f"{head}:{head}", heading=ws.title)
    protect(ws)


def _overview(ws: Worksheet, plan: MeterPlan, page: Page) -> None:
    """The chart first, under the title, then the table of domain averages: a chart cannot break over pages,
    and a spreadsheet draws one that starts below a page's last row into that page's empty bottom too."""
    lang, n = plan.language, len(plan.statements) + 1
    calc = quote(CALC_SHEET)
    last_col = 2 + len(plan.moments)
    head = OVERVIEW_FIRST_ROW - 1
    put(ws.cell(1, 2), text("sheet_overview", lang)).font = TITLE
    widths(ws, {2: 40, **{c: 14 for c in range(3, last_col + 1)}})
    ws.column_dimensions["A"].hidden = True
    header(ws, head, [text("domain", lang)] + [m.label for m in plan.moments], first_col=2)
    fit_row(ws, head, [(m.label, 14) for m in plan.moments], bold=True)
    for i, d in enumerate(plan.domains):
        r = OVERVIEW_FIRST_ROW + i
        write(ws, r, 1, d.id)
        write(ws, r, 2, d.title, wrap=True)
        fit_row(ws, r, [(d.title, 40)])
        for j in range(len(plan.moments)):
            score = calc_cols(j)[0]
            cell = ws.cell(r, 3 + j)
            cell.value = f'=IFERROR(AVERAGEIF({calc}!$C$2:$C${n},$A{r},{calc}!${score}$2:${score}${n}),"")'
            cell.number_format = "0.00"
    total = OVERVIEW_FIRST_ROW + len(plan.domains)
    write(ws, total, 2, text("all_statements", lang), bold=True)
    for j in range(len(plan.moments)):
        score = calc_cols(j)[0]
        cell = ws.cell(total, 3 + j)
        cell.value = f'=IFERROR(AVERAGE({calc}!${score}$2:${score}${n}),"")'
        cell.number_format = "0.00"
    chart = BarChart()
    chart.title = text("chart_title", lang)
    chart.y_axis.title = text("score", lang)
    chart.y_axis.scaling.min = plan.scale[0].value  # the axis runs along the scale: 1-5, not 0-5
    chart.y_axis.scaling.max = plan.scale[-1].value
    chart.y_axis.majorUnit = 1
    chart.x_axis.delete = chart.y_axis.delete = False
    data = Reference(ws, min_col=3, max_col=last_col, min_row=head, max_row=total - 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=OVERVIEW_FIRST_ROW, max_row=total - 1))
    # anchored to cells, not sized in cm: the chart spans the table's columns in Excel and LibreOffice alike,
    # whose column widths differ, so it never sticks out of the print area
    chart.anchor = TwoCellAnchor(  # type: ignore[assignment]  # the stubs say a cell name; a TwoCellAnchor is valid
        _from=AnchorMarker(col=1, row=2), to=AnchorMarker(col=last_col, row=head - 2))
    ws.add_chart(chart)
    setup(ws, page, total, last_col, title_rows=f"{head}:{head}", heading=ws.title)
    protect(ws)


def _scale(ws: Worksheet, plan: MeterPlan) -> None:
    """Helper sheet behind the dropdown: hidden, so it is not printed."""
    lang = plan.language
    widths(ws, {1: 10, 2: 40, 3: 45})
    header(ws, 1, [text("value", lang), text("meaning", lang), text("choice", lang)])
    for i, option in enumerate(plan.scale, start=2):
        write(ws, i, 1, option.value)
        write(ws, i, 2, option.label, wrap=True)
        write(ws, i, 3, option.choice, wrap=True)
    ws.sheet_state = "hidden"
    protect(ws)


def _metadata(ws: Worksheet, plan: MeterPlan) -> None:
    for r, record in enumerate(plan.metadata_rows(), start=1):
        for c, value in enumerate(record, start=1):
            write(ws, r, c, value)
    ws.sheet_state = "hidden"
    protect(ws)

"""Draws a :class:`MeterPlan` as an .xlsx workbook with openpyxl (imported at export time only)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from draaiboek_spreadsheets.labels import text
from draaiboek_spreadsheets.meter_plan import (
    CALC_SHEET, HEADER_ROW, METADATA_SHEET, NAME_COL, NAME_ROW, NUMBER_COL, TEXT_COL, MeterPlan,
)
from draaiboek_spreadsheets.text import put
from draaiboek_spreadsheets.xlsx import (
    DOMAIN_FILL, ITALIC, OFF_FILL, TITLE, WRAP, col, fit_height, header, input_cell, print_setup, protect, quote,
    widths, write,
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
    _instructions(wb.create_sheet(plan.sheet("instructions")), plan)
    _fill_in(wb.create_sheet(plan.sheet("fill")), plan)
    _analysis(wb.create_sheet(plan.sheet("analysis")), plan)
    _action_plan(wb.create_sheet(plan.sheet("plan")), plan)
    _overview(wb.create_sheet(plan.sheet("overview")), plan)
    _scale(wb.create_sheet(plan.sheet("scale")), plan)
    _calc(wb.create_sheet(CALC_SHEET), plan)
    _metadata(wb.create_sheet(METADATA_SHEET), plan)
    wb.active = 1
    wb.properties.creator = "draaiboek"
    wb.properties.title = plan.title
    wb.save(path)


def _instructions(ws: Worksheet, plan: MeterPlan) -> None:
    widths(ws, {1: 100})
    put(ws.cell(1, 1), plan.title).font = TITLE
    put(ws.cell(2, 1), plan.pack_title).font = ITALIC
    row = 4
    for line in plan.instructions:
        write(ws, row, 1, line, wrap=True)
        fit_height(ws, row, line, 100)
        row += 1
    row += 1
    write(ws, row, 1, text("scale_title", plan.language), bold=True)
    for option in plan.scale:
        row += 1
        write(ws, row, 1, option.choice)
    if plan.attribution:
        row += 2
        write(ws, row, 1, f"{text('source', plan.language)}: {plan.attribution}", wrap=True)
        fit_height(ws, row, plan.attribution, 90)
    print_setup(ws)
    protect(ws)


def _fill_in(ws: Worksheet, plan: MeterPlan) -> None:
    lang = plan.language
    last_col = plan.remark_column
    widths(ws, {NUMBER_COL: 6, TEXT_COL: 60, **{m.column: 16 for m in plan.moments}, last_col: 30})
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
    fit_height(ws, 3, hint, 60 + 16 * len(plan.moments) + 30)
    header(ws, HEADER_ROW, ["#", text("statement", lang)] + [m.label for m in plan.moments] + [text("remark", lang)])
    for domain in plan.domains:
        for c in range(1, last_col + 1):
            ws.cell(domain.row, c).fill = DOMAIN_FILL
        write(ws, domain.row, TEXT_COL, domain.title, bold=True)
    scale_range = f"{quote(plan.sheet('scale'))}!$C$2:$C${len(plan.scale) + 1}"
    validation = DataValidation(type="list", formula1=scale_range, allow_blank=True)
    validation.showErrorMessage = True
    validation.errorTitle = text("score", lang)
    validation.error = text("fill_hint", lang)
    ws.add_data_validation(validation)
    for s in plan.statements:
        write(ws, s.row, NUMBER_COL, s.number)
        write(ws, s.row, TEXT_COL, s.text, wrap=True)
        fit_height(ws, s.row, s.text, 60)
        for m in plan.moments:
            if m.editable:
                input_cell(ws, s.row, m.column)
            else:
                ws.cell(s.row, m.column).fill = OFF_FILL
        input_cell(ws, s.row, last_col)
    for m in (m for m in plan.moments if m.editable):
        for block in _blocks([s.row for s in plan.statements]):
            validation.add(f"{col(m.column)}{block[0]}:{col(m.column)}{block[1]}")
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, TEXT_COL + 1)
    print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}", landscape=len(plan.moments) > 2)
    protect(ws)


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
    ws.append(["index", "statement", "domain", "label"] + [f"{m.id} {k}" for m in plan.moments for k in ("score", "top", "bottom")])
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


def _analysis(ws: Worksheet, plan: MeterPlan) -> None:
    lang, n = plan.language, len(plan.statements) + 1
    calc = quote(CALC_SHEET)
    put(ws.cell(1, 1), text("sheet_analysis", lang)).font = TITLE
    note = " ".join(plan.analysis_note + [text("ties", lang)])
    write(ws, 2, 1, note, wrap=True)
    last_col = 1 + 2 * len(plan.moments)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    fit_height(ws, 2, note, 6 + 53 * len(plan.moments))
    widths(ws, {1: 6, **{c: w for j in range(len(plan.moments)) for c, w in zip(plan.analysis_columns(j), (45, 8))}})
    for kind, func, count in (("strengths", "LARGE", plan.strengths), ("challenges", "SMALL", plan.challenges)):
        rows = plan.analysis_rows(kind)
        if not rows:
            continue
        key = "top" if kind == "strengths" else "bottom"
        write(ws, rows[0] - 2, 1, f"{text(kind, lang)} ({count} {text(key, lang)})", bold=True)
        labels = [text("rank", lang)]
        for m in plan.moments:
            labels += [m.label, text("score", lang)]
        header(ws, rows[0] - 1, labels)
        for rank, r in enumerate(rows, start=1):
            write(ws, r, 1, rank)
            for j, _m in enumerate(plan.moments):
                score_col, top_col, bottom_col = calc_cols(j)
                keys = f"{calc}!${top_col if kind == 'strengths' else bottom_col}$2:${top_col if kind == 'strengths' else bottom_col}${n}"
                where = f"MATCH({func}({keys},{rank}),{keys},0)"
                text_col, value_col = plan.analysis_columns(j)
                ws.cell(r, text_col).value = f'=IFERROR(INDEX({calc}!$D$2:$D${n},{where}),"")'
                ws.cell(r, text_col).alignment = WRAP
                ws.cell(r, value_col).value = f'=IFERROR(INDEX({calc}!${score_col}$2:${score_col}${n},{where}),"")'
            ws.row_dimensions[r].height = 45
    print_setup(ws, landscape=len(plan.moments) > 1)
    protect(ws)


def _action_plan(ws: Worksheet, plan: MeterPlan) -> None:
    lang = plan.language
    widths(ws, {1: 45, 2: 70})
    put(ws.cell(1, 1), text("sheet_plan", lang)).font = TITLE
    write(ws, 2, 1, text("smart", lang), wrap=True)
    ws.merge_cells("A2:B2")
    header(ws, 4, [text("item", lang), text("your_answer", lang)])
    row = 5
    for prompt in plan.prompts:
        value = prompt.text + (f"\n{prompt.help}" if prompt.help else "")
        write(ws, row, 1, value, wrap=True)
        input_cell(ws, row, 2)
        ws.row_dimensions[row].height = 90
        row += 1
    if plan.tips:
        row += 1
        write(ws, row, 1, text("tips", lang), bold=True)
        for tip in plan.tips:
            row += 1
            write(ws, row, 1, tip, wrap=True)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            fit_height(ws, row, tip, 110)
    print_setup(ws, "4:4")
    protect(ws)


def _overview(ws: Worksheet, plan: MeterPlan) -> None:
    lang, n = plan.language, len(plan.statements) + 1
    calc = quote(CALC_SHEET)
    put(ws.cell(1, 2), text("sheet_overview", lang)).font = TITLE
    widths(ws, {2: 40, **{2 + j: 14 for j in range(1, len(plan.moments) + 1)}})
    ws.column_dimensions["A"].hidden = True
    header(ws, 3, [text("domain", lang)] + [m.label for m in plan.moments], first_col=2)
    for i, d in enumerate(plan.domains):
        r = 4 + i
        write(ws, r, 1, d.id)
        write(ws, r, 2, d.title, wrap=True)
        for j in range(len(plan.moments)):
            score = calc_cols(j)[0]
            cell = ws.cell(r, 3 + j)
            cell.value = f'=IFERROR(AVERAGEIF({calc}!$C$2:$C${n},$A{r},{calc}!${score}$2:${score}${n}),"")'
            cell.number_format = "0.00"
    total = 4 + len(plan.domains)
    write(ws, total, 2, text("all_statements", lang), bold=True)
    for j in range(len(plan.moments)):
        score = calc_cols(j)[0]
        cell = ws.cell(total, 3 + j)
        cell.value = f'=IFERROR(AVERAGE({calc}!${score}$2:${score}${n}),"")'
        cell.number_format = "0.00"
    chart = BarChart()
    chart.title = text("chart_title", lang)
    chart.y_axis.title = text("score", lang)
    chart.y_axis.scaling.min = min(0, plan.scale[0].value)
    chart.y_axis.scaling.max = plan.scale[-1].value
    data = Reference(ws, min_col=3, max_col=2 + len(plan.moments), min_row=3, max_row=total - 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=4, max_row=total - 1))
    chart.width, chart.height = 18, 9
    ws.add_chart(chart, f"B{total + 2}")
    print_setup(ws, "3:3")
    protect(ws)


def _scale(ws: Worksheet, plan: MeterPlan) -> None:
    lang = plan.language
    widths(ws, {1: 10, 2: 40, 3: 45})
    header(ws, 1, [text("value", lang), text("meaning", lang), text("choice", lang)])
    for i, option in enumerate(plan.scale, start=2):
        write(ws, i, 1, option.value)
        write(ws, i, 2, option.label, wrap=True)
        write(ws, i, 3, option.choice, wrap=True)
    print_setup(ws, "1:1")
    protect(ws)


def _metadata(ws: Worksheet, plan: MeterPlan) -> None:
    for r, record in enumerate(plan.metadata_rows(), start=1):
        for c, value in enumerate(record, start=1):
            write(ws, r, c, value)
    ws.sheet_state = "hidden"
    protect(ws)

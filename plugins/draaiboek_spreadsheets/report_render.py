"""Writes :class:`Results` as a report workbook (openpyxl, imported at command time only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.worksheet.worksheet import Worksheet

from draaiboek_spreadsheets.collect import Group
from draaiboek_spreadsheets.labels import text
from draaiboek_spreadsheets.printing import Page, fit_all_rows, fits_one_page, setup
from draaiboek_spreadsheets.results import Results, Stat
from draaiboek_spreadsheets.text import xml_safe
from draaiboek_spreadsheets.xlsx import TITLE, fit_height, header, widths, write


def render_report(results: Results, group: Group, anonymise: bool, path: Path) -> None:
    wb = Workbook()
    first = wb.active
    assert first is not None
    lang = results.info.language
    first.title = text("sheet_summary", lang)
    _summary(first, results, group, anonymise)
    _domains(wb.create_sheet(text("sheet_domains", lang)), results)
    _statements(wb.create_sheet(text("sheet_statements", lang)), results)
    _group(wb.create_sheet(text("sheet_group", lang)), results)
    _participants(wb.create_sheet(text("sheet_participants", lang)), results)
    _pairs(wb.create_sheet(text("sheet_pairs", lang)), results)
    _problems(wb.create_sheet(text("sheet_problems", lang)), group, lang, anonymise)
    _print_layout(wb, Page(landscape=True, title=results.info.title, footer_left=results.info.pack,
                           page_label=text("page", lang)))
    wb.properties.creator = "draaiboek"
    wb.save(path)


def _print_layout(wb: Workbook, page: Page) -> None:
    """Every sheet printable: rows fit their wrapped text, the header row (and the first columns, on sheets
    wider than a page) repeat on every page, print area over the table and its chart."""
    for i, ws in enumerate(wb.worksheets):
        fit_all_rows(ws)
        last_row, last_col = ws.max_row, ws.max_column
        for _chart in ws._charts:  # type: ignore[attr-defined]  # private: openpyxl's only list of a sheet's charts
            last_row, last_col = max(last_row, ws.max_row + 21), max(last_col, 6)
        setup(ws, page, last_row, last_col, title_rows="1:1" if i else None, heading=ws.title)
        if not fits_one_page(ws, page, 1, last_col):
            ws.print_title_cols = "A:A"  # the domain, participant or statement number beside every figure


def _value(stat: Stat | None, results: Results, attr: str) -> object:
    if stat is None:
        return None
    if stat.withheld:
        return text("withheld", results.info.language, n=results.min_group)
    value = getattr(stat, attr)
    return round(value, 2) if isinstance(value, float) else value


def _stat_columns(results: Results) -> list[str]:
    lang = results.info.language
    labels: list[str] = []
    for m in results.moments:
        name = results.info.moment_label(m)
        labels += [f"{name}: n", f"{name}: {text('mean', lang)}", f"{name}: {text('sd', lang)}"]
    for m in results.moments[1:]:
        name = results.info.moment_label(m)
        labels += [f"{text('change', lang)} {name}: n", f"{text('change', lang)} {name}: {text('mean', lang)}"]
    return labels


def _stat_row(ws: Worksheet, row: int, first_col: int, results: Results, key: str,
             by_moment: dict[Any, Any], changes: dict[Any, Any]) -> None:
    c = first_col
    for m in results.moments:
        stat = by_moment.get((key, m))
        for attr in ("n", "mean", "sd"):
            write(ws, row, c, _value(stat, results, attr) if attr != "n" or stat is None else stat.n)
            c += 1
    for m in results.moments[1:]:
        stat = changes.get((key, m))
        write(ws, row, c, None if stat is None else stat.n)
        write(ws, row, c + 1, _value(stat, results, "mean"))
        c += 2


def _summary(ws: Worksheet, results: Results, group: Group, anonymise: bool) -> None:
    info, lang = results.info, results.info.language
    widths(ws, {1: 32, 2: 60})
    write(ws, 1, 1, info.title)
    ws.cell(1, 1).font = TITLE
    rows = [
        (text("pack", lang), info.pack), (text("meter", lang), info.meter),
        (text("version", lang), info.pack_version), (text("files_read", lang), f"{group.used} / {group.files}"),
        (text("participants_n", lang), len(results.profiles)), (text("min_group", lang), results.min_group),
        (text("anonymised", lang), "ja" if anonymise and lang.startswith("nl") else ("yes" if anonymise else "-")),
        (text("sheet_problems", lang), len(group.problems)),
    ]
    for r, (key, value) in enumerate(rows, start=3):
        write(ws, r, 1, key, bold=True)
        write(ws, r, 2, value)


def _domains(ws: Worksheet, results: Results) -> None:
    lang = results.info.language
    labels = _stat_columns(results)
    widths(ws, {1: 36, **{c: 13 for c in range(2, 2 + len(labels))}})
    header(ws, 1, [text("domain", lang)] + labels)
    keys = [(d, title) for d, title in results.info.domains] + [("", text("overall", lang))]
    for r, (d, title) in enumerate(keys, start=2):
        write(ws, r, 1, title, bold=not d)
        _stat_row(ws, r, 2, results, d, results.domains, results.domain_changes)
    ws.freeze_panes = "B2"
    if results.moments and not all(results.domains[(d, m)].mean is None for d, _ in keys for m in results.moments):
        chart = BarChart()
        chart.title = text("chart_title", lang)
        categories = Reference(ws, min_col=1, min_row=2, max_row=len(keys))
        for j, m in enumerate(results.moments):
            column = 3 + 3 * j
            series = Series(Reference(ws, min_col=column, min_row=2, max_row=len(keys)),
                            title=xml_safe(results.info.moment_label(m)))
            chart.series.append(series)
        chart.set_categories(categories)
        chart.width, chart.height = 20, 10
        ws.add_chart(chart, f"A{len(keys) + 3}")


def _statements(ws: Worksheet, results: Results) -> None:
    lang = results.info.language
    labels = _stat_columns(results)
    widths(ws, {1: 7, 2: 55, 3: 24, **{c: 13 for c in range(4, 4 + len(labels))}})
    header(ws, 1, ["#", text("statement", lang), text("domain", lang)] + labels)
    for r, s in enumerate(results.info.statements, start=2):
        write(ws, r, 1, s.number)
        write(ws, r, 2, s.text, wrap=True)
        write(ws, r, 3, results.info.domain_title(s.domain), wrap=True)
        fit_height(ws, r, s.text, 55)
        _stat_row(ws, r, 4, results, s.id, results.statements, results.statement_changes)
    ws.freeze_panes = "D2"


def _label(results: Results, statement_id: str) -> str:
    return next(s.label for s in results.info.statements if s.id == statement_id)


def _group(ws: Worksheet, results: Results) -> None:
    lang = results.info.language
    widths(ws, {1: 22, 2: 6, 3: 70, 4: 12})
    header(ws, 1, [text("moment", lang), text("rank", lang), text("statement", lang), text("mean", lang)])
    row = 2
    for m in results.moments:
        for kind, index in (("strengths", 0), ("challenges", 1)):
            write(ws, row, 1, f"{results.info.moment_label(m)}: {text(kind, lang)}", bold=True)
            row += 1
            ids = results.group_strengths[m][index]
            if not ids:
                write(ws, row, 3, text("withheld", lang, n=results.min_group))
                row += 1
            for rank, sid in enumerate(ids, start=1):
                write(ws, row, 2, rank)
                write(ws, row, 3, _label(results, sid), wrap=True)
                write(ws, row, 4, _value(results.statements[(sid, m)], results, "mean"))
                row += 1
        row += 1


def _participants(ws: Worksheet, results: Results) -> None:
    info, lang = results.info, results.info.language
    domains = [("", text("overall", lang))] + list(info.domains)
    labels = [text("participant", lang), text("moment", lang)] + [title for _, title in domains]
    labels += [text("strengths", lang), text("challenges", lang)]
    widths(ws, {1: 22, 2: 18, **{c: 13 for c in range(3, 3 + len(domains))},
                3 + len(domains): 30, 4 + len(domains): 30})
    header(ws, 1, labels)
    row = 2
    for profile in results.profiles:
        for m in results.moments:
            if m not in profile.means:
                continue
            write(ws, row, 1, profile.name)
            write(ws, row, 2, info.moment_label(m))
            for c, (d, _) in enumerate(domains, start=3):
                value = profile.means[m].get(d)
                write(ws, row, c, None if value is None else round(value, 2))
            numbers = {s.id: s.number for s in info.statements}
            top, bottom = profile.ranked[m]
            write(ws, row, 3 + len(domains), ", ".join(numbers[s] for s in top))
            write(ws, row, 4 + len(domains), ", ".join(numbers[s] for s in bottom))
            row += 1
        moments = [m for m in results.moments if m in profile.means]
        if len(moments) > 1:
            write(ws, row, 1, profile.name)
            first, last = info.moment_label(moments[0]), info.moment_label(moments[-1])
            write(ws, row, 2, f"{text('change', lang)} {first} → {last}")
            for c, (d, _) in enumerate(domains, start=3):
                a, b = profile.means[moments[0]].get(d), profile.means[moments[-1]].get(d)
                write(ws, row, c, None if a is None or b is None else round(b - a, 2))
            row += 1
    ws.freeze_panes = "C2"


def _pairs(ws: Worksheet, results: Results) -> None:
    lang = results.info.language
    widths(ws, {1: 50, 2: 16, 3: 22, 4: 22})
    header(ws, 1, [text("statement", lang), text("moment", lang), text("coach", lang), text("learner", lang)])
    for r, pair in enumerate(results.pairs, start=2):
        write(ws, r, 1, _label(results, pair.statement), wrap=True)
        write(ws, r, 2, results.info.moment_label(pair.moment))
        write(ws, r, 3, f"{pair.coach} ({pair.coach_score})")
        write(ws, r, 4, f"{pair.learner} ({pair.learner_score})")


def _problems(ws: Worksheet, group: Group, lang: str, anonymise: bool) -> None:
    widths(ws, {1: 100})
    header(ws, 1, [text("problem", lang)])
    # anonymised: no names and no file names (they are often the participant's name), only the file's number
    ordered = sorted(group.problems, key=lambda p: p.number)  # by file, as the files were given
    lines = [p.anonymised if anonymise else str(p) for p in ordered]
    for r, line in enumerate(lines or [text("no_problems", lang)], start=2):
        write(ws, r, 1, line, wrap=True)

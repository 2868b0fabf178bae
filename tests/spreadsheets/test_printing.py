"""Workbooks as a trainer prints them: every bundled meter and runbook through LibreOffice's PDF.

A4 in one orientation per workbook, nothing under 9 pt, nothing at the paper's edge, no clipped rows (every
word of every statement or agenda item is on paper), helper sheets not printed, a running head on every page.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import attrs
import pytest
from printed import Page, missing_words, print_pdf, print_problems, read_pdf

from draaiboek.api import open_training
from draaiboek.exporters import ExportJob
from draaiboek.model import AgendaItem, Domain, Duration, Session, Statement
from draaiboek.refs import Resolver
from draaiboek.views import TrainingView
from draaiboek_spreadsheets.exporters import export_meter, export_runbook
from draaiboek_spreadsheets.meter_plan import plan_meter
from draaiboek_spreadsheets.runbook_plan import plan_runbook
from tests.support import run_draaiboek

from xlsx_filling import fill, soffice_convert

pytestmark = pytest.mark.libreoffice

BUNDLED = ("het-gesprek", "lvb-coaching", "naasten", "vgz-ggz")


def sheet_pages(pages: list[Page], sheet: str) -> list[Page]:
    return [p for p in pages if p.running_head.endswith(" " + sheet)]


def body_words(pages: list[Page]) -> Counter[str]:
    return Counter(w.text for p in pages for w in p.body)


@pytest.mark.parametrize("ref", BUNDLED)
def test_every_bundled_meter_prints_whole_at_9_pt_or_more(ref: str, tmp_path: Path) -> None:
    pack, training, resolver = open_training(ref)
    meter = TrainingView(pack, training, resolver).meters[0]
    [path] = export_meter(ExportJob(pack, training, resolver, tmp_path / f"{ref}.xlsx"))
    pages = print_pdf(path, tmp_path / "pdf")
    assert print_problems(pages, ref) == []
    plan = plan_meter(pack, meter)
    heads = {p.running_head.removeprefix(meter.title).strip() for p in pages}
    assert heads == {plan.sheet(k) for k in ("instructions", "fill", "analysis", "plan", "overview")}, heads
    assert all(p.running_head.startswith(meter.title) for p in pages)
    fill_pages = sheet_pages(pages, plan.sheet("fill"))
    on_paper = body_words(fill_pages)
    wanted = Counter(word for s in plan.statements for word in f"{s.number} {s.text}".split())
    assert not wanted - on_paper, f"clipped or missing on paper: {sorted((wanted - on_paper).elements())[:10]}"
    footers = [" ".join(w.text for w in p.words if w.y0 > p.height - 45) for p in pages]
    assert all(f.endswith(f"Pagina {n} van {len(pages)}") for n, f in enumerate(footers, start=1)), footers[:2]
    # the explanation is one page: its last lines (the source) do not spill onto a page of their own
    assert len(sheet_pages(pages, plan.sheet("instructions"))) == 1, ref
    for page in sheet_pages(pages, plan.sheet("analysis")):  # no table goes on over a page without its header
        assert "Stelling" in {w.text for w in page.body}, ref
    if ref == "lvb-coaching":  # statements for one role say so, by the role's name
        text = " ".join(w.text for p in fill_pages for w in p.body)
        assert "Alleen voor: huisarts, POH-GGZ" in text and "poh-ggz" not in text


def test_a_filled_meter_shows_every_chosen_label_in_full(tmp_path: Path) -> None:
    pack, training, resolver = open_training("naasten")  # the longest labels, four moments
    meter = TrainingView(pack, training, resolver).meters[0]
    plan = plan_meter(pack, meter)
    [blank] = export_meter(ExportJob(pack, training, resolver, tmp_path / "blank.xlsx"))
    top = plan.scale[-1]
    scores = {m.id: {s.id: top.value for s in plan.statements} for m in plan.moments}
    filled = fill(plan, blank, tmp_path / "filled.xlsx", scores, name="Anna")
    [pdf] = soffice_convert([filled], tmp_path / "pdf", target="pdf")  # recalculated, as a participant sees it
    pages = read_pdf(pdf)
    assert print_problems(pages, "filled") == []
    shown = body_words(sheet_pages(pages, plan.sheet("fill")))
    label_words = Counter(top.choice.split())
    for word, count in label_words.items():
        assert shown[word] >= count * len(plan.statements) * len(plan.moments), (word, shown[word])
    analysis = sheet_pages(pages, plan.sheet("analysis"))
    assert len(analysis) >= len(plan.moments)  # one block per moment, each with its own header row
    for page in analysis:
        words = [w.text for w in page.body]
        assert words.count("Stelling") == 2 and "Krachten" in words and "Uitdagingen" in words


@pytest.mark.parametrize("ref", BUNDLED)
def test_every_bundled_runbook_prints_whole_with_its_own_headers(ref: str, tmp_path: Path) -> None:
    pack, training, resolver = open_training(ref)
    [path] = export_runbook(ExportJob(pack, training, resolver, tmp_path / f"{ref}.xlsx"))
    pages = print_pdf(path, tmp_path / "pdf")
    assert print_problems(pages, ref) == []
    plan = plan_runbook(TrainingView(pack, training, resolver))
    assert all(p.running_head.startswith(training.title) for p in pages)
    footers = [" ".join(w.text for w in p.words if w.y0 > p.height - 45) for p in pages]
    assert all(f.endswith(f"Pagina {n} van {len(pages)}") for n, f in enumerate(footers, start=1)), footers[:2]
    checklist = [p for p in pages if "Klaar" in {w.text for w in p.body}]
    assert len(checklist) >= len(plan.sessions)  # a page per session at least
    for session in plan.sessions:
        timetable = [p for p in sheet_pages(pages, session.title) if p not in checklist]
        assert timetable, session.title
        for page in timetable:  # the timetable's header row on every page of it
            assert {"Tijd", "Duur", "Onderdeel"} <= {w.text for w in page.body}, session.title
        cells = [v for row in session.rows for v in (row.title, row.grouping, row.work_format, row.materials,
                                                     row.handouts, row.minutes)]
        assert missing_words(cells, timetable) == [], session.title
    assert len(sheet_pages(pages, plan.overview_sheet)) + sum(len(sheet_pages(pages, s.title)) for s in plan.sessions) \
        == len(pages)  # every page is the overview's or a session's
    for page in checklist:  # the checklist's own header on every page of it, never the timetable's
        words = {w.text for w in page.body}
        assert {"Klaar", "Wat", "Nodig"} <= words and not {"Tijd", "Onderdeel"} & words
    things = [e.text for session in plan.sessions for e in session.checklist]
    assert missing_words(things, checklist) == []


def test_the_results_report_prints_at_9_pt(pack, export_job, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [blank] = export_meter(export_job("blank.xlsx"))
    plan = plan_meter(pack, pack.meters[0])
    folder = tmp_path / "filled"
    folder.mkdir()
    for n, name in enumerate(["Ada", "Ben", "Cas", "Dirk"]):
        scores = {m.id: {s.id: plan.scale[(n + i) % len(plan.scale)].value for i, s in enumerate(plan.statements)}
                  for m in plan.moments}
        fill(plan, blank, folder / f"{name}.xlsx", scores, name=name)
    report = tmp_path / "rapport.xlsx"
    done = run_draaiboek(["results", str(folder), "-o", str(report), "--min-group", "1"])
    assert done.returncode == 0, done.stderr
    pages = print_pdf(report, tmp_path / "pdf")
    assert print_problems(pages, "report") == []
    assert all(p.running_head.startswith(plan.title) for p in pages)
    statements = [p for p in pages if p.running_head.endswith("Stellingen")]
    assert missing_words([s.text for s in plan.statements], statements) == []
    for page in statements:  # the header row, and the statement number, on every page of a wide table
        words = {w.text for w in page.body}
        assert "#" in words and {s.number for s in plan.statements} <= words


def test_a_row_taller_than_a_page_goes_on_below(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    materials = [f"materiaal nummer {n} met een lange omschrijving" for n in range(1, 61)]
    item = AgendaItem("Alles klaarzetten", minutes=Duration.fixed(30), materials=materials)
    training = attrs.evolve(pack.trainings[0], title="R&D training",
                            sessions=[Session("m1", "Module 1", number=1, agenda=[item])])
    [path] = export_runbook(ExportJob(pack, training, Resolver(pack), tmp_path / "lang.xlsx"))
    pages = print_pdf(path, tmp_path / "pdf")
    assert print_problems(pages, "long row") == []  # nothing runs off the bottom of a page
    timetable = [p for p in sheet_pages(pages, "Module 1") if "Klaar" not in {w.text for w in p.body}]
    assert len(timetable) >= 2  # the row went on over the page, under the repeated header
    assert missing_words([", ".join(materials)], timetable) == []  # as the cell lists them
    assert all(p.running_head.startswith("R&D training") for p in pages)  # '&' is not a header code


def test_many_domains_print_the_chart_once(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    meter = attrs.evolve(pack.meters[0], domains=[Domain(f"d{i}", f"Domein nummer {i}") for i in range(14)],
                         statements=[Statement(f"s{i}", f"d{i}", f"Ik doe ding {i}.") for i in range(14)])
    many = attrs.evolve(pack, meters=[meter])
    [path] = export_meter(ExportJob(many, many.trainings[0], Resolver(many), tmp_path / "veel.xlsx"))
    pages = print_pdf(path, tmp_path / "pdf")
    assert print_problems(pages, "many domains") == []  # the chart does not run off the page
    overview = sheet_pages(pages, "Overzicht")
    assert len(overview) == 2
    assert [sum(w.text == "Gemiddelde" for w in p.body) for p in overview] == [1, 0]  # chart title, once
    assert {"Domein", "Voormeting"} <= {w.text for w in overview[1].body}  # the table's header again
    assert missing_words([d.title for d in meter.domains], overview) == []

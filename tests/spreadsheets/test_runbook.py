"""The runbook workbook: clock times per session, breaks, grouping, and a materials checklist."""

from __future__ import annotations

from datetime import time

import attrs
import openpyxl
import pytest

from draaiboek.errors import ExportNotApplicable
from draaiboek.exporters import ExportJob
from draaiboek.model import AgendaItem, Duration, Session, Training, TrainingAudience
from draaiboek.refs import Resolver
from draaiboek_spreadsheets.exporters import export_runbook
from draaiboek_spreadsheets.text import sheet_title
from tests.support import FULL_PACK


def rows(ws) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    return [r for r in ws.iter_rows(values_only=True)]


def test_timetable_uses_the_start_time_and_lists_materials(pack, export_job) -> None:  # type: ignore[no-untyped-def]
    [path] = export_runbook(export_job("runbook.xlsx", start=time(13, 30)))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Bijeenkomsten", "1. Module 1 kennismaking", "1. Materialenlijst",
                             "2. Module 2 verdieping", "2. Materialenlijst"]
    sheet = wb["1. Module 1 kennismaking"]
    table = [r for r in rows(sheet) if r[0] and "–" in str(r[0])]
    assert [(r[0], r[2]) for r in table] == [
        ("13:30–13:45", "Welkom (opening)"), ("13:45–14:15", "Speeddaten"), ("14:15–14:30", "Pauze"),
        ("14:30–14:50", "Meter invullen")]
    speeddaten = next(r for r in table if r[2] == "Speeddaten")
    assert speeddaten[1] == "25-30 min" and speeddaten[3] == "plenair → in tweetallen"
    assert speeddaten[4] == "Speeddaten" and speeddaten[5] == "bel, kaartjes"
    assert next(r for r in table if r[2] == "Pauze")[1] == "15 min"  # not "Pauze (pauze)"
    assert sheet.print_title_rows == "$4:$4"
    assert [c.value for c in sheet[4]] == ["Tijd", "Duur", "Onderdeel", "Groepsindeling", "Werkvorm",
                                           "Materialen en hand-outs"]
    checklist = [r[1:] for r in rows(wb["1. Materialenlijst"]) if r[0] == "☐"]
    assert checklist == [("flip-over", "hele bijeenkomst"), ("stiften", "hele bijeenkomst"),
                         ("naambordjes", "13:30"), ("bel", "13:45"), ("kaartjes", "13:45"), ("=laptop", "14:30"),
                         ("Afdrukken: Competentiemeter Het Gesprek", "14:30")]
    cell = next(c for row in wb["1. Materialenlijst"].iter_rows() for c in row if c.value == "=laptop")
    assert cell.data_type == "s"  # pack text starting with '=' stays text
    assert wb["1. Materialenlijst"].print_title_rows == "$3:$3"  # its own header, not the timetable's
    assert "geen uitgewerkte agenda" in str(rows(wb["2. Module 2 verdieping"]))
    assert "Geen materialen genoemd." in str(rows(wb["2. Materialenlijst"]))


def test_materials_once_per_cell_and_once_per_checklist(pack, tmp_path) -> None:  # type: ignore[no-untyped-def]
    item = AgendaItem("Oefenen", work_format="wf-speed", minutes=Duration.fixed(10),
                      materials=["bel", " Bel", "flip-over", "stiften"])
    session = Session("m1", "Module 1", number=1, agenda=[item, item], materials=["flip-over"])
    training = attrs.evolve(pack.trainings[0], sessions=[session])
    [path] = export_runbook(ExportJob(pack, training, Resolver(pack), tmp_path / "r.xlsx"))
    wb = openpyxl.load_workbook(path)
    cells = [r[5] for r in rows(wb["1. Module 1"]) if r[0] and "–" in str(r[0])]
    assert cells == ["bel, flip-over, stiften, kaartjes"] * 2
    checklist = [r[1:] for r in rows(wb["1. Materialenlijst"]) if r[0] == "☐"]
    assert checklist == [("flip-over", "hele bijeenkomst"), ("bel", "09:00, 09:10"), ("stiften", "09:00, 09:10"),
                         ("kaartjes", "09:00, 09:10")]


def test_sheet_names_are_unique_and_cut_at_a_word() -> None:
    taken: set[str] = set()
    long = "Het voeren van het Gesprek: integraal werken"
    names = [sheet_title(f"4. {long}", taken), sheet_title(f"4. {long} deel 2", taken), sheet_title("4/5", taken)]
    assert names == ["4. Het voeren van het Gesprek", "4. Het voeren van het (2)", "4 5"]
    assert all(len(n) <= 31 for n in names)
    assert sheet_title("Onuitspreekbaarlangwoordzonderspaties", set()) == "Onuitspreekbaarlangwoordzonders"


def test_bad_start_time_and_training_without_sessions(pack, run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("export", "runbook", str(FULL_PACK), "-o", str(tmp_path / "r.xlsx"), "--start", "25:00")
    assert result.exit_code != 0 and "invalid start time '25:00'" in result.output
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob(".*part"))
    bare = Training("kaal", "Kaal", TrainingAudience("iedereen"), [])
    with pytest.raises(ExportNotApplicable, match="has no sessions"):
        export_runbook(ExportJob(pack, bare, Resolver(pack), tmp_path / "r.xlsx"))


def test_the_pack_start_time_is_used_and_start_overrides_it(pack, export_job) -> None:  # type: ignore[no-untyped-def]
    training = attrs.evolve(pack.trainings[0], start=time(10, 0))
    job = export_job("own.xlsx")
    [path] = export_runbook(ExportJob(job.pack, training, job.resolver, job.output))
    assert openpyxl.load_workbook(path)["1. Module 1 kennismaking"]["A5"].value == "10:00–10:15"
    [path] = export_runbook(ExportJob(job.pack, training, job.resolver, job.output, start=time(8, 15)))
    assert openpyxl.load_workbook(path)["1. Module 1 kennismaking"]["A5"].value == "08:15–08:30"

"""The runbook workbook: clock times per session, breaks, grouping, and a materials checklist."""

from __future__ import annotations

import openpyxl
import pytest

from draaiboek.errors import DraaiboekError, ExportNotApplicable
from draaiboek.exporters import ExportJob
from draaiboek.model import Training, TrainingAudience
from draaiboek.refs import Resolver
from draaiboek.timing import schedule
from draaiboek_spreadsheets.exporters import export_runbook


def rows(ws) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    return [r for r in ws.iter_rows(values_only=True)]


def test_timetable_uses_the_start_time_and_lists_materials(pack, export_job) -> None:  # type: ignore[no-untyped-def]
    [path] = export_runbook(export_job("runbook.xlsx", start="13:30"))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Bijeenkomsten", "1. Module 1 kennismaking", "2. Module 2 verdieping"]
    session = pack.trainings[0].sessions[0]
    table = [r for r in rows(wb["1. Module 1 kennismaking"]) if r[0] and ":" in str(r[0]) and r[1]]
    assert [(r[0], r[1], r[3]) for r in table] == [(t.start, t.end, t.item.title) for t in schedule(session, "13:30")]
    speeddaten = next(r for r in table if r[3] == "Speeddaten")
    assert speeddaten[2] == "25-30 min" and speeddaten[5] == "plenair → in tweetallen"
    assert speeddaten[6] == "Speeddaten" and speeddaten[7] == "bel, kaartjes"
    assert next(r for r in table if r[3] == "Pauze")[4] == "pauze"
    checklist = [r[1] for r in rows(wb["1. Module 1 kennismaking"]) if r[0] == "☐"]
    assert checklist == ["flip-over", "stiften", "naambordjes", "bel", "kaartjes", "=laptop",
                         "Afdrukken: Competentiemeter Het Gesprek"]
    cell = next(c for row in wb["1. Module 1 kennismaking"].iter_rows() for c in row if c.value == "=laptop")
    assert cell.data_type == "s"  # pack text starting with '=' stays text
    assert "geen uitgewerkte agenda" in str(rows(wb["2. Module 2 verdieping"]))
    assert wb["1. Module 1 kennismaking"].print_title_rows == "$4:$4"


def test_bad_start_time_and_training_without_sessions(pack, export_job, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DraaiboekError, match="invalid start time '25:00'"):
        export_runbook(export_job("r.xlsx", start="25:00"))
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob(".*part"))
    bare = Training("kaal", "Kaal", TrainingAudience("iedereen"), [])
    with pytest.raises(ExportNotApplicable, match="has no sessions"):
        export_runbook(ExportJob(pack, bare, Resolver(pack), tmp_path / "r.xlsx"))

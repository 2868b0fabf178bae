"""`draaiboek results`: filled meters in, report and terminal summary out; bad files named, inputs untouched."""

from __future__ import annotations

import hashlib
import random
import statistics
import zipfile
from pathlib import Path

import attrs
import click
import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.worksheet.worksheet import Worksheet

from draaiboek_spreadsheets.commands import results
from draaiboek_spreadsheets.exporters import export_meter
from draaiboek_spreadsheets.meter_plan import plan_meter

from xlsx_filling import fill
from xlsx_models import make_meter, make_pack

NAMES = ["Anna", "Bram", "Cem", "Dewi", "Eva", "Fleur"]


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(results, list(args), catch_exceptions=False)


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def group(pack, export_job, tmp_path):  # type: ignore[no-untyped-def]
    """Six participants: all scored 'voor', five scored 'na' (Fleur missing), random but seeded scores."""
    [blank] = export_meter(export_job("blank.xlsx"))
    plan = plan_meter(pack, pack.meters[0])
    rng = random.Random(8)
    ids = [s.id for s in plan.statements]
    scores = {}
    folder = tmp_path / "filled"
    folder.mkdir()
    for name in NAMES:
        scores[name] = {"voor": {i: rng.randint(1, 3) for i in ids}}
        if name != "Fleur":
            scores[name]["na"] = {i: rng.randint(2, 4) for i in ids}
        fill(plan, blank, folder / f"{name.lower()}.xlsx", scores[name], name=name)
    return plan, folder, scores


def column_of(ws: Worksheet, title: str) -> int:
    return next(int(c.column) for c in ws[1] if c.value == title)


def test_report_figures_are_computed_from_the_raw_scores(group, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan, folder, scores = group
    report = tmp_path / "report.xlsx"
    result = run(str(folder), "-o", str(report), "--min-group", "3")
    assert result.exit_code == 0, result.output
    assert "6 file(s): 6 used" in result.output
    assert "fleur.xlsx: participant 'Fleur' has no scores for Nameting (missing moment)" in result.output
    wb = openpyxl.load_workbook(report)
    ws = wb["Stellingen"]
    mean_voor, sd_voor = column_of(ws, "Voormeting: gemiddelde"), column_of(ws, "Voormeting: spreiding (sd)")
    mean_na, change = column_of(ws, "Nameting: gemiddelde"), column_of(ws, "verandering Nameting: gemiddelde")
    for r, s in enumerate(plan.statements, start=2):
        voor = [scores[n]["voor"][s.id] for n in NAMES]
        na = [scores[n]["na"][s.id] for n in NAMES if "na" in scores[n]]
        diffs = [scores[n]["na"][s.id] - scores[n]["voor"][s.id] for n in NAMES if "na" in scores[n]]
        assert ws.cell(r, 1).value == s.number
        assert ws.cell(r, mean_voor).value == round(statistics.fmean(voor), 2)
        assert ws.cell(r, sd_voor).value == round(statistics.stdev(voor), 2)
        assert ws.cell(r, mean_na).value == round(statistics.fmean(na), 2)
        assert ws.cell(r, change).value == round(statistics.fmean(diffs), 2)
    domains = wb["Domeinen"]
    for r, d in enumerate(plan.domains, start=2):
        members = [s.id for s in plan.statements if s.domain == d.id]
        per_person = [statistics.fmean(scores[n]["voor"][i] for i in members) for n in NAMES]
        assert domains.cell(r, 1).value == d.title
        assert domains.cell(r, 3).value == round(statistics.fmean(per_person), 2)
    assert domains._charts, "the domain sheet has a chart"  # type: ignore[attr-defined]  # openpyxl's own list
    people = {c.value for c in wb["Deelnemers"]["A"][1:]}
    assert people == set(NAMES)


def test_coach_pairs_pair_high_with_low_scorers(pack, export_job, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [blank] = export_meter(export_job("blank.xlsx"))
    plan = plan_meter(pack, pack.meters[0])
    first = plan.statements[0].id
    folder = tmp_path / "in"
    folder.mkdir()
    for name, score in (("Anna", 4), ("Bram", 1), ("Cem", 3), ("Dewi", 2)):
        scores = {"voor": {s.id: 3 for s in plan.statements} | {first: score}}
        fill(plan, blank, folder / f"{name}.xlsx", scores, name=name)
    report = tmp_path / "r.xlsx"
    assert run(str(folder), "-o", str(report), "--min-group", "1").exit_code == 0
    ws = openpyxl.load_workbook(report)["Coachparen"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]
    assert rows == [(f"1.1 {plan.statements[0].text}", "Voormeting", "Anna (4)", "Bram (1)")]


def test_min_group_withholds_group_figures_and_anonymise_hides_names(group, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _plan, folder, _scores = group
    report = tmp_path / "report.xlsx"
    result = run(str(folder), "-o", str(report), "--min-group", "6", "--anonymise")
    assert result.exit_code == 0, result.output
    assert "Nameting: n=5, figures withheld (fewer than 6)" in result.output
    wb = openpyxl.load_workbook(report)
    ws = wb["Stellingen"]
    assert ws.cell(2, column_of(ws, "Nameting: gemiddelde")).value == "achtergehouden (n < 6)"
    assert isinstance(ws.cell(2, column_of(ws, "Voormeting: gemiddelde")).value, float)
    cells = {str(c.value) for sheet in wb for row in sheet.iter_rows() for c in row if c.value is not None}
    assert not any(name in value for name in NAMES[:5] for value in cells if "xlsx" not in value)
    assert {c.value for c in wb["Deelnemers"]["A"][1:]} == {f"P0{i}" for i in range(1, 7)}


def _bad_corpus(pack, export_job, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    [blank] = export_meter(export_job("blank.xlsx"))
    plan = plan_meter(pack, pack.meters[0])
    folder = tmp_path / "corpus"
    folder.mkdir()
    everything = {s.id: 2 for s in plan.statements}
    fill(plan, blank, folder / "01-good.xlsx", {"voor": everything}, name="Anna")
    fill(plan, blank, folder / "02-good.xlsx", {"voor": everything}, name="Bram")
    fill(plan, blank, folder / "03-duplicate.xlsx", {"voor": everything}, name="anna")
    fill(plan, blank, folder / "04-range.xlsx", {"voor": everything | {plan.statements[2].id: 7}}, name="Cem")
    other = make_pack(attrs.evolve(make_meter(), id="andere-meter"))
    other_plan = plan_meter(other, other.meters[0])
    from draaiboek_spreadsheets.meter_render import render_meter

    render_meter(other_plan, tmp_path / "other.xlsx")
    fill(other_plan, tmp_path / "other.xlsx", folder / "05-other-meter.xlsx", {"voor": everything}, name="Dewi")
    changed = make_pack(attrs.evolve(make_meter(), statements=make_meter().statements[:-1]))
    changed_plan = plan_meter(changed, changed.meters[0])
    render_meter(changed_plan, tmp_path / "changed.xlsx")
    fill(changed_plan, tmp_path / "changed.xlsx", folder / "06-old-version.xlsx",
         {"voor": {s.id: 2 for s in changed_plan.statements}}, name="Eva")
    (folder / "07-empty.xlsx").write_bytes(b"")
    (folder / "08-not-a-workbook.xlsx").write_text("naam;score\nAnna;3\n", encoding="utf-8")
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
    (folder / "09-encrypted.xlsx").write_bytes(ole)
    with zipfile.ZipFile(folder / "10-opendocument.ods", "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    plain = openpyxl.Workbook()
    plain.save(folder / "11-plain-workbook.xlsx")
    with open(folder / "12-huge.xlsx", "wb") as huge:
        huge.truncate(25 * 1024 * 1024)
    return folder


EXPECTED = {
    "03-duplicate.xlsx": "duplicate participant 'anna' (Voormeting also in 01-good.xlsx); file left out",
    "04-range.xlsx": "scores out of range (scale 1-4): Invullen!C8=7",
    "05-other-meter.xlsx": "another meter (het-gesprek:andere-meter); this report is for het-gesprek:competentiemeter",
    "06-old-version.xlsx": "another version of het-gesprek:competentiemeter (pack version 1.2",
    "07-empty.xlsx": "empty file (0 bytes), not a workbook",
    "08-not-a-workbook.xlsx": "not an Excel workbook (.xlsx)",
    "09-encrypted.xlsx": "the workbook is encrypted (password to open); save it without a password",
    "10-opendocument.ods": "an OpenDocument file (.ods); save it as an Excel workbook (.xlsx)",
    "11-plain-workbook.xlsx": "not a draaiboek meter (no 'draaiboek' metadata sheet)",
    "12-huge.xlsx": "too large (25 MB",
}


def test_bad_files_each_get_one_line_and_stay_byte_for_byte_unchanged(pack, export_job, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _bad_corpus(pack, export_job, tmp_path)
    before = hashes(folder)
    report = tmp_path / "report.xlsx"
    result = run(str(folder), "-o", str(report), "--min-group", "1")
    assert result.exit_code == 0, result.output
    problems = [line for line in result.output.splitlines() if line.startswith("problem: ")]
    for name, message in EXPECTED.items():
        mine = [line for line in problems if f"/{name}: " in line]
        assert len(mine) == 1 and message in mine[0], (name, mine)
    assert len(problems) == len(EXPECTED)
    assert "12 file(s): 2 used, 10 problem(s)" in result.output
    assert "Traceback" not in result.output
    assert hashes(folder) == before
    assert {c.value for c in openpyxl.load_workbook(report)["Deelnemers"]["A"][1:]} == {"Anna", "Bram"}


def test_no_usable_file_is_an_error_and_no_report(tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_text("nope", encoding="utf-8")
    result = CliRunner().invoke(results, [str(tmp_path), "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 1
    assert "no usable meter among 1 file(s); no report written" in result.output
    assert not (tmp_path / "r.xlsx").exists()

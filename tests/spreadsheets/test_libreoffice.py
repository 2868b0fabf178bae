"""LibreOffice headless: the live strengths-and-challenges sheet shows exactly what `results` computes,
and files filled and saved by LibreOffice read back the same. Few tests: each starts LibreOffice."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from draaiboek_spreadsheets.collect import collect, expand
from draaiboek_spreadsheets.commands import results
from draaiboek_spreadsheets.exporters import export_meter
from draaiboek_spreadsheets.meter_plan import CALC_SHEET, METADATA_SHEET, plan_meter
from draaiboek_spreadsheets.reader import read_meter
from draaiboek_spreadsheets.results import calculate

from xlsx_filling import fill, soffice_convert, soffice_fill

pytestmark = pytest.mark.libreoffice


def _scores(plan, rng: random.Random, blanks: int = 0) -> dict[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    """Scores with many ties (two or three values only) across all three moments; some left blank."""
    ids = [s.id for s in plan.statements]
    scores = {m.id: {i: rng.choice([1, 2, 2, 3, 4][: 2 + rng.randint(0, 3)]) for i in ids} for m in plan.moments}
    for i in rng.sample(ids, blanks):
        del scores["later"][i]
    return scores


def test_strengths_sheet_recalculated_by_libreoffice_equals_results(pack, export_job, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [blank] = export_meter(export_job("blank.xlsx"))
    plan = plan_meter(pack, pack.meters[0])
    rng = random.Random(2024)
    filled = tmp_path / "filled"
    filled.mkdir()
    sources = []
    for n in range(4):
        sources.append(fill(plan, blank, filled / f"p{n}.xlsx", _scores(plan, rng, blanks=n * 2), name=f"P{n}"))
    lo_filled = soffice_fill(plan, blank, filled / "p9.xlsx", _scores(plan, rng, blanks=3), name="P9")
    sources.append(lo_filled)
    recalculated = soffice_convert(sources, tmp_path / "recalculated")
    group = collect(expand([filled]), read_meter)
    computed = calculate(group, min_group=1)
    labels = {s.id: s.label for s in computed.info.statements}
    profiles = {p.name: p for p in computed.profiles}
    assert sorted(profiles) == ["P0", "P1", "P2", "P3", "P9"]
    for source, path in zip(sources, recalculated, strict=True):
        wb = openpyxl.load_workbook(path, data_only=True)
        ws = wb[plan.sheet("analysis")]
        profile = profiles[wb[plan.sheet("fill")]["C2"].value]
        for j, moment in enumerate(plan.moments):
            text_col, score_col = plan.analysis_columns(j)
            for kind, index in (("strengths", 0), ("challenges", 1)):
                shown = [(ws.cell(r, text_col).value, ws.cell(r, score_col).value) for r in plan.analysis_rows(kind)]
                ids = profile.ranked[moment.id][index]
                scores = read_meter(source).scores[moment.id]
                expected: list[tuple[str | None, int | None]] = [(labels[i], scores[i]) for i in ids]
                expected += [(None, None)] * (len(shown) - len(expected))
                assert shown == expected, (source.name, moment.id, kind)
        overview = wb[plan.sheet("overview")]
        for i, domain in enumerate(plan.domains):
            for j, moment in enumerate(plan.moments):
                mean = profile.means[moment.id].get(domain.id)  # none when the whole domain is blank
                shown_mean = overview.cell(4 + i, 3 + j).value
                assert shown_mean == (None if mean is None else pytest.approx(mean)), (source.name, domain.id)


def test_files_saved_by_libreoffice_give_the_same_report_and_stay_unchanged(pack, export_job, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [blank] = export_meter(export_job("blank.xlsx"))
    plan = plan_meter(pack, pack.meters[0])
    rng = random.Random(7)
    original = tmp_path / "original"
    original.mkdir()
    sources = [fill(plan, blank, original / f"{name}.xlsx", _scores(plan, rng), name=name)
               for name in ("Ans", "Bo", "Cor")]
    saved = soffice_convert(sources, tmp_path / "saved-by-libreoffice")
    wb = openpyxl.load_workbook(saved[0])
    assert wb[METADATA_SHEET].sheet_state == "hidden" and wb[CALC_SHEET].sheet_state == "hidden"
    assert wb[plan.sheet("fill")].protection.sheet
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in saved}
    reports = []
    for folder in (original, tmp_path / "saved-by-libreoffice"):
        report = tmp_path / f"{folder.name}.xlsx"
        result = CliRunner().invoke(results, [str(folder), "-o", str(report), "--min-group", "1"])
        assert result.exit_code == 0, result.output
        assert "3 file(s): 3 used, 0 problem(s)" in result.output
        reports.append([list(r) for r in openpyxl.load_workbook(report)["Stellingen"].iter_rows(values_only=True)])
    assert reports[0] == reports[1]
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in saved} == before

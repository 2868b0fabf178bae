"""End to end through the real command line: export a meter from the full test pack, fill it, read results."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl

from draaiboek_spreadsheets.meter_plan import plan_meter
from tests.support import FULL_PACK, RunCli

from xlsx_filling import fill


def test_export_fill_and_results_through_the_cli(run_cli: RunCli, tmp_path: Path) -> None:
    from draaiboek.api import load_pack

    pack = load_pack(FULL_PACK)
    plan = plan_meter(pack, pack.meters[0])
    blank = tmp_path / "meter.xlsx"
    result = run_cli("export", "meter", str(FULL_PACK), "-o", str(blank))
    assert result.exit_code == 0, result.output
    assert f"wrote {blank}" in result.output
    folder = tmp_path / "in"
    folder.mkdir()
    for n, name in enumerate(["Ada", "Ben", "Cas"]):
        scores = {m.id: {s.id: plan.scale[(n + i) % len(plan.scale)].value for i, s in enumerate(plan.statements)}
                  for m in plan.moments}
        fill(plan, blank, folder / f"{name}.xlsx", scores, name=name)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    report = tmp_path / "report.xlsx"
    result = run_cli("results", str(folder), "-o", str(report), "--min-group", "3")
    assert result.exit_code == 0, result.output
    assert "3 file(s): 3 used, 0 problem(s)" in result.output
    assert f"report written: {report}" in result.output
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()} == before
    sheets = openpyxl.load_workbook(report).sheetnames
    assert "Deelnemers" in sheets or "Participants" in sheets
    again = run_cli("results", str(folder), "-o", str(report))
    assert again.exit_code != 0 and "exists; use --force" in again.output


def test_runbook_through_the_cli(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "runbook.xlsx"
    result = run_cli("export", "runbook", str(FULL_PACK), "-o", str(out), "--start", "10:15")
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(out)
    first_session = wb[wb.sheetnames[1]]
    assert "10:15" in [c.value for c in first_session["A"]]

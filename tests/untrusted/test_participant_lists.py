"""Hostile participant lists for `export meter --participants` (issue 19: 23): names as written, CSV errors
named with file and line, no amplification."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.support import FULL_PACK, RunCli


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def export(run_cli: RunCli, csv_text: str) -> tuple[int, str]:
    Path("groep.csv").write_text(csv_text, encoding="utf-8")
    result = run_cli("export", "meter", str(FULL_PACK), "-o", "meter.xlsx", "--participants", "groep.csv")
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_quoted_line_break_stays_in_the_name(run_cli: RunCli, tmp_path: Path) -> None:
    code, output = export(run_cli, 'naam\n"Jan\nde Vries"\nPiet\n')
    assert code == 0, output
    assert sorted(p.name for p in tmp_path.glob("meter-*.xlsx")) == ["meter-jan-de-vries.xlsx", "meter-piet.xlsx"]
    wb = openpyxl.load_workbook(tmp_path / "meter-jan-de-vries.xlsx")
    assert "Jan de Vries" in [c.value for row in wb.worksheets[1].iter_rows(max_row=3) for c in row]


def test_a_line_after_a_quoted_break_keeps_its_number(run_cli: RunCli) -> None:
    code, output = export(run_cli, 'naam\n"Jan\nde Vries"\nPiet\npiet\n')
    assert code != 0
    assert output.strip().endswith("groep.csv:5: participant 'piet' is already on line 4")


def test_oversized_field_is_the_list_s_fault_not_the_exporter_s(run_cli: RunCli) -> None:
    code, output = export(run_cli, "naam\nAnna\n\"" + "a" * 200_000 + "\n")
    assert code != 0
    [line] = output.strip().splitlines()
    assert line.endswith("groep.csv:3: not a readable CSV list (field larger than field limit (131072))"), line
    assert "exporter" not in line and "plugin" not in line


def test_a_list_longer_than_any_group_writes_nothing(run_cli: RunCli, tmp_path: Path) -> None:
    code, output = export(run_cli, "code\n" + "".join(f"P{n}\n" for n in range(1001)))
    assert code != 0 and "groep.csv: 1001 participants; the limit is 1000 (one workbook each)" in output
    assert not list(tmp_path.glob("meter*.xlsx"))

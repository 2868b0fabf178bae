"""The examples are real third-party distributions: installed by the test command, run through the CLI."""

from __future__ import annotations

import csv
from importlib.metadata import distribution
from pathlib import Path

from tests.support import RunCli


def test_examples_are_installed_as_their_own_distributions() -> None:
    assert distribution("draaiboek-pack-voorbeeld").entry_points.select(group="draaiboek")["voorbeeld"]
    assert distribution("draaiboek-exporter-csv").entry_points.select(group="draaiboek")["csv-runbook"]


def test_example_pack_is_listed_checked_and_resolves_across_packs(run_cli: RunCli, tmp_path: Path) -> None:
    packs = run_cli("packs", "--json")
    assert '"id": "voorbeeld"' in packs.stdout and '"distribution": "draaiboek-pack-voorbeeld 0.1.0"' in packs.stdout
    assert run_cli("check", "voorbeeld").exit_code == 0
    out = tmp_path / "fb.md"
    assert run_cli("export", "handbook", "voorbeeld", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    # The intervision format comes from the bundled lvb-coaching pack, by cross-pack reference.
    assert "| 09:30-10:10 | Intervisie op een eigen casus |" in text


def test_example_plugin_adds_a_command(run_cli: RunCli) -> None:
    result = run_cli("csv-columns")
    assert result.exit_code == 0 and result.stdout == "session, start, end, title, kind, work_format, minutes\n"
    listed = run_cli("plugins")
    assert next(line for line in listed.stdout.splitlines() if line.startswith("csv-runbook")).endswith(
        "exporter csv, command csv-columns")


def test_example_exporter_writes_the_runbook_as_csv(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "runbook.csv"
    result = run_cli("export", "csv", "voorbeeld", "-o", str(out), "--start", "13:00")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["session", "start", "end", "title", "kind", "work_format", "minutes"]
    assert rows[1] == ["fb-1", "13:00", "13:05", "Opening", "opening", "", "5"]
    assert rows[2][3:] == ["Oefenen met waarneming - effect - wens", "activity", "Feedback in drietallen", "25"]
    assert rows[-1][1:3] == ["14:10", "14:15"]

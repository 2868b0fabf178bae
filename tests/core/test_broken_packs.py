"""Every broken pack in tests/packs/broken yields exactly its expected lines, with file and line, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import BROKEN, RunCli, run_draaiboek

SUMMARY = re.compile(r": (ok|FAILED) \(\d+ errors, \d+ warnings, \d+ accepted\)$")
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


@pytest.mark.parametrize("name", CASES)
def test_broken_pack_reports_expected_lines(name: str, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN)
    expected = (BROKEN / name / "expected.txt").read_text(encoding="utf-8").splitlines()
    result = run_cli("check", name)
    lines = [line for line in result.output.splitlines() if not SUMMARY.search(line)]
    assert lines == expected
    assert all(":" in line.split(" ")[0] for line in lines), "every line starts with file:line"
    has_error = any(" error " in line for line in expected)
    assert result.exit_code == (1 if has_error else 0)


def test_broken_packs_cover_the_promised_checks() -> None:
    codes = {line.split(" ")[2].rstrip(":") for name in CASES
             for line in (BROKEN / name / "expected.txt").read_text(encoding="utf-8").splitlines()}
    promised = {"YAML001", "FIELD001", "ID001", "ID002", "REF001", "REF002", "REF005", "REF006", "TIME001",
                "COVER001", "METER001", "SCALE001", "PACK001", "PACK004", "YAML003", "YAML006", "ENC001",
                "ENC002", "TEXT001", "TEXT002", "TIME006", "FILE004", "FILE005"}
    assert promised <= codes


def test_a_broken_pack_never_shows_a_traceback(tmp_path: Path) -> None:
    """As a user runs it: a real process, the worst pack we have."""
    result = run_draaiboek(["check", str(BROKEN / "wrong-type"), str(BROKEN / "yaml-syntax")])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "wrong-type/training.yaml:16: error FIELD001" in result.stdout

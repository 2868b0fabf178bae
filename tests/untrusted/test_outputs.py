"""Outputs (issue 19: 17, 18, 23): an interrupted write leaves nothing, no input or existing file is replaced."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support import RunCli
from tests.untrusted.hostile import export_meter

# The child restores Ctrl-C as a terminal has it: under pytest-xdist a child inherits SIGINT as ignored.
SLOW_WRITE = """
import signal, sys, time
from pathlib import Path
from draaiboek.output import atomic_path
signal.signal(signal.SIGINT, signal.default_int_handler)
with atomic_path(Path(sys.argv[1])) as temp:
    temp.write_text("half a report")
    print("writing", flush=True)
    time.sleep(60)
"""


def _wait_or_explain(child: subprocess.Popen[str], timeout: float) -> None:
    """Wait for the child; if it outlives the signal, fail with what it was doing: its state and signal masks
    (/proc) and what it wrote to stderr. Seen once in CI, not reproduced: this says why if it happens again."""
    try:
        child.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        status = Path(f"/proc/{child.pid}/status")
        lines = status.read_text().splitlines() if status.exists() else []
        shown = [line for line in lines if line.startswith(("State", "Sig", "Shd", "Threads"))]
        child.kill()
        _, stderr = child.communicate(timeout=30)
        pytest.fail(f"the child did not end within {timeout} s of the signal; {'; '.join(shown)}; "
                    f"stderr: {stderr[-2000:]!r}")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_killed_write_leaves_no_part_file_and_no_output(tmp_path: Path, sig: signal.Signals) -> None:
    (tmp_path / "report.xlsx").write_text("the previous report")
    child = subprocess.Popen([sys.executable, "-c", SLOW_WRITE, "report.xlsx"], cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    assert len(list(tmp_path.glob(".report.xlsx.*.part"))) == 1
    started = time.monotonic()
    child.send_signal(sig)
    _wait_or_explain(child, timeout=30)
    assert time.monotonic() - started < 20
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]
    assert (tmp_path / "report.xlsx").read_text() == "the previous report"
    assert child.returncode == -sig if sig == signal.SIGTERM else child.returncode != 0


def test_results_never_writes_onto_one_of_its_inputs(tmp_path: Path, run_cli: RunCli,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    meter = export_meter(folder, "anna.xlsx")
    before = hashlib.sha256(meter.read_bytes()).hexdigest()
    for args in (["in", "-o", "in/anna.xlsx", "--force"], ["in/anna.xlsx", "-o", "in/../in/anna.xlsx", "--force"]):
        result = run_cli("results", *args)
        assert result.exit_code == 1
        assert result.output.strip() == (f"Error: {args[2]} is one of the workbooks to read; write the report to "
                                         "another file")
    assert hashlib.sha256(meter.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.iterdir()) == ["anna.xlsx"]


def test_schema_does_not_overwrite_without_force(tmp_path: Path, run_cli: RunCli,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("schema.json").write_text("mine")
    refused = run_cli("schema", "-o", "schema.json")
    assert refused.exit_code == 1 and refused.output.strip() == "Error: schema.json exists; use --force to overwrite it"
    assert Path("schema.json").read_text() == "mine"
    assert run_cli("schema", "-o", "schema.json", "--force").exit_code == 0
    assert '"$schema"' in Path("schema.json").read_text()


def test_new_pack_name_with_a_trailing_newline_creates_nothing(tmp_path: Path, run_cli: RunCli,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("new", "naasten\n")
    assert result.exit_code == 1 and "must be lowercase letters, digits and '-'" in result.output
    assert list(tmp_path.iterdir()) == []

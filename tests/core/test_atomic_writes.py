"""An interrupted export never leaves a half file, and never replaces a good file with a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import FULL_PACK, RunCli

EXPORTERS = [("handbook", ".md"), ("slides", ".pptx"), ("meter", ".xlsx"), ("runbook", ".xlsx"), ("csv", ".csv")]


@pytest.mark.parametrize(("exporter", "suffix"), EXPORTERS)
def test_interrupted_export_keeps_the_good_file(exporter: str, suffix: str, run_cli: RunCli, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / f"out{suffix}"
    target.write_bytes(b"the good file from last week")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt  # the user presses Ctrl-C just as the file would be put in place

    monkeypatch.setattr("draaiboek.output.os.replace", interrupted)
    result = run_cli("export", exporter, str(FULL_PACK), "-o", str(target), "--force")
    assert result.exit_code != 0
    assert target.read_bytes() == b"the good file from last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name], "no temporary file left behind"


@pytest.mark.parametrize(("exporter", "suffix"), EXPORTERS)
def test_export_writes_through_a_temporary_file(exporter: str, suffix: str, run_cli: RunCli, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    renamed: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(source: str, target: str) -> None:
        renamed.append((Path(source).name, Path(target).name))
        real_replace(source, target)

    monkeypatch.setattr("draaiboek.output.os.replace", spy)
    target = tmp_path / f"out{suffix}"
    assert run_cli("export", exporter, str(FULL_PACK), "-o", str(target)).exit_code == 0
    assert (target.stat().st_mode & 0o777) == 0o666 & ~_umask()
    assert renamed and all(src.startswith(f".{dst}.") and src.endswith(".part") for src, dst in renamed)


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask

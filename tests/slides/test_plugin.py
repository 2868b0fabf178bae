"""The plugin as users meet it: registered exporter and command, cheap to import."""

from __future__ import annotations

import subprocess
import sys

from tests.support import RunCli


def test_exporter_and_command_are_registered(run_cli: RunCli) -> None:
    result = run_cli("export", "slides", "--help")
    assert result.exit_code == 0
    for option in ("--session", "--template", "--start", "--date", "--trainer"):
        assert option in result.output
    assert "check" in run_cli("template", "--help").output


def test_cli_startup_does_not_import_pptx_or_markdown() -> None:
    code = ("import sys; from draaiboek.cli import build_app; build_app(['--help'], None);"
            "import draaiboek_slides;"
            "print([m for m in sys.modules if m.split('.')[0] in ('pptx', 'markdown_it', 'lxml')])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"

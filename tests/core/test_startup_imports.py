"""A quiet start (issue 20.3): what ``draaiboek --help``, ``packs`` and ``check`` import, in a fresh interpreter.

Every start loads every plugin module (they may add commands), so a heavy import anywhere on that path is paid by
every command. The speed itself is measured by ``tests/benchmarks/bench_startup.py``; this holds the imports.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support import ROOT

#: Run ``python -m draaiboek ARGS`` and list sys.modules once it has finished (also after click's sys.exit).
RUN = """\
import atexit, runpy, sys
sys.argv = ["draaiboek", *sys.argv[1:]]
atexit.register(lambda: print("MODULES", *sorted(sys.modules), file=sys.stderr))
runpy.run_module("draaiboek", run_name="__main__", alter_sys=True)
"""

#: Never needed to list or check packs: entry points are read without importlib.metadata (email, csv, socket
#: come with it), pack folders without importlib.resources (zipfile, tempfile), and the exporter libraries
#: load only inside an export.
NEVER = {"importlib.metadata", "importlib.resources", "email", "zipfile", "csv", "socket", "tempfile",
         "pptx", "openpyxl", "docx", "lxml"}
#: --help reads no pack: no YAML, no model, and no json or pathlib either.
NOT_FOR_HELP = NEVER | {"json", "pathlib", "yaml", "attr", "attrs", "cattrs", "markdown_it", "pyphen",
                        "draaiboek.model", "draaiboek.loader", "draaiboek.catalog", "draaiboek.checks"}
#: Explaining a YAML syntax error: only for a file that has one (the bundled packs have none).
ONLY_FOR_BROKEN = {"draaiboek.yamlerrors"}
#: packs loads every pack, but checks and scores none; it prints a table, not JSON.
NOT_FOR_PACKS = NEVER | ONLY_FOR_BROKEN | {"json", "markdown_it", "pyphen", "difflib", "draaiboek.checks",
                                           "draaiboek.api"}
#: check reads and checks a pack, and prints lines, not JSON. Scoring a text's readability loads pyphen, which
#: finds its dictionaries through importlib.resources (zipfile, tempfile): pyphen's own imports, not ours. difflib
#: only names the closest match of an unknown key or id.
NOT_FOR_CHECK = (NEVER - {"importlib.resources", "zipfile", "tempfile"}) | ONLY_FOR_BROKEN | {"json", "difflib"}


def modules_after(*args: str) -> tuple[set[str], str]:
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, timeout=300,
                          cwd=ROOT)
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    return set(line.split()[1:]), done.stdout


def loaded(modules: set[str], names: set[str]) -> list[str]:
    """The names in ``names`` that were imported, themselves or any of their submodules."""
    return sorted(name for name in names if any(m == name or m.startswith(name + ".") for m in modules))


@pytest.mark.parametrize(("args", "forbidden", "expected_output"), [
    (["--help"], NOT_FOR_HELP, "Usage: draaiboek"),
    (["packs"], NOT_FOR_PACKS, "het-gesprek"),
    (["check", "het-gesprek"], NOT_FOR_CHECK, "het-gesprek"),
], ids=["help", "packs", "check"])
def test_start_up_imports_only_what_the_command_needs(args: list[str], forbidden: set[str],
                                                       expected_output: str) -> None:
    modules, output = modules_after(*args)
    assert expected_output in output  # the command ran, with every plugin loaded
    assert {"draaiboek_slides", "draaiboek_spreadsheets", "draaiboek_pack_het_gesprek"} <= modules
    assert loaded(modules, forbidden) == []


def test_the_runner_sees_what_a_command_imports() -> None:
    """An empty list above could come from a broken runner: it does see what a command imports."""
    modules, _ = modules_after("packs", "--json")
    assert loaded(modules, {"json", "yaml", "draaiboek.catalog", "importlib.metadata"}) == \
           ["draaiboek.catalog", "json", "yaml"]


def test_import_time_report_agrees_for_help() -> None:
    """``python -X importtime -m draaiboek --help``, as a user would profile it, names none of them either."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "draaiboek", "--help"], capture_output=True,
                          text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0 and "Usage: draaiboek" in done.stdout
    imported = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "click" in imported and "pluggy" in imported
    assert loaded(imported, NOT_FOR_HELP) == []


def test_path_options_still_hand_commands_a_pathlib_path() -> None:
    """PathType keeps pathlib out of start-up, not out of the commands: values and defaults arrive as Path."""
    from pathlib import Path

    import click
    from click.testing import CliRunner

    from draaiboek.cli.app import PathType

    seen: list[object] = []

    @click.command()
    @click.option("--folder", type=PathType(file_okay=False), default="out")
    @click.option("--settings", type=PathType(dir_okay=False, exists=True))
    def command(folder: Path, settings: Path | None) -> None:
        seen.extend([folder, settings])

    assert CliRunner().invoke(command, []).exit_code == 0
    assert CliRunner().invoke(command, ["--folder", "x", "--settings", __file__]).exit_code == 0
    assert seen == [Path("out"), None, Path("x"), Path(__file__)]
    assert all(isinstance(value, Path) for value in seen if value is not None)
    missing = CliRunner().invoke(command, ["--settings", "no-such-file.yaml"])
    assert missing.exit_code == 2 and "File 'no-such-file.yaml' does not exist." in missing.output

"""The docs cannot drift: every hook is documented with its exact signature; every folder has a README."""

from __future__ import annotations

import inspect

import pytest

from draaiboek import hookspecs
from draaiboek.plugins import get_plugin_manager
from tests.support import ROOT

HOOKS = sorted(name for name in get_plugin_manager(load_entrypoints=False).manager.hook.__dict__
               if not name.startswith("_"))


def test_there_are_hooks() -> None:
    assert HOOKS == ["register_commands", "register_content_packs", "register_exporters"]


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented_with_its_signature(hook: str) -> None:
    docs = (ROOT / "plugins" / "README.md").read_text(encoding="utf-8")
    params = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    assert f"### {hook}({params})" in docs


@pytest.mark.parametrize("hook", HOOKS)
def test_hookspec_has_a_contract_docstring(hook: str) -> None:
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    for param in inspect.signature(getattr(hookspecs, hook)).parameters:
        assert f":param {param}:" in doc


@pytest.mark.parametrize("folder", ["core", "plugins", "content_packs", "examples", "tests"])
def test_every_top_level_folder_explains_itself(folder: str) -> None:
    readme = ROOT / folder / "README.md"
    assert readme.is_file() and len(readme.read_text(encoding="utf-8")) > 200


def test_readme_holds_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "draaiboek build" in text and "pytest" in text


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run takes its command from the README, so the two cannot drift apart."""
    import subprocess

    script = ROOT / ".ci" / "run"
    program = '/^Set up and run the tests/ {found=1} found && /pytest/ {sub(/^ +/, ""); print; exit}'
    awk = subprocess.run(["awk", program,
                          str(ROOT / "README.md")], capture_output=True, text=True, check=True).stdout.strip()
    assert awk.startswith("python3 -m venv .venv && ") and awk.endswith("pytest -n 2 -q")
    ci = script.read_text(encoding="utf-8")
    assert "eval \"$command\"" in ci


def test_ci_runs_the_lint_and_type_line_and_the_clone_alone() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "(`.ci/run` runs this too, after the tests):\n\n    .venv/bin/ruff check . && .venv/bin/mypy\n" in readme
    assert "checks=$(readme_line '^Then the lint and type rules' 'ruff check')" in ci and 'eval "$checks"' in ci
    assert "export DRAAIBOEK_REQUIRE_SHARED=1" in ci
    assert 'git clone --quiet --no-hardlinks "$PWD" "$clone_root/draaiboek"' in ci

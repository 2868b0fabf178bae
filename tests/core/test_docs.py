"""The docs cannot drift: every hook is documented with its exact signature; every folder has a README."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from draaiboek import hookspecs
from draaiboek.api import check_folder
from draaiboek.catalog import Catalog
from draaiboek.plugins import get_plugin_manager
from draaiboek.yamlsource import read_yaml

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
    assert "eval \"$command\"" in script.read_text(encoding="utf-8")


GUIDES = [ROOT / "content_packs" / "README.md", *sorted((ROOT / "examples").glob("*/README.md")),
          ROOT / "plugins" / "README.md", ROOT / "README.md"]
YAML_BLOCK = re.compile(r"^```ya?ml\n(.*?)^```", re.DOTALL | re.MULTILINE)


def yaml_blocks(path: Path) -> list[str]:
    return YAML_BLOCK.findall(path.read_text(encoding="utf-8"))


def guide_section(heading: str) -> str:
    text = (ROOT / "content_packs" / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n{heading}\n", 1)[1]
    return yaml_blocks_in(section)[0]


def yaml_blocks_in(text: str) -> list[str]:
    return YAML_BLOCK.findall(text)


def test_the_guide_has_yaml_blocks() -> None:
    assert len(yaml_blocks(GUIDES[0])) >= 2


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_block_in_the_guides_reads_cleanly(guide: Path, tmp_path: Path) -> None:
    for i, block in enumerate(yaml_blocks(guide)):
        path = tmp_path / f"block{i}.yaml"
        path.write_text(block, encoding="utf-8")
        doc = read_yaml(path)
        assert not doc.problems, f"{guide.name} YAML block {i + 1}: {[p.format() for p in doc.problems]}"
        assert isinstance(doc.data, dict)


def test_the_guides_complete_example_checks_clean(run_cli, tmp_path: Path) -> None:
    """pack.yaml and the complete example of the guide, copied into a folder as an author would."""
    (tmp_path / "pack.yaml").write_text(guide_section("### pack.yaml"), encoding="utf-8")
    (tmp_path / "training.yaml").write_text(guide_section("### A complete small example"), encoding="utf-8")
    result = run_cli("check", str(tmp_path))
    assert result.output.strip().splitlines() == ["mijn-training: ok (0 errors, 0 warnings, 0 accepted)"]
    assert result.exit_code == 0
    checked = check_folder(tmp_path, Catalog.from_environment())
    assert checked.pack is not None
    training = checked.pack.trainings[0]
    assert [s.id for s in training.sessions] == ["m1", "m2"]
    case = checked.pack.cases[0]
    assert len(case.layers) == 2 and case.role_cards and checked.pack.meters and checked.pack.questionnaires
    assert any(item.optional for item in training.sessions[0].agenda)


def test_the_guide_documents_the_new_format_features() -> None:
    text = (ROOT / "content_packs" / "README.md").read_text(encoding="utf-8")
    for phrase in ("reveal: m2", "after: rollenspel", "at: rollenspel", "audience: [participants]", "--start",
                   'start: "13:00"', "optional: true", "group_size", "pyproject.toml", "### Versions"):
        assert phrase in text, phrase


def test_ci_runs_the_lint_and_type_line_and_the_clone_alone() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "(`.ci/run` runs this too, after the tests):\n\n    .venv/bin/ruff check . && .venv/bin/mypy\n" in readme
    assert "checks=$(readme_line '^Then the lint and type rules' 'ruff check')" in ci and 'eval "$checks"' in ci
    assert "export DRAAIBOEK_REQUIRE_SHARED=1" in ci
    assert 'git clone --quiet --no-hardlinks "$PWD" "$clone_root/draaiboek"' in ci

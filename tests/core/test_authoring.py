"""Course authors: the field reference, the scaffold, YAML errors in plain words, every problem in one run."""

from __future__ import annotations

from pathlib import Path

from draaiboek.fieldref import REGENERATE, field_reference
from draaiboek.schema import pack_schema

from tests.support import ROOT, RunCli

FORMAT = ROOT / "content_packs" / "FORMAT.md"


def test_format_md_is_up_to_date() -> None:
    assert FORMAT.read_text(encoding="utf-8") == field_reference(), f"FORMAT.md is out of date; run: {REGENERATE}"


def test_every_object_and_field_of_the_schema_is_in_the_reference_with_the_same_words() -> None:
    text = FORMAT.read_text(encoding="utf-8")
    for name, definition in pack_schema()["$defs"].items():
        if name in ("PackFile", "PartFile"):
            continue
        section = text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        for field_name, schema in definition["properties"].items():
            row = next(line for line in section.splitlines() if line.startswith(f"| `{field_name}` |"))
            assert schema.get("description"), f"{name}.{field_name} has no meaning"
            assert " ".join(schema["description"].split()).replace("|", "\\|") in row.replace("&lt;", "<")
            assert ("| required |" in row) == (field_name in definition.get("required", []))


def test_reference_lists_allowed_values_and_defaults() -> None:
    text = FORMAT.read_text(encoding="utf-8")
    agenda = text.split("\n## AgendaItem\n", 1)[1].split("\n## ", 1)[0]
    kind = next(line for line in agenda.splitlines() if line.startswith("| `kind` |"))
    assert "`break`" in kind and "`activity` |" in kind
    question = text.split("\n## Question\n", 1)[1]
    assert "`multiple_choice`" in question and "`yes_no`" in question
    assert "| `optional` | optional | true or false |  | `false` |" in agenda


def test_schema_command_writes_the_reference(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "FORMAT.md"
    result = run_cli("schema", "--format", "markdown", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == FORMAT.read_text(encoding="utf-8")


def test_guide_links_to_the_reference_not_to_python() -> None:
    guide = (ROOT / "content_packs" / "README.md").read_text(encoding="utf-8")
    assert "(FORMAT.md)" in guide
    assert "core/draaiboek/model" not in guide


def test_did_you_mean_never_suggests_the_wrong_id_itself() -> None:
    from draaiboek.checks.references import did_you_mean

    assert did_you_mean("wf terugblik", ["wf terugblik", "wf-terugblik"]) == "did you mean 'wf-terugblik'?"
    assert did_you_mean("wf terugblik", ["wf terugblik"]) is None

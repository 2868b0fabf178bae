"""Course authors: the field reference, the scaffold, YAML errors in plain words, every problem in one run."""

from __future__ import annotations

from pathlib import Path

import pytest
from draaiboek.fieldref import REGENERATE, field_reference
from draaiboek.schema import pack_schema
from draaiboek.yamlsource import read_yaml

from tests.support import ROOT, RunCli

FORMAT = ROOT / "content_packs" / "FORMAT.md"

PACK_YAML = """\
id: proef
title: Proef
language: nl
version: "1"
authors: [test]
licence: CC BY 4.0
"""

TRAINING_YAML = """\
trainings:
  - id: t
    title: Training
    audience:
      participants: iedereen
    sessions:
      - id: s1
        title: Sessie
        duration: 60
        learning_outcomes:
          - {id: lo1, text: De deelnemer kan iets.}
        agenda:
          - title: Oefenen
            outcomes: [lo1]
            work_format: wf
            steps:
              - {title: Uitleg, minutes: 45}
          - {title: Pauze, kind: break, minutes: 15}
work_formats:
  - {id: wf, name: Oefening}
"""


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


YAML_MISTAKES = [
    # (file text, expected line, words in the message, words in the hint)
    ("a:\n  - {id: nu, text: Waar sta ik nu?}\n", 2, "column 34: a '?' in unquoted text", "put the text in quotes"),
    ("a:\n  title: Module 1: de basis\n", 2, "a ': ' inside unquoted text", 'title: "Module 1: de basis"'),
    ("a: {text: stap #1, b: 2}\nc: 3\n", 1, "' #' starts a comment", "quotes"),
    ("a:\n\tb: 1\n", 2, "column 1: a tab character in the indentation", "replace the tab with spaces"),
    ("a:\n  b:\t1\n", 2, "a tab character", "replace the tab"),
    ("a:\n  title: X\n    description: y\n", 3, "indented further than the line above (2: 'title: X')",
     "indented too far?"),
    ("a:\n  - title: X\n    minutes: 3\n   description: y\n", 4, "above it is line 3: 'minutes: 3'",
     "indented too little? indent it 4 spaces"),
    ("a:\n  - {title: Pauze, kind: break\n  - {title: x}\n", 2, "does not close its '{'", "add '}'"),
    ("a: [1, 2\nb: 3\n", 1, "does not close its '['", "add ']'"),
    ('a: "abc\nb: 2\n', 1, "a quote is opened here and never closed", "close the quote"),
    ("items:\n  - id: a\n  -id: c\n", 3, "a '-' without a space", "'- '"),
    ("a:\n  title:Training\n  b: 1\n", 2, "a ':' without a space after it", "write 'title: ...'"),
    ('a: 1\nb: "abc" def\n', 2, "more text after the closing quote", "quote the whole text"),
    ("a: *vet*\n", 1, "a text that starts with '*'", 'a: "*vet*"'),
    ("a:\n  b: 1\n  c:\n    - x\n  - y\n", 5, "a list item ('- ') where a field was expected",
     "indented too little? indent it 4 spaces, like the list item on line 4"),
]


@pytest.mark.parametrize(("text", "line", "message", "hint"), YAML_MISTAKES)
def test_yaml_mistakes_are_explained_in_plain_words_on_the_right_line(
        tmp_path: Path, text: str, line: int, message: str, hint: str) -> None:
    path = tmp_path / "training.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = read_yaml(path, "training.yaml").problems
    assert problem.code == "YAML001" and problem.line == line
    assert message in problem.message and hint in (problem.hint or "")
    assert "(YAML reader: " in (problem.hint or ""), "the parser's own words stay, for experts"


def test_unknown_field_that_belongs_one_level_up_or_down_says_so(tmp_path: Path) -> None:
    from draaiboek.loader import load_folder

    (tmp_path / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (tmp_path / "training.yaml").write_text(
        TRAINING_YAML.replace("              - {title: Uitleg, minutes: 45}",
                              "              - title: Uitleg\n                minutes: 45\n"
                              "                assignment: Doe het.")
        .replace("work_formats:", "        description: te weinig ingesprongen\nwork_formats:"), encoding="utf-8")
    found = {d.path: d for d in load_folder(tmp_path).diagnostics}
    too_far = found["trainings[0].sessions[0].agenda[0].steps[0].assignment"]
    assert too_far.hint == "'assignment' is a field one level up: indented too far?"
    assert too_far.line == 19
    too_little = found["trainings[0].sessions[0].description"]
    assert too_little.hint is not None and "indented too little?" in too_little.hint


def test_check_reports_four_kinds_of_mistakes_in_three_files_in_one_run(run_cli: RunCli, tmp_path: Path) -> None:
    """A YAML error, a field error, an unknown reference and a timing error: one run shows them all."""
    (tmp_path / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (tmp_path / "training.yaml").write_text(
        TRAINING_YAML.split("work_formats:")[0]
        .replace("duration: 60", "duration: 90")  # TIME001: the agenda takes 60
        .replace("            work_format: wf\n", "            work_format: wf\n            cases: [casus]\n")
        .replace("{title: Pauze, kind: break, minutes: 15}",
                 "{title: Pauze, kind: break, minutes: 15}\n          - {title: Terugblik, minutes: 5, "
                 "work_format: wf-reflecte}"), encoding="utf-8")
    (tmp_path / "werkvormen.yaml").write_text(
        "work_formats:\n  - id: wf\n    name: Oefening\n    beschrijving: Zo gaat het.\n"  # FIELD001
        "  - {id: wf-reflectie, name: Reflectie}\n", encoding="utf-8")
    (tmp_path / "casus.yaml").write_text(
        "cases:\n  - id: casus\n    title: Johan\n    layers:\n"
        "      - {id: l1, title: Vraag, text: Wat wil Johan?}\n", encoding="utf-8")  # YAML001
    result = run_cli("check", str(tmp_path))
    lines = result.output.splitlines()
    codes = {line.split(" ")[2].rstrip(":") for line in lines[:-1]}
    assert {"YAML001", "FIELD001", "REF001", "TIME001"} <= codes, result.output
    ref = next(line for line in lines if "REF001" in line)
    assert "wf-reflecte" in ref and "training.yaml:" in ref
    assert "did you mean 'wf-reflectie'?" in ref
    assert not any("unknown case 'casus'" in line or "unknown work format 'wf'" in line for line in lines), \
        "what sits in a broken file is not reported as unknown"
    assert any(line.startswith(f"{tmp_path.name}/casus.yaml:5: error YAML001") or "casus.yaml:5: error YAML001"
               in line for line in lines)
    assert "werkvormen.yaml:4: error FIELD001: unknown field 'beschrijving'" in result.output
    assert lines[-1].startswith("proef: FAILED (")
    assert "not checked further: " in lines[-1] and "casus.yaml (cannot be read)" in lines[-1]
    assert "work format 'wf' (field errors)" in lines[-1]
    assert result.exit_code == 1


def test_new_scaffolds_every_main_element_commented_and_it_checks_clean(run_cli: RunCli, tmp_path: Path) -> None:
    from draaiboek.api import check_folder
    from draaiboek.catalog import Catalog

    assert run_cli("new", "proef", "--dir", str(tmp_path)).exit_code == 0
    folder = tmp_path / "draaiboek-pack-proef" / "draaiboek_pack_proef" / "pack"
    result = run_cli("check", str(folder))
    assert result.output.splitlines() == ["proef: ok (0 errors, 0 warnings, 0 accepted)"]
    checked = check_folder(folder, Catalog.from_environment())
    pack = checked.pack
    assert pack is not None and checked.ok
    [training] = pack.trainings
    assert len(training.sessions) == 2 and training.start is not None
    [case] = pack.cases
    assert len(case.layers) == 2 and case.role_cards and any(layer.reveal for layer in case.layers)
    [work_format] = pack.work_formats
    assert work_format.variants and all(step.minutes for step in work_format.steps)
    [meter] = pack.meters
    assert all(point.label for point in meter.scale.points) and len(meter.scale.points) >= 2
    assert [q.kind for q in pack.questionnaires] == ["evaluation"]
    for path in folder.glob("*.yaml"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert lines[1].startswith("# ") and sum("#" in line for line in lines) >= 4, f"{path.name} explains itself"


def test_the_summary_names_the_pack_whatever_the_error_and_the_folder_only_without_an_id(
        run_cli: RunCli, tmp_path: Path) -> None:
    pack = tmp_path / "mijn-map"
    pack.mkdir()
    (pack / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (pack / "training.yaml").write_text(TRAINING_YAML.replace("title: Sessie", "title: Sessie: een"), encoding="utf-8")
    assert run_cli("check", str(pack)).output.splitlines()[-1].startswith("proef: FAILED (1 errors")
    (pack / "training.yaml").write_text(TRAINING_YAML.replace("duration: 60", "duration: 90"), encoding="utf-8")
    assert run_cli("check", str(pack)).output.splitlines()[-1].startswith("proef: FAILED (1 errors")
    (pack / "pack.yaml").write_text(PACK_YAML.replace("id: proef\n", ""), encoding="utf-8")
    lines = run_cli("check", str(pack)).output.splitlines()
    assert any("error FIELD001: required field 'id' is missing" in line for line in lines)
    assert any("error TIME001" in line for line in lines), "the training is still checked"
    assert lines[-1].split(": FAILED (2 errors")[0].endswith("mijn-map"), "no id: the folder names it"


def test_an_empty_pack_yaml_is_reported_and_the_other_files_still_checked(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text("", encoding="utf-8")
    (tmp_path / "training.yaml").write_text(TRAINING_YAML.replace("duration: 60", "duration: 90"), encoding="utf-8")
    result = run_cli("check", str(tmp_path))
    assert "pack.yaml: error FIELD001: required field 'id' is missing (id)" in result.output
    assert "error TIME001: session 's1' states 90 min" in result.output
    assert result.exit_code == 1

"""The CLI as an author and a trainer use it: list, export, build, scaffold, schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from tests.support import FULL_PACK, RunCli, run_draaiboek


def test_packs_json_lists_bundled_packs(run_cli: RunCli) -> None:
    rows = json.loads(run_cli("packs", "--json").stdout)
    ids = [row["id"] for row in rows]
    assert {"het-gesprek", "lvb-coaching", "naasten", "vgz-ggz"} <= set(ids)
    assert ids == sorted(ids)
    assert all(row["plugin"] and row["language"] == "nl" for row in rows if row["id"] != "voorbeeld")


def test_export_refuses_to_overwrite_without_force(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "h.md"
    out.write_text("keep me", encoding="utf-8")
    refused = run_cli("export", "handbook", str(FULL_PACK), "-o", str(out))
    assert refused.exit_code == 1 and "exists; use --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run_cli("export", "handbook", str(FULL_PACK), "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Talking with clients")


def test_export_unknown_ref_and_bad_start_are_one_line_errors(run_cli: RunCli, tmp_path: Path) -> None:
    missing = run_cli("export", "handbook", "no-such-pack", "-o", str(tmp_path / "x.md"))
    assert missing.exit_code == 1
    assert missing.stderr.count("\n") == 1 and "no pack or folder 'no-such-pack'; installed packs:" in missing.stderr
    bad = run_cli("show", str(FULL_PACK), "--start", "25:99")
    assert bad.exit_code == 1 and "invalid start time '25:99': use HH:MM" in bad.stderr


def test_build_runs_every_exporter_for_the_named_pack(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("build", str(FULL_PACK), "-o", str(tmp_path), "--exporter", "handbook")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "full" / "talking-handbook.md").is_file()
    again = run_cli("build", str(FULL_PACK), "-o", str(tmp_path), "--exporter", "handbook")
    assert again.exit_code == 1 and "use --force" in again.stderr


def test_new_scaffolds_a_pack_that_passes_check(tmp_path: Path) -> None:
    created = run_draaiboek(["new", "mijn-training", "--dir", str(tmp_path)])
    assert created.returncode == 0, created.stderr
    root = tmp_path / "draaiboek-pack-mijn-training"
    assert (root / "pyproject.toml").read_text().count('mijn-training = "draaiboek_pack_mijn_training"') == 1
    checked = run_draaiboek(["check", str(root / "draaiboek_pack_mijn_training" / "pack")])
    assert checked.returncode == 0 and "mijn-training: ok (0 errors, 0 warnings" in checked.stdout
    assert run_draaiboek(["new", "Bad Name", "--dir", str(tmp_path)]).returncode == 1


def test_schema_validates_real_pack_files_and_rejects_typos(run_cli: RunCli) -> None:
    schema = json.loads(run_cli("schema").stdout)
    for path in sorted(FULL_PACK.glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    typo = {"trainings": [{"id": "t", "titel": "x", "audience": {"participants": "p"}, "sessions": []}]}
    try:
        jsonschema.validate(typo, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("the schema accepted an unknown field")


def test_help_works_for_every_command() -> None:
    for command in (["--help"], ["check", "--help"], ["export", "--help"], ["export", "handbook", "--help"],
                    ["build", "--help"], ["new", "--help"], ["schema", "--help"], ["show", "--help"]):
        result = run_draaiboek(command)
        assert result.returncode == 0 and "Usage:" in result.stdout, command

"""Bad input never hurts: huge files, links out of the pack, arbitrary YAML. One line, no traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draaiboek.api import load_pack
from draaiboek.errors import PackError
from draaiboek.loader import load_folder
from tests.support import BROKEN, run_draaiboek

BASE = BROKEN / "uncovered-outcome"


def copy_base(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(BASE, pack, ignore=shutil.ignore_patterns("expected.txt"))
    return pack


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    pack = copy_base(tmp_path)
    with (pack / "huge.yaml").open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    result = run_draaiboek(["check", str(pack)])
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # The path exactly as typed: absolute stays absolute...
    assert lines[0].startswith(f"{pack / 'huge.yaml'}: error YAML007: file is 50 MB"), lines
    assert "Traceback" not in result.stderr
    # ...and relative stays relative, never rewritten against the working folder.
    relative = run_draaiboek(["check", "pack"], cwd=tmp_path)
    assert relative.stdout.splitlines()[0].startswith("pack/huge.yaml: error YAML007: "), relative.stdout


def test_yaml_file_linking_outside_the_pack_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text("work_formats: []\n", encoding="utf-8")
    pack = copy_base(tmp_path)
    os.symlink(outside, pack / "link.yaml")
    result = run_draaiboek(["check", str(pack)])
    assert result.returncode == 1
    assert "link.yaml: error FILE002: file links to a place outside the pack" in result.stdout


def test_handout_file_linking_outside_the_pack_is_refused(tmp_path: Path) -> None:
    pack = copy_base(tmp_path)
    (pack / "bestanden").mkdir()
    os.symlink("/etc/hostname", pack / "bestanden" / "tips.pdf")
    training = (pack / "training.yaml").read_text(encoding="utf-8")
    handout = "    handouts:\n      - {id: h1, title: Tips, file: bestanden/tips.pdf}\n"
    training = training.replace("    sessions:\n", handout + "    sessions:\n", 1)
    (pack / "training.yaml").write_text(training, encoding="utf-8")
    result = run_draaiboek(["check", str(pack)])
    assert "error FILE004: file 'bestanden/tips.pdf' links to a place outside the pack" in result.stdout


def test_check_never_changes_the_input_files() -> None:
    before = {p: p.read_bytes() for p in BROKEN.rglob("*") if p.is_file()}
    run_draaiboek(["check", *sorted(str(p) for p in BROKEN.iterdir() if p.is_dir())])
    assert {p: p.read_bytes() for p in BROKEN.rglob("*") if p.is_file()} == before


# --- property: whatever YAML an author writes, loading gives a model or our own error ----------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
                    st.text(max_size=20))
keys = st.sampled_from(["id", "title", "trainings", "sessions", "agenda", "minutes", "duration", "language",
                        "version", "authors", "licence", "work_formats", "steps", "kind", "audience",
                        "participants", "meters", "scale", "points", "x"])
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(keys, inner, max_size=6)), max_leaves=25)
HEADER = {"id": "p", "title": "T", "language": "nl", "version": "1", "authors": ["a"], "licence": "x"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pack_doc=documents, other=documents, raw=st.binary(max_size=200))
def test_any_yaml_loads_or_raises_our_error(tmp_path: Path, pack_doc: object, other: object, raw: bytes) -> None:
    folder = tmp_path / "p"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    document = {**HEADER, **pack_doc} if isinstance(pack_doc, dict) else pack_doc
    (folder / "pack.yaml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    (folder / "more.yaml").write_text(yaml.safe_dump(other, allow_unicode=True), encoding="utf-8")
    (folder / "raw.yaml").write_bytes(raw)
    result = load_folder(folder)
    assert (result.pack is None) == any(d.is_error for d in result.diagnostics)
    assert all("\n" not in d.format() for d in result.diagnostics)
    try:
        load_pack(folder)
    except PackError as exc:
        assert "\n" not in str(exc)


def test_synthetic_packs_are_valid_at_any_size(tmp_path: Path) -> None:
    """The benchmark's generator makes packs that check clean, so the benchmark measures real work."""
    from tests.synth import write_pack

    folder = write_pack(tmp_path / "synth", trainings=3, sessions=4, items=5)
    result = run_draaiboek(["check", str(folder)])
    assert result.returncode == 0, result.stdout
    assert "synth: ok (0 errors, 0 warnings" in result.stdout

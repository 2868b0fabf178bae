"""The Moodle competency framework CSV, read back by the rules of Moodle's importer (tool_lpimportcsv):
exact header, 14 columns a row, one framework row with the scale, parents known, id numbers unique, names cut
at 100 characters, descriptions in HTML."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import attrs
import pytest

from draaiboek.api import open_training
from draaiboek.errors import ExportNotApplicable
from draaiboek.exporters import ExportJob
from draaiboek.model import ScalePoint, Training, TrainingAudience
from draaiboek.refs import Resolver
from draaiboek.views import TrainingView
from draaiboek_spreadsheets.exporters import export_moodle
from draaiboek_spreadsheets.moodle import framework_csv, shorten
from tests.support import run_draaiboek

#: The header as Moodle writes and expects it (admin/tool/lpimportcsv/tests/fixtures/example.csv).
MOODLE_HEADER = [
    "Parent id number", "Id number", "Shortname", "Description", "Description format", "Scale values",
    "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
    "Cross referenced competency id numbers", "Exported id (optional)", "Is framework", "Taxonomy",
]


def read_framework(path: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Read the file as the importer does; fail on anything it would refuse or silently change."""
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark before the header"
    rows = list(csv.reader(raw.decode("utf-8").splitlines(keepends=True)))
    assert rows[0] == MOODLE_HEADER
    assert {len(r) for r in rows} == {14}, "every row has the 14 columns"
    records = [dict(zip(MOODLE_HEADER, r, strict=True)) for r in rows[1:]]
    frameworks = [r for r in records if r["Is framework"]]
    assert len(frameworks) == 1, "exactly one framework row"
    competencies = [r for r in records if not r["Is framework"]]
    ids = [r["Id number"] for r in records]
    assert len(ids) == len(set(ids)) and all(ids), "id numbers are unique and present"
    known = {r["Id number"] for r in competencies}
    for r in records:
        assert len(r["Id number"]) <= 100 and 0 < len(r["Shortname"]) <= 100, r["Id number"]
        assert r["Description format"] == "1" and r["Description"].startswith("<"), r["Id number"]  # HTML
    for r in competencies:
        assert r["Parent id number"] in known | {""}, f"unknown parent {r['Parent id number']!r}"
        assert r["Rule config (optional)"] == "null"  # as Moodle's own exporter writes "no rule"
    return frameworks[0], competencies


def test_het_gesprek_gives_four_domains_and_twenty_one_statements_on_the_meters_scale(tmp_path: Path) -> None:
    target = tmp_path / "framework.csv"
    done = run_draaiboek(["export", "moodle", "het-gesprek", "-o", str(target)])
    assert done.returncode == 0, done.stderr
    framework, competencies = read_framework(target)
    top = [c for c in competencies if not c["Parent id number"]]
    children = [c for c in competencies if c["Parent id number"]]
    pack, training, resolver = open_training("het-gesprek")
    meter = TrainingView(pack, training, resolver).meters[0]
    assert len(top) == 4 and [c["Shortname"] for c in top] == [d.title for d in meter.domains]
    assert len(children) == 21
    assert {c["Parent id number"] for c in children} == {c["Id number"] for c in top}
    first = meter.statements[0]
    assert children[0]["Shortname"] == shorten(f"{first.id} {first.text}")  # the handbook's number, then the text
    assert framework["Scale values"] == ",".join(p.label for p in meter.scale.points)
    assert len(meter.scale.points) == 5 and meter.scale.low == 1
    config = json.loads(framework["Scale configuration"])
    assert "scaleid" in config[0]
    points = config[1:]
    assert [p["id"] for p in points] == [1, 2, 3, 4, 5]
    assert [p["proficient"] for p in points] == [0, 0, 0, 1, 1]
    [default] = [p for p in points if p["scaledefault"]]
    assert default["proficient"] == 1  # Moodle gives the default when a rule completes a competency
    assert framework["Taxonomy"] == "domain,competency"


def test_every_bundled_meter_reads_back_with_its_scale_and_roles(tmp_path: Path) -> None:
    for ref in ("lvb-coaching", "naasten", "vgz-ggz"):
        target = tmp_path / f"{ref}.csv"
        done = run_draaiboek(["export", "moodle", ref, "-o", str(target)])
        assert done.returncode == 0, done.stderr
        framework, competencies = read_framework(target)
        pack, training, resolver = open_training(ref)
        meter = TrainingView(pack, training, resolver).meters[0]
        labels = framework["Scale values"].split(",")
        assert labels == [p.label.replace(",", ";") for p in sorted(meter.scale.points, key=lambda p: p.value)]
        assert len(labels) == len(json.loads(framework["Scale configuration"])) - 1, ref
        assert len([c for c in competencies if c["Parent id number"]]) == len(meter.statements), ref
        if ref == "lvb-coaching":
            h3 = next(c for c in competencies if c["Shortname"].startswith("h3 "))
            assert "<em>Alleen voor: huisarts, POH-GGZ</em>" in h3["Description"]


def test_a_comma_in_a_scale_label_stays_one_item(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scale = attrs.evolve(pack.meters[0].scale, points=[ScalePoint(1, "nog niet"), ScalePoint(2, "soms, met hulp"),
                                                        ScalePoint(3, "meestal"), ScalePoint(4, "altijd")])
    path = tmp_path / "fw.csv"
    path.write_text(framework_csv(pack, attrs.evolve(pack.meters[0], scale=scale), "{roles}"), encoding="utf-8")
    framework, _ = read_framework(path)
    assert framework["Scale values"].split(",") == ["nog niet", "soms; met hulp", "meestal", "altijd"]
    config = json.loads(framework["Scale configuration"])[1:]
    assert [(p["proficient"], p["scaledefault"]) for p in config] == [(0, 0), (0, 0), (1, 1), (1, 0)]


def test_long_names_are_cut_at_a_word() -> None:
    text = "woord " * 30
    cut = shorten(text)
    assert len(cut) <= 100 and cut.endswith("woord…")
    assert shorten("kort") == "kort"


def test_markdown_becomes_html_and_raw_html_is_escaped(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    meter = attrs.evolve(pack.meters[0], instructions="Lees **goed**.\n\n<script>alert(1)</script>\n\n"
                                                      "1. een\n2. [twee](https://example.org/?a=1&b=2)\n\n- los")
    path = tmp_path / "fw.csv"
    path.write_text(framework_csv(pack, meter, "Alleen voor: {roles}"), encoding="utf-8")
    framework, competencies = read_framework(path)
    assert "<strong>goed</strong>" in framework["Description"]
    assert "<script>" not in framework["Description"] and "&lt;script&gt;" in framework["Description"]
    assert framework["Description"].endswith(
        '<ol><li>een</li><li><a href="https://example.org/?a=1&amp;b=2">twee</a></li></ol><ul><li>los</li></ul>')
    assert len(competencies) == len(meter.statements) + len({s.domain for s in meter.statements})


def test_training_without_a_meter_is_not_applicable(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bare = Training("kaal", "Kaal", TrainingAudience("iedereen"), [], instruments=["geen"])
    with pytest.raises(ExportNotApplicable, match="no competence meter"):
        export_moodle(ExportJob(pack, bare, Resolver(pack), tmp_path / "f.csv"))
    assert not list(tmp_path.iterdir())


def test_build_writes_the_framework_for_every_training_with_a_meter(tmp_path: Path) -> None:
    done = run_draaiboek(["build", "het-gesprek", "lvb-coaching", "--exporter", "moodle", "-o", str(tmp_path)])
    assert done.returncode == 0, done.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.csv"))
    assert len(written) == 2, written
    for path in tmp_path.rglob("*.csv"):
        read_framework(path)

"""The start-up entry point reader finds what importlib.metadata finds (issue 20.3): the same entry points, in the
same order, from the same distributions, in this environment and in made-up ones on sys.path."""

from __future__ import annotations

import importlib.metadata
import sys
import zipfile
from pathlib import Path

import pytest

from draaiboek import entrypoints
from draaiboek.entrypoints import EntryPoint
from draaiboek.plugins import ENTRY_POINT_GROUP, describe_distribution, get_plugin_manager

Row = tuple[str, str, str, str | None, str | None]


def fast(group: str = ENTRY_POINT_GROUP) -> list[Row]:
    """The reader's own path (no fallback to importlib.metadata allowed)."""
    return [(ep.group, ep.name, ep.value, ep.distribution, ep.version()) for ep in entrypoints._read_path(group)]


def reference(group: str = ENTRY_POINT_GROUP) -> list[Row]:
    importlib.invalidate_caches()  # importlib.metadata caches folder listings by mtime
    return [(ep.group, ep.name, ep.value, ep.dist.name if ep.dist else None, ep.dist.version if ep.dist else None)
            for ep in importlib.metadata.entry_points(group=group)]


def distribution(site: Path, folder: str, metadata: str, entry_points: str | None) -> Path:
    info = site / folder
    info.mkdir(parents=True)
    (info / ("PKG-INFO" if folder.endswith(".egg-info") else "METADATA")).write_text(metadata, encoding="utf-8")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    return info


def test_this_environment_reads_the_same_as_importlib_metadata() -> None:
    found = fast()
    assert found == reference()
    names = {name: dist for _, name, _, dist, _ in found}
    # the built-in plugins and packs, and the two example distributions installed next to them
    assert names["slides"] == names["naasten"] == "draaiboek"
    assert names["voorbeeld"] == "draaiboek-pack-voorbeeld" and names["csv-runbook"] == "draaiboek-exporter-csv"
    # nothing on this sys.path needs the fallback, so a plain start never imports importlib.metadata
    assert [(ep.name, ep.origin) for ep in entrypoints.entry_points(ENTRY_POINT_GROUP)] == \
           [(name, None) for _, name, *_ in found]


def test_descriptions_and_loaded_objects_match_importlib_metadata() -> None:
    ours = {ep.name: ep for ep in entrypoints.entry_points(ENTRY_POINT_GROUP)}
    theirs = {ep.name: EntryPoint.of(ep) for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}
    assert {n: describe_distribution(ep) for n, ep in ours.items()} == \
           {n: describe_distribution(ep) for n, ep in theirs.items()}
    assert all(ours[name].load() is theirs[name].load() for name in ours)


ENTRY_POINTS_TXT = """\
# a comment before any section, and a pair that belongs to no section
stray = ignored_module

[console_scripts]
tool = other:main

[draaiboek]
  # indented comment
plain = fake_plain
  spaced   =   fake_spaced : thing.attr   [extra1, extra2]
dotted=fake_pkg.sub:obj

[draaiboek.other]
not-ours = fake_not_ours
"""


def test_sections_comments_extras_and_egg_info_read_as_importlib_reads_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    distribution(site, "Fancy.Name-2.0.dist-info", "Metadata-Version: 2.1\nName: Fancy.Name\nVersion: 2.0\n",
                 ENTRY_POINTS_TXT)
    distribution(site, "old_style.egg-info", "Metadata-Version: 1.0\nName: old-style\nVersion: 0.9b1\n",
                 "[draaiboek]\nold = old_module\n")
    distribution(site, "no_entry_points-1.0.dist-info", "Name: no-entry-points\nVersion: 1.0\n", None)
    distribution(site, "folded-1.0.dist-info", "Name: folded\nSummary: a summary\n  on two lines\nVersion: 1.0\n",
                 "[draaiboek]\nfolded = folded_module\n")
    monkeypatch.syspath_prepend(str(site))
    found = fast()
    assert found == reference()
    # the order between distributions is the folder's listing order (held by the comparison above)
    assert sorted(row for row in found if row[3] in ("Fancy.Name", "old-style", "folded")) == sorted([
        ("draaiboek", "plain", "fake_plain", "Fancy.Name", "2.0"),
        ("draaiboek", "spaced", "fake_spaced : thing.attr   [extra1, extra2]", "Fancy.Name", "2.0"),
        ("draaiboek", "dotted", "fake_pkg.sub:obj", "Fancy.Name", "2.0"),
        ("draaiboek", "folded", "folded_module", "folded", "1.0"),
        ("draaiboek", "old", "old_module", "old-style", "0.9b1"),
    ])
    fancy = [row[1] for row in found if row[3] == "Fancy.Name"]
    assert fancy == ["plain", "spaced", "dotted"]  # within a file, in file order


def test_the_first_distribution_of_a_name_on_sys_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    distribution(first, "shadow_pack-2.0.dist-info", "Name: shadow-pack\nVersion: 2.0\n",
                 "[draaiboek]\nshadow = shadow_new\n")
    distribution(second, "Shadow.Pack-1.0.dist-info", "Name: Shadow.Pack\nVersion: 1.0\n",
                 "[draaiboek]\nshadow = shadow_old\nonly-old = shadow_old\n")
    monkeypatch.syspath_prepend(str(second))
    monkeypatch.syspath_prepend(str(first))
    found = fast()
    assert found == reference()
    assert [row for row in found if row[1] in ("shadow", "only-old")] == [
        ("draaiboek", "shadow", "shadow_new", "shadow-pack", "2.0")]


def test_a_loaded_value_with_attributes_is_the_object_it_names(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    (site / "fake_target").mkdir(parents=True)
    (site / "fake_target" / "__init__.py").write_text("class Outer:\n    class Inner:\n        pass\n",
                                                      encoding="utf-8")
    distribution(site, "fake_target-1.0.dist-info", "Name: fake-target\nVersion: 1.0\n",
                 "[draaiboek]\ntarget = fake_target : Outer.Inner [extra]\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, "fake_target", raising=False)
    ours = next(ep for ep in entrypoints.entry_points(ENTRY_POINT_GROUP) if ep.name == "target")
    theirs = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)["target"]
    assert ours.origin is None and ours.load() is theirs.load() is sys.modules["fake_target"].Outer.Inner


def test_a_zip_on_sys_path_is_read_through_importlib_metadata(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("zipped_pack-1.0.dist-info/METADATA", "Name: zipped-pack\nVersion: 1.0\n")
        zf.writestr("zipped_pack-1.0.dist-info/entry_points.txt", "[draaiboek]\nzipped = zipped_pack\n")
    monkeypatch.syspath_prepend(str(archive))
    with pytest.raises(entrypoints.Unusual):
        entrypoints._read_path(ENTRY_POINT_GROUP)
    found = [(ep.group, ep.name, ep.value, ep.distribution, ep.version())
             for ep in entrypoints.entry_points(ENTRY_POINT_GROUP)]
    assert found == reference()
    assert ("draaiboek", "zipped", "zipped_pack", "zipped-pack", "1.0") in found


def test_a_line_importlib_cannot_read_fails_as_importlib_fails(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    distribution(site, "broken-1.0.dist-info", "Name: broken\nVersion: 1.0\n", "[draaiboek]\nno equals sign\n")
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(Exception) as theirs:
        reference()
    with pytest.raises(type(theirs.value)) as ours:
        entrypoints.entry_points(ENTRY_POINT_GROUP)
    assert str(ours.value) == str(theirs.value)


def test_a_third_party_duplicate_of_a_built_in_is_named_with_its_distribution_by_the_fast_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19.6 through the start-up reader itself: the built-in wins, whichever comes first on sys.path."""
    site = tmp_path / "site"
    distribution(site, "aaa_evil-6.6.6.dist-info", "Name: aaa-evil\nVersion: 6.6.6\n",
                 "[draaiboek]\nslides = aaa_evil_slides\n")
    monkeypatch.syspath_prepend(str(site))
    host = get_plugin_manager()
    assert [p.format() for p in host.problems] == [
        "plugin 'slides' (from aaa-evil 6.6.6): another plugin already uses this name; left out"]
    assert host.distribution("slides") == describe_distribution(
        EntryPoint.of(next(ep for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
                           if ep.name == "slides" and ep.dist is not None and ep.dist.name == "draaiboek")))
    assert "aaa_evil_slides" not in sys.modules

"""Organisation settings in texts: `{setting}` placeholders filled per delivery, or left visible and marked."""

from __future__ import annotations

import shutil
from pathlib import Path

from pptx import Presentation

from tests.support import FULL_PACK, RunCli


def pack_with_placeholders(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(FULL_PACK, folder)
    training = folder / "training.yaml"
    text = training.read_text(encoding="utf-8")
    assert "description: Agree on the local details." in text
    training.write_text(text.replace("description: Agree on the local details.",
                                     "description: Agree on the local details; refer through {route} and ask "
                                     "{contact}, not {unknown}."), encoding="utf-8")
    return folder


def test_placeholders_are_filled_from_the_settings_file(run_cli: RunCli, tmp_path: Path) -> None:
    folder = pack_with_placeholders(tmp_path)
    assert run_cli("check", str(folder)).exit_code == 0
    settings = tmp_path / "huisstijl.yaml"
    settings.write_text("route: het wijkteam\ncontact: 'Els de Vries, 06-12345678'\n", encoding="utf-8")
    out = tmp_path / "hb.md"
    assert run_cli("export", "handbook", str(folder), "-o", str(out), "--settings", str(settings)).exit_code == 0
    handbook = out.read_text(encoding="utf-8")
    assert "refer through het wijkteam and ask Els de Vries, 06-12345678, not {unknown}." in handbook
    assert "Thank you for {topic}." in handbook, "a message template's own fields are not settings"


def test_unset_settings_stay_visible_and_marked_in_every_exporter(run_cli: RunCli, tmp_path: Path) -> None:
    folder = pack_with_placeholders(tmp_path)
    settings = tmp_path / "deels.yaml"
    settings.write_text("route: het wijkteam\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", str(folder), "-o", str(out), "--exporter", "handbook", "--settings", str(settings))
    assert result.exit_code == 0, result.output
    [handbook] = list(out.rglob("*.md"))
    text = handbook.read_text(encoding="utf-8")
    assert "refer through het wijkteam and ask [to fill in: Contact person], not {unknown}." in text
    assert "{route}" not in text


def test_a_bad_settings_file_is_one_line_naming_it(run_cli: RunCli, tmp_path: Path) -> None:
    folder = pack_with_placeholders(tmp_path)
    settings = tmp_path / "fout.yaml"
    settings.write_text("route:\n  - a\n  - b\n", encoding="utf-8")
    result = run_cli("export", "handbook", str(folder), "-o", str(tmp_path / "hb.md"), "--settings", str(settings))
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert f"{settings}:2: setting 'route' needs one value, not a list or mapping" in result.stderr
    assert not (tmp_path / "hb.md").exists()


def test_the_pack_itself_is_never_changed(run_cli: RunCli, tmp_path: Path) -> None:
    folder = pack_with_placeholders(tmp_path)
    before = {p: p.read_bytes() for p in folder.rglob("*.yaml")}
    settings = tmp_path / "s.yaml"
    settings.write_text("route: het wijkteam\n", encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    assert run_cli("export", "slides", str(folder), "-o", str(deck), "--settings", str(settings)).exit_code == 0
    notes = " ".join(s.notes_slide.notes_text_frame.text for s in Presentation(str(deck)).slides if s.has_notes_slide)
    assert "{route}" not in notes
    assert {p: p.read_bytes() for p in folder.rglob("*.yaml")} == before

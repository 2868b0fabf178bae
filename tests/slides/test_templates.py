"""Organisation templates: the pandoc fixture templates, a .potx, `template check`, sample slides removed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from deckcheck import check_deck, read_deck
from draaiboek.api import open_training
from pptx import Presentation

from tests.support import FULL_PACK, RunCli

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "templates"
TEMPLATES = sorted(FIXTURES.glob("*.pptx"))
UNUSABLE = {"reference-deleted-layouts.pptx"}  # only a title layout: no layout for content slides


def test_fixture_templates_are_present() -> None:
    assert len(TEMPLATES) == 7, FIXTURES


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_every_fixture_template_gives_a_deck_or_names_what_is_missing(template: Path, run_cli: RunCli,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    result = run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--template", str(template))
    if template.name in UNUSABLE:
        assert result.exit_code != 0
        message = result.output.strip().splitlines()
        assert len(message) == 1 and "no layout for content slides" in message[0], result.output
        assert "'Title Slide'" in message[0] and not out.exists()
        return
    assert result.exit_code == 0, result.output
    pack, training, resolver = open_training(str(FULL_PACK))
    slides = check_deck(out, pack, training, training.sessions, resolver)
    template_titles = {s.shapes.title.text_frame.text for s in Presentation(str(template)).slides if s.shapes.title}
    assert not template_titles & {s.title for s in slides} - {""}, "a template slide was carried over"
    layouts = {s.layout for s in slides}
    assert {"Title Slide", "Title and Content", "Section Header"} <= layouts


def test_sample_slides_are_gone_and_package_is_clean(run_cli: RunCli, tmp_path: Path) -> None:
    template = FIXTURES / "layouts-moved.pptx"
    assert len(Presentation(str(template)).slides) == 7
    out = tmp_path / "deck.pptx"
    assert run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--template", str(template)).exit_code == 0
    deck = Presentation(str(out))
    with zipfile.ZipFile(out) as archive:
        slide_parts = [n for n in archive.namelist() if n.startswith("ppt/slides/slide")]
        rels = archive.read("ppt/_rels/presentation.xml.rels").decode()
    assert len(slide_parts) == len(deck.slides) == len(read_deck(out))
    assert rels.count("relationships/slide\"") == len(deck.slides)


def potx_from(pptx: Path, target: Path) -> Path:
    """The same template saved as a .potx (PowerPoint template content type)."""
    with zipfile.ZipFile(pptx) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    target.write_bytes(buffer.getvalue())
    return target


def test_potx_template(run_cli: RunCli, tmp_path: Path) -> None:
    potx = potx_from(FIXTURES / "reference-depth.pptx", tmp_path / "huisstijl.potx")
    with pytest.raises(ValueError):
        Presentation(str(potx))  # python-pptx itself refuses it
    out = tmp_path / "deck.pptx"
    result = run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--template", str(potx))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        assert b"presentation.main+xml" in archive.read("[Content_Types].xml")
    assert len(Presentation(str(out)).slides) > 5


def test_template_check_table(run_cli: RunCli) -> None:
    result = run_cli("template", "check", str(FIXTURES / "layouts-moved.pptx"))
    assert result.exit_code == 0, result.output
    rows = {line.split("  ")[0]: " ".join(line.split()) for line in result.output.splitlines()[2:8]}
    assert rows["title"] == "title Title Slide type title"
    assert rows["section"] == "section Section Header type secHead"
    assert rows["content"] == "content Title and Content type obj"
    assert rows["two columns"] == "two columns Two Content type twoObj"
    assert rows["closing"].startswith("closing Title and Content fallback")
    assert rows["notes"].startswith("notes notes master")
    assert "usable for slide decks" in result.output


def test_template_check_names_what_is_missing(run_cli: RunCli) -> None:
    result = run_cli("template", "check", str(FIXTURES / "reference-deleted-layouts.pptx"))
    assert result.exit_code != 0
    assert " ".join(next(line for line in result.output.splitlines() if line.startswith("content")).split()) \
        == "content MISSING required"
    assert "two columns  MISSING" in result.output
    assert result.output.strip().splitlines()[-1].startswith("Error: template")


def test_dutch_layout_names_are_found_without_types(tmp_path: Path, run_cli: RunCli) -> None:
    """A Dutch template whose layouts lost their type attribute: found by name."""
    template = tmp_path / "nl.pptx"
    prs = Presentation(str(FIXTURES / "reference-no-slides.pptx"))
    names = {"title": "Titeldia", "obj": "Titel en object", "secHead": "Sectiekop", "twoObj": "Twee objecten",
             "objTx": "Afsluiting"}
    for layout in prs.slide_layouts:
        kind = layout._element.get("type")
        if kind in names:
            layout.name = names[kind]
        layout._element.attrib.pop("type", None)
    prs.save(str(template))
    result = run_cli("template", "check", str(template))
    assert result.exit_code == 0, result.output
    for role, name in (("title", "Titeldia"), ("content", "Titel en object"), ("section", "Sectiekop"),
                       ("two columns", "Twee objecten"), ("closing", "Afsluiting")):
        row = next(line for line in result.output.splitlines() if line.startswith(role))
        assert " ".join(row.split()) == f"{role} {name} name '{name}'", result.output


def test_not_a_template_is_a_one_line_error(tmp_path: Path, run_cli: RunCli) -> None:
    bad = tmp_path / "huisstijl.pptx"
    bad.write_text("geen powerpoint")
    result = run_cli("export", "slides", str(FULL_PACK), "-o", str(tmp_path / "x.pptx"), "--template", str(bad))
    assert result.exit_code != 0 and "is not a .pptx or .potx file" in result.output
    assert len(result.output.strip().splitlines()) == 1
    result = run_cli("template", "check", str(tmp_path / "missing.pptx"))
    assert result.exit_code != 0 and "cannot read template" in result.output


def test_notes_master_without_body_gets_notes_in_a_text_box(tmp_path: Path, run_cli: RunCli) -> None:
    from draaiboek_slides.render import default_template

    template = tmp_path / "no-notes-body.pptx"
    prs = Presentation(str(default_template()))
    for placeholder in list(prs.notes_master.placeholders):
        if int(placeholder.placeholder_format.type) == 2:  # body
            placeholder._element.getparent().remove(placeholder._element)
    prs.save(str(template))
    check = run_cli("template", "check", str(template))
    assert "the notes master has no body placeholder" in check.output
    out = tmp_path / "deck.pptx"
    assert run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--template", str(template)).exit_code == 0
    for slide in Presentation(str(out)).slides:
        texts = [s.text_frame.text for s in slide.notes_slide.shapes if s.has_text_frame]
        assert any(text.strip() for text in texts)

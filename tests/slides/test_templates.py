"""Organisation templates: the test templates (built in tests/slides/templates.py), a .potx, `template check`,
sample slides removed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject
from pptx.shapes.autoshape import Shape

from draaiboek.api import open_training
from tests.slides.templates import BUILDERS, FOOTER_TEXT, SAMPLE_TITLES, UNUSABLE
from tests.support import FULL_PACK, RunCli

from deckcheck import check_deck, read_deck


def test_the_builders_make_what_they_promise(templates: dict[str, Path]) -> None:
    """The templates stay hard: if a builder stopped doing its one thing, the tests below would prove nothing."""
    def names(key: str) -> list[str]:
        return [layout.name for layout in Presentation(str(templates[key])).slide_layouts]

    def prs(key: str) -> PresentationObject:
        return Presentation(str(templates[key]))

    assert names("only-title") == ["Title Slide"]
    assert "Title Only" not in names("layouts-deleted") and len(names("layouts-deleted")) == 7
    assert names("layouts-moved")[:2] == ["Comparison", "Title Only"] and len(prs("layouts-moved").slides) == 7
    assert names("dutch")[:5] == ["Afsluiting", "Twee objecten", "Titel en object", "Sectiekop", "Titeldia"]
    assert not [layout for layout in prs("dutch").slide_layouts if layout._element.get("type")]
    assert [s.shapes.title.text_frame.text for s in prs("decoy").slides] == [SAMPLE_TITLES[0]]
    footers = prs("footers")
    assert all(FOOTER_TEXT in [shape.text_frame.text for shape in layout.shapes if isinstance(shape, Shape)]
               for layout in footers.slide_layouts)
    title_style = prs("large-titles").slide_master._element.find(
        f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    assert title_style.get("sz") == "5400"
    assert not [ph for layout in prs("no-idx").slide_layouts for ph in layout._element.iter(qn("p:ph"))
                if ph.get("idx") is not None]
    assert (prs("no-slides").slide_width, len(prs("no-slides").slides)) == (9144000, 0)


@pytest.mark.parametrize("name", list(BUILDERS))
def test_every_test_template_gives_a_deck_or_names_what_is_missing(name: str, templates: dict[str, Path],
                                                                   run_cli: RunCli, tmp_path: Path) -> None:
    template = templates[name]
    out = tmp_path / "deck.pptx"
    check = run_cli("template", "check", str(template))
    result = run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--template", str(template))
    if name in UNUSABLE:
        assert result.exit_code != 0 and check.exit_code != 0, "template check and export must agree"
        message = result.output.strip().splitlines()
        assert len(message) == 1 and "no layout for content slides" in message[0], result.output
        assert "'Title Slide'" in message[0] and not out.exists()
        return
    assert check.exit_code == 0, check.output
    assert result.exit_code == 0, f"template check calls it usable, but export says: {result.output}"
    pack, training, resolver = open_training(str(FULL_PACK))
    slides = check_deck(out, pack, training, training.sessions, resolver)
    text = "\n".join(s.text + "\n" + s.notes for s in slides)
    assert not [t for t in SAMPLE_TITLES if t in text], "a template sample slide was carried over"
    assert "Voorbeeldtekst" not in text and "Sprekersnotitie van het voorbeeld" not in text
    layouts = {s.layout for s in slides}
    if name == "dutch":
        assert {"Titeldia", "Titel en object", "Sectiekop"} <= layouts
    else:
        assert {"Title Slide", "Title and Content", "Section Header"} <= layouts


def test_sample_slides_are_gone_and_package_is_clean(run_cli: RunCli, tmp_path: Path,
                                                     templates: dict[str, Path]) -> None:
    template = templates["layouts-moved"]
    assert len(Presentation(str(template)).slides) == 7
    out = tmp_path / "deck.pptx"
    assert run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--template", str(template)).exit_code == 0
    deck = Presentation(str(out))
    with zipfile.ZipFile(out) as archive:
        slide_parts = [n for n in archive.namelist() if n.startswith("ppt/slides/slide")]
        notes_parts = [n for n in archive.namelist() if n.startswith("ppt/notesSlides/notesSlide")]
        rels = archive.read("ppt/_rels/presentation.xml.rels").decode()
        everything = b"".join(archive.read(n) for n in slide_parts + notes_parts).decode("utf-8")
    assert len(slide_parts) == len(notes_parts) == len(deck.slides) == len(read_deck(out))
    assert rels.count("relationships/slide\"") == len(deck.slides)
    assert "Sprekersnotitie van het voorbeeld" not in everything and SAMPLE_TITLES[1] not in everything


def test_footer_date_and_slide_number_are_kept_and_filled(run_cli: RunCli, tmp_path: Path,
                                                          templates: dict[str, Path]) -> None:
    """The layouts' footer (with the house-style text), date and slide-number boxes reach every slide but the
    title slide, filled: never an empty copy, never a prompt."""
    for date in (None, "2027-05-04"):
        out = tmp_path / f"deck-{date}.pptx"
        extra = ["--date", date] if date else []
        assert run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--template", str(templates["footers"]),
                       *extra).exit_code == 0
        slides = list(Presentation(str(out)).slides)
        assert not {int(ph.placeholder_format.type) for ph in slides[0].placeholders} & {13, 15, 16}
        for number, slide in enumerate(slides[1:], 2):
            found = {int(ph.placeholder_format.type): ph.text_frame.text for ph in slide.placeholders}
            assert found[13] == str(number) and found[15] == FOOTER_TEXT
            assert found.get(16) == ("4 May 2027" if date else None)


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


def test_potx_template(run_cli: RunCli, tmp_path: Path, templates: dict[str, Path]) -> None:
    potx = potx_from(templates["layouts-deleted"], tmp_path / "huisstijl.potx")
    with pytest.raises(ValueError):
        Presentation(str(potx))  # python-pptx itself refuses it
    out = tmp_path / "deck.pptx"
    result = run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--template", str(potx))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        assert b"presentation.main+xml" in archive.read("[Content_Types].xml")
    assert len(Presentation(str(out)).slides) > 5


def test_template_check_table(run_cli: RunCli, templates: dict[str, Path]) -> None:
    result = run_cli("template", "check", str(templates["layouts-moved"]))
    assert result.exit_code == 0, result.output
    rows = {line.split("  ")[0]: " ".join(line.split()) for line in result.output.splitlines()[2:8]}
    assert rows["title"] == "title Title Slide type title"
    assert rows["section"] == "section Section Header type secHead"
    assert rows["content"] == "content Title and Content type obj"
    assert rows["two columns"] == "two columns Two Content type twoObj"
    assert rows["closing"].startswith("closing Title and Content fallback")
    assert rows["notes"].startswith("notes notes master")
    assert "usable for slide decks" in result.output


def test_template_check_names_what_is_missing(run_cli: RunCli, templates: dict[str, Path]) -> None:
    result = run_cli("template", "check", str(templates["only-title"]))
    assert result.exit_code != 0
    assert " ".join(next(line for line in result.output.splitlines() if line.startswith("content")).split()) \
        == "content MISSING required"
    assert "two columns  MISSING" in result.output
    assert result.output.strip().splitlines()[-1].startswith("Error: template")


def test_dutch_layout_names_are_found_without_types(run_cli: RunCli, templates: dict[str, Path]) -> None:
    """A Dutch template whose layouts lost their type attribute and come in another order: found by name."""
    result = run_cli("template", "check", str(templates["dutch"]))
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
            parent = placeholder._element.getparent()
            assert parent is not None
            parent.remove(placeholder._element)
    prs.save(str(template))
    check = run_cli("template", "check", str(template))
    assert "the notes master has no body placeholder" in check.output
    out = tmp_path / "deck.pptx"
    assert run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--template", str(template)).exit_code == 0
    for slide in Presentation(str(out)).slides:
        texts = [s.text_frame.text for s in slide.notes_slide.shapes if s.has_text_frame]
        assert any(text.strip() for text in texts)

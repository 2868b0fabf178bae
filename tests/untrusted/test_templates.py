"""Hostile slide templates from organisations (issue 19: 3, 7, 11, 13, 14, 21, 23): refused in one line naming
the file, or cleaned so that no active content or broken XML reaches the decks."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from draaiboek_slides.render import default_template
from tests.support import RunCli
from tests.untrusted.hostile import draaiboek, one_line_error, read_entry, rewrite_zip, small_pack

MASTER = "ppt/slideMasters/slideMaster1.xml"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
LAYOUT = "ppt/slideLayouts/slideLayout2.xml"  # 'Title and Content'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def template(tmp_path: Path, name: str, change: dict[str, bytes | None]) -> Path:
    return rewrite_zip(default_template(), tmp_path / name, change)


def text(name: str) -> str:
    return read_entry(default_template(), name).decode()


def export(run_cli: RunCli, tmp_path: Path, template_path: Path, out: str = "deck.pptx") -> tuple[int, str]:
    small_pack(tmp_path)
    result = run_cli("export", "slides", "pack", "--template", template_path.name, "-o", out)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_zip_bomb_template_is_refused_before_unpacking(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pptx"
    with zipfile.ZipFile(default_template()) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            out.writestr(name, src.read(name))
        with out.open("ppt/media/image9.png", "w") as stream:
            for _ in range(200):
                stream.write(b"\0" * (1 << 20))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    done, peak = draaiboek("template", "check", "bomb.pptx", cwd=tmp_path)
    one_line_error(done, "template bomb.pptx is too large when unpacked", "the limit is 150 MB")
    assert peak < 150


def test_macro_enabled_template_is_refused(tmp_path: Path, run_cli: RunCli) -> None:
    types = text("[Content_Types].xml").replace(
        "presentationml.presentation.main+xml", "ms-powerpoint.presentation.macroEnabled.main+xml").replace(
        "</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    pptm = template(tmp_path, "huisstijl.pptm", {"[Content_Types].xml": types.encode(),
                                                 "ppt/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})
    result = run_cli("template", "check", pptm.name)
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: template huisstijl.pptm contains macros or ActiveX controls; save it "
                                     "as a .pptx or .potx without macros")
    code, output = export(run_cli, tmp_path, pptm)
    assert code != 0 and "contains macros" in output and not (tmp_path / "deck.pptx").exists()


def test_external_links_in_the_master_are_cut_web_links_stay(tmp_path: Path, run_cli: RunCli) -> None:
    pic = ('<p:pic><p:nvPicPr><p:cNvPr id="{id}" name="Logo {id}"><a:hlinkClick r:id="{link}"/></p:cNvPr>'
           '<p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:link="{image}"/><a:stretch><a:fillRect/>'
           '</a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9000" cy="9000"/></a:xfrm>'
           '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
    master = text(MASTER).replace("</p:spTree>", pic.format(id=901, link="rIdX2", image="rIdX1")
                                  + pic.format(id=902, link="rIdX3", image="rIdX4") + "</p:spTree>")
    rel = '<Relationship Id="{}" Type="{}/{}" Target="{}" TargetMode="External"/>'
    rels = text(MASTER_RELS).replace("</Relationships>", "".join([
        rel.format("rIdX1", REL, "image", "\\\\evil\\share\\logo.png"),
        rel.format("rIdX2", REL, "hyperlink", "smb://evil/share"),
        rel.format("rIdX3", REL, "hyperlink", "https://example.org/huisstijl"),
        rel.format("rIdX4", REL, "image", "http://tracker.example/pixel.png"),
    ]) + "</Relationships>")
    linked = template(tmp_path, "linked.pptx", {MASTER: master.encode(), MASTER_RELS: rels.encode()})
    code, output = export(run_cli, tmp_path, linked)
    assert code == 0, output
    deck = tmp_path / "deck.pptx"
    out_rels = read_entry(deck, MASTER_RELS).decode()
    assert "evil" not in out_rels and "tracker" not in out_rels
    assert 'Target="https://example.org/huisstijl"' in out_rels
    out_master = read_entry(deck, MASTER).decode()
    assert out_master.count("<p:pic>") == 2 and "r:link" not in out_master  # the shapes stay, without the links
    assert out_master.count("<a:hlinkClick") == 2 and out_master.count('<a:hlinkClick r:id="') == 1
    assert len(Presentation(str(deck)).slides) > 1


@pytest.mark.parametrize("attribute, shown", [('type="bogus"', "of type 'bogus', which PowerPoint does not define"),
                                              ('idx="abc"', "with idx 'abc', which is not a number")])
def test_undefined_placeholder_attributes_are_refused_by_check_and_export_alike(tmp_path: Path, run_cli: RunCli,
                                                                                attribute: str, shown: str) -> None:
    layout = text(LAYOUT).replace('<p:ph idx="1"/>', f"<p:ph {attribute}/>")
    odd = template(tmp_path, "odd.pptx", {LAYOUT: layout.encode()})
    expected = (f"Error: template odd.pptx: layout 'Title and Content' has a placeholder {shown}; delete or "
                "recreate it in the slide master view")
    checked = run_cli("template", "check", odd.name)
    assert checked.exit_code == 1 and checked.output.strip() == expected
    code, output = export(run_cli, tmp_path, odd)
    assert code != 0 and output.strip().endswith(expected.removeprefix("Error: "))


def test_doctype_entities_are_dropped_and_every_part_stays_valid_xml(tmp_path: Path, run_cli: RunCli) -> None:
    master = text(MASTER)
    master = master.replace("?>", '?><!DOCTYPE p:sldMaster [<!ENTITY org "Evil Corp">]>', 1)
    master = master.replace("<a:t>Click to edit Master title style", "<a:t>Voor &org; na", 1)
    entity = template(tmp_path, "entity.pptx", {MASTER: master.encode()})
    code, output = export(run_cli, tmp_path, entity)
    assert code == 0, output
    with zipfile.ZipFile(tmp_path / "deck.pptx") as deck:
        for name in deck.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(deck.read(name))  # raises on an undefined entity
        out_master = deck.read(MASTER).decode()
    assert "<a:t>Voor  na</a:t>" in out_master and "DOCTYPE" not in out_master and "Evil" not in out_master


@pytest.mark.parametrize("kind, content_type, shown", [
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "(a Word document)"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "(an Excel workbook)"),
])
def test_other_office_files_are_named_for_what_they_are(tmp_path: Path, run_cli: RunCli, kind: str,
                                                       content_type: str, shown: str) -> None:
    path = tmp_path / f"brief.{kind}"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", f'<Types><Override PartName="/word/document.xml" '
                                                f'ContentType="{content_type}"/></Types>')
        archive.writestr("word/document.xml", "<document/>")
    result = run_cli("template", "check", path.name)
    assert result.output.strip() == (f"Error: template brief.{kind} is not a PowerPoint presentation or template "
                                     f"{shown}; give a .pptx or .potx file")


def test_long_metadata_is_cut_to_what_decks_hold(tmp_path: Path, run_cli: RunCli) -> None:
    pack = small_pack(tmp_path)
    title = "Een training met een heel lange titel " * 8
    authors = ", ".join(f"Auteur nummer {n}" for n in range(40))
    yaml_text = (pack / "pack.yaml").read_text(encoding="utf-8").replace("authors: [test]", f"authors: [{authors}]")
    (pack / "pack.yaml").write_text(yaml_text.replace("title: Broken pack", f"title: {title.strip()}"),
                                    encoding="utf-8")
    training = (pack / "training.yaml").read_text(encoding="utf-8")
    (pack / "training.yaml").write_text(training.replace("    title: Training\n", f"    title: {title.strip()}\n", 1),
                                        encoding="utf-8")
    result = run_cli("export", "slides", "pack", "-o", "deck.pptx")
    assert result.exit_code == 0, result.output
    core = Presentation(str(tmp_path / "deck.pptx")).core_properties
    for value in (core.title, core.subject, core.author):
        assert 240 < len(value) <= 255 and value.endswith("…")
    assert core.title.startswith("Een training met een heel lange titel Een training")
    assert core.author.startswith("Auteur nummer 0, Auteur nummer 1, ")


def test_notes_parts_are_named_once_each(tmp_path: Path, run_cli: RunCli) -> None:
    """Part names come from our own counter now (python-pptx rescanned the package per notes slide)."""
    small_pack(tmp_path)
    assert run_cli("export", "slides", "pack", "-o", "deck.pptx").exit_code == 0
    with zipfile.ZipFile(tmp_path / "deck.pptx") as deck:
        names = deck.namelist()
    slides = sorted(int(n) for n in re.findall(r"ppt/slides/slide(\d+)\.xml", "\n".join(names)))
    notes = sorted(int(n) for n in re.findall(r"ppt/notesSlides/notesSlide(\d+)\.xml", "\n".join(names)))
    assert len(slides) > 3 and notes == slides == list(range(1, len(slides) + 1))
    prs = Presentation(str(tmp_path / "deck.pptx"))
    assert all(slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None for slide in prs.slides)


@pytest.mark.parametrize("part, old, new, shown", [
    (MASTER, '<a:off x="', '<a:off x="abc" y2="', 'the slide master has x="abc"'),
    (MASTER, '<a:ext cx="', '<a:ext cx="-5" cx2="', 'the slide master has cx="-5"'),
    (MASTER, '<a:defRPr sz="', '<a:defRPr sz="-100" sz2="', 'the slide master has sz="-100"'),
    (LAYOUT, "<p:cSld ", '<p:cSld ><p:bg/></p:cSld><p:cSld ', None),  # damaged XML: python-pptx's own error
])
def test_unreadable_numbers_and_xml_in_layouts_are_one_line(tmp_path: Path, run_cli: RunCli, part: str, old: str,
                                                            new: str, shown: str | None) -> None:
    odd = template(tmp_path, "odd.pptx", {part: text(part).replace(old, new, 1).encode()})
    checked = run_cli("template", "check", odd.name)
    assert checked.exit_code == 1 and "Traceback" not in checked.output
    [line] = checked.output.strip().splitlines()
    assert line.startswith("Error: template odd.pptx") and (shown is None or shown in line), line
    code, output = export(run_cli, tmp_path, odd)
    assert code != 0 and len(output.strip().splitlines()) == 1


def test_layout_names_with_escape_sequences_are_shown_harmlessly(tmp_path: Path, run_cli: RunCli) -> None:
    """XML cannot hold ESC, but it can hold the 8-bit CSI (U+009B) that some terminals obey like ESC [."""
    layout = text(LAYOUT).replace('name="Title and Content"', 'name="Inhoud&#155;2J"', 1)
    odd = template(tmp_path, "odd.pptx", {LAYOUT: layout.encode()})
    result = run_cli("template", "check", odd.name)
    assert result.exit_code == 0 and "\x9b" not in result.output
    assert "Inhoud\\x9b2J" in result.output

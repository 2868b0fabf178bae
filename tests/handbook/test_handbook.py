"""The trainer handbook in Markdown and Word: structure, clock times, source references, house style, PDF."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from datetime import time
from pathlib import Path

import attrs
import docx
import pytest
from docx.shared import Cm, RGBColor

from draaiboek.model import Pack, Source, SourceRef
from draaiboek_handbook.basis import reference, short_name
from tests.handbook.books import Handbook, cli
from tests.handbook.docx_text import docx_text, pdf_pages, squash
from tests.support import run_draaiboek, soffice_convert

LINE_RANGE = re.compile(r"\bL\d+(?:\s*[-–]\s*L?\d+)?\b")


def _refs(node: object) -> Iterator[SourceRef]:
    """Every source reference anywhere in a model object."""
    if isinstance(node, SourceRef):
        yield node
    elif attrs.has(type(node)):
        for field in attrs.fields(type(node)):  # type: ignore[arg-type]
            yield from _refs(getattr(node, field.name))
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from _refs(item)


def _shown(ref: SourceRef, pack: Pack) -> str:
    """What a reader should find for a reference: the section without the extraction's line numbers."""
    section = re.sub(r"\(\s*\)", "", LINE_RANGE.sub("", ref.section or ""))
    section = " ".join(section.replace(" ,", ",").split()).strip(" ,;")
    source = next(s for s in pack.sources if s.id == ref.source)
    return section or short_name(source, pack.language)


@pytest.mark.parametrize("ref", ["vgz-ggz", "naasten"])
def test_nine_in_ten_source_references_show_and_no_line_range(handbook: Callable[[str], Handbook], ref: str) -> None:
    book = handbook(ref)
    refs = list(_refs(book.pack))
    assert len(refs) > 100
    markdown, word = squash(book.markdown), squash(docx_text(book.docx))
    for text in (markdown, word):
        shown = [r for r in refs if squash(_shown(r, book.pack)) in text]
        assert len(shown) / len(refs) >= 0.9, [_shown(r, book.pack) for r in refs if r not in shown][:10]
        assert not LINE_RANGE.search(text), LINE_RANGE.search(text)
        assert "Onderbouwing: " in text
    for source in book.pack.sources:  # the full attribution in the sources list; editorial additions named so
        if source.kind == "redactie":
            assert "- **Toevoeging van de redactie**" in book.markdown
        else:
            assert squash(source.attribution or source.title) in markdown


def test_editorial_source_reads_as_editorial_addition(handbook: Callable[[str], Handbook]) -> None:
    pack = handbook("vgz-ggz").pack
    pack = attrs.evolve(pack, sources=[*pack.sources, Source(id="redactie", title="Redactie", kind="redactie")])
    assert reference(SourceRef("redactie", "L12-14"), pack) == "toevoeging van de redactie"
    shown = reference(SourceRef("trimbos-2022", "§3.2 Lacunes (L712-841)"), pack)
    assert shown == "Trimbos-instituut 2022, §3.2 Lacunes"


@pytest.mark.parametrize("ref", ["vgz-ggz", "naasten", "het-gesprek", "lvb-coaching"])
def test_word_handbook_structure(handbook: Callable[[str], Handbook], ref: str) -> None:
    book = handbook(ref)
    document = docx.Document(str(book.docx))
    headings = [p for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    for session in book.training.sessions:  # one level-1 heading per session, starting a new page
        [heading] = [h for h in headings if session.title in h.text and h.text.startswith(session.kind.capitalize())]
        assert heading.paragraph_format.page_break_before
    titles = [h.text for h in headings]
    assert any(t.startswith("Bijlage A: ") for t in titles)
    assert any("Casuïstiek" in t and t.startswith("Bijlage") for t in titles) or not book.pack.cases
    assert 'TOC \\o "1-2"' in document.element.xml
    # the runbook is a real table: a clock-time column from the session's start (the pack's, else 09:00)
    runbooks = [t for t in document.tables if t.rows[0].cells[0].text == "Tijd"]
    with_agenda = [s for s in book.training.sessions if s.agenda]
    assert len(runbooks) == len(with_agenda)
    for table, session in zip(runbooks, with_agenda, strict=True):
        times = [row.cells[0].text for row in table.rows[1:-1]]
        start = session.start or book.training.start or time(9, 0)
        assert times[0].startswith(f"{start:%H:%M}-") and all(re.fullmatch(r"\d\d:\d\d-\d\d:\d\d", t) for t in times)
        assert len(times) == len(session.agenda)


def test_markdown_handbook_keeps_its_structure(handbook: Callable[[str], Handbook]) -> None:
    book = handbook("het-gesprek")
    assert book.markdown.startswith(f"# {book.training.title}\n")
    for session in book.training.sessions:
        assert re.search(rf"^## .*{re.escape(session.title)}", book.markdown, re.MULTILINE)
    assert "| Tijd |" in book.markdown and "## Bronnen" in book.markdown


def _house_style(path: Path) -> None:
    """An organisation's Word file: Georgia headings in dark red, wide margins, a header and a footer."""
    document = docx.Document()
    heading = document.styles["Heading 1"]
    heading.font.name, heading.font.color.rgb = "Georgia", RGBColor(0x80, 0x10, 0x10)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(3.5)
    section.header.paragraphs[0].text = "Zorggroep Noord · Academie"
    section.footer.paragraphs[0].text = "Vertrouwelijk: alleen voor intern gebruik"
    document.add_paragraph("SJABLOONTEKST-7Q: hoort bij het sjabloon.")
    document.save(str(path))


def test_template_gives_house_style(tmp_path: Path) -> None:
    template = tmp_path / "huisstijl.docx"
    _house_style(template)
    out = tmp_path / "handboek.docx"
    cli("export", "handbook", "het-gesprek", "-o", str(out), "--template", str(template))
    document = docx.Document(str(out))
    heading = document.styles["Heading 1"]
    assert heading.font.name == "Georgia" and heading.font.color.rgb == RGBColor(0x80, 0x10, 0x10)
    section = document.sections[0]
    assert section.left_margin is not None and abs(section.left_margin - Cm(3.5)) < Cm(0.01)
    assert section.header.paragraphs[0].text == "Zorggroep Noord · Academie"
    assert section.footer.paragraphs[0].text == "Vertrouwelijk: alleen voor intern gebruik"
    text = docx_text(out)
    assert "SJABLOONTEKST-7Q" not in text
    first = document.paragraphs[0]
    assert first.text.startswith("Het Gesprek") and first.style is not None and first.style.name == "Title"


def test_template_that_is_not_word_is_a_clear_error(tmp_path: Path) -> None:
    template = tmp_path / "huisstijl.docx"
    template.write_text("geen Word")
    out = tmp_path / "handboek.docx"
    done = run_draaiboek(["export", "handbook", "het-gesprek", "-o", str(out), "--template", str(template)])
    assert done.returncode == 1 and "not a Word file" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_pdf_without_libreoffice_says_so(tmp_path: Path) -> None:
    out = tmp_path / "handboek.docx"
    env = {"PATH": os.path.dirname(sys.executable)}
    done = run_draaiboek(["export", "handbook", "het-gesprek", "-o", str(out), "--pdf"], env=env)
    assert done.returncode == 0, done.stderr
    assert "LibreOffice (soffice) is not installed, so no PDF was made" in done.stderr
    assert out.exists() and not out.with_suffix(".pdf").exists()


def test_markdown_with_pdf_or_other_suffix_is_refused(tmp_path: Path) -> None:
    for args, message in ((["-o", str(tmp_path / "h.md"), "--pdf"], "use -o with a .docx file"),
                          (["-o", str(tmp_path / "h.txt")], "Markdown (.md) or Word (.docx)")):
        done = run_draaiboek(["export", "handbook", "het-gesprek", *args])
        assert done.returncode == 1 and message in done.stderr
    assert not list(tmp_path.iterdir())


def test_build_writes_markdown_and_word(tmp_path: Path) -> None:
    cli("build", "naasten", "--exporter", "handbook", "-o", str(tmp_path))
    [md] = tmp_path.glob("naasten/*-handbook.md")
    [word] = tmp_path.glob("naasten/*-handbook.docx")
    assert md.read_text(encoding="utf-8").startswith("# ") and docx.Document(str(word)).paragraphs


@pytest.mark.libreoffice
def test_word_handbook_through_libreoffice(handbook: Callable[[str], Handbook], tmp_path: Path) -> None:
    book = handbook("vgz-ggz")
    pages = pdf_pages(soffice_convert(book.docx, "pdf", tmp_path))
    assert len(pages) > 20
    for session in book.training.sessions:  # each session begins a page
        heading = squash(f"{session.kind.capitalize()} {session.number}: {session.title}")[:40]
        assert any(squash(page).startswith(heading) for page in pages), session.title


@pytest.mark.libreoffice
def test_pdf_option_writes_a_pdf(tmp_path: Path) -> None:
    out = tmp_path / "handboek.docx"
    output = cli("export", "handbook", "lvb-coaching", "-o", str(out), "--pdf")
    assert f"wrote {out.with_suffix('.pdf')}" in output
    assert len(pdf_pages(out.with_suffix(".pdf"))) > 5


def test_start_option_sets_the_runbook_clock(tmp_path: Path) -> None:
    out = tmp_path / "handboek.docx"
    cli("export", "handbook", "lvb-coaching", "-o", str(out), "--start", "13:30")
    runbooks = [t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "Tijd"]
    assert runbooks and all(t.rows[1].cells[0].text.startswith("13:30-") for t in runbooks)

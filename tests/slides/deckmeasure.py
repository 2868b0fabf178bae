"""Figures of a rendered deck, as a trainer projecting it would judge it (used by the tests and the benchmark).

Reads the .pptx back with python-pptx and, when given, the PDF LibreOffice made of it (word positions from
``pdftotext -bbox``) to find text drawn outside every box of its slide.
"""

from __future__ import annotations

import html as html_module
import re
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONTINUED = re.compile(r"\((?:vervolg|continued)\)\s*$")
NUMBER = re.compile(r"^\d+\.\s+")
META = re.compile(r"\d{1,2}:\d{2}–\d{1,2}:\d{2}\s*$")
#: What the issue found on slides that belongs in the colophon or the trainer's notes.
EDITORIAL = re.compile(
    r"de bron bevat geen|verzonnen|redactie|colofon|nog niet vastgesteld|\b\d+\.\d+\.\d+\b|\b[a-z]+\d*-lo\d+\b"
    r"|opgegeven duur|editorial|fictional", re.IGNORECASE)
NOTES_FORBIDDEN = re.compile(r"\b[a-z]+\d*-lo\d+\b|opgegeven duur|stated duration", re.IGNORECASE)
FURNITURE = (13, 15, 16)  # slide number, footer, date
TOLERANCE = 6.0  # points: glyph boxes reach a little past the line box


@dataclass
class SlideFigures:
    number: int
    title: str
    content: bool
    body: list[str]
    notes: str
    has_number: bool
    continued: bool = False
    outside: list[str] = field(default_factory=list)
    title_outside: list[str] = field(default_factory=list)
    furniture: str = ""

    @property
    def words(self) -> int:
        return sum(len(NUMBER.sub("", p).split()) for p in self.body)  # a list number is not a word

    @property
    def empty(self) -> bool:
        return self.content and not [p for p in self.body if p.strip() and not META.search(p)]


@dataclass
class DeckFigures:
    path: Path
    slides: list[SlideFigures]

    @property
    def content(self) -> list[SlideFigures]:
        return [s for s in self.slides if s.content]

    @property
    def continued(self) -> list[SlideFigures]:
        return [s for s in self.slides if s.continued]

    @property
    def split_sentences(self) -> list[SlideFigures]:
        """Continuation slides that start inside the sentence the slide before ended with."""
        return [s for s in self.continued if s.body and s.body[0][:1].islower()]

    @property
    def words(self) -> list[int]:
        return [s.words for s in self.content]

    def editorial(self) -> list[str]:
        return [f"{s.number} {s.title}: {m.group(0)}" for s in self.slides
                for m in [EDITORIAL.search("\n".join([s.title, *s.body]))] if m]

    def bad_notes(self) -> list[str]:
        return [f"{s.number} {s.title}: {m.group(0)}" for s in self.slides
                for m in [NOTES_FORBIDDEN.search(s.notes)] if m]


def _role_layouts(prs: Any) -> set[int]:
    from draaiboek_slides import template

    matches = template.resolve(prs)
    return {id(m.layout._element) for role, m in matches.items() if m is not None and role in ("title", "section")}


def measure(pptx: Path, pdf: Path | None = None) -> DeckFigures:
    from pptx import Presentation

    prs = Presentation(str(pptx))
    not_content = _role_layouts(prs)
    pages = pdf_words(pdf) if pdf is not None else None
    slides: list[SlideFigures] = []
    for number, slide in enumerate(prs.slides, 1):
        title, has_number = "", False
        body: list[str] = []
        furniture: list[str] = []
        title_shape = None
        for ph in slide.placeholders:
            kind = int(ph.placeholder_format.type)
            if kind in (1, 3):
                title, title_shape = ph.text_frame.text, ph
            elif kind in FURNITURE:
                furniture.append(ph.text_frame.text)
                has_number = has_number or (kind == 13 and 'type="slidenum"' in _xml(ph))
            elif kind not in FURNITURE and ph.has_text_frame:
                body.extend(p.text for p in ph.text_frame.paragraphs if p.text.strip())
        frame = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
        notes = frame.text if frame is not None else ""
        figures = SlideFigures(number, title, id(slide.slide_layout._element) not in not_content, body, notes,
                               has_number, bool(CONTINUED.search(title)), furniture=" ".join(furniture))
        if pages is not None and number <= len(pages):
            figures.outside = outside_words(slide, pages[number - 1])
            if title_shape is not None:
                figures.title_outside = title_overflow(title_shape, title, pages[number - 1])
        slides.append(figures)
    return DeckFigures(pptx, slides)


def _xml(shape: Any) -> str:
    from lxml import etree

    return etree.tostring(shape._element).decode()


Word = tuple[float, float, float, float, str]


def pdf_words(pdf: Path) -> list[list[Word]]:
    """Per page, every word with its box in points (origin top left)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages: list[list[Word]] = []
    for page in html.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), html_module.unescape(w)) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def _boxes(slide: Any) -> list[tuple[float, float, float, float]]:
    """Every shape that may hold text on the slide, its layout and its master, in points."""
    boxes = []
    for shapes in (slide.shapes, slide.slide_layout.shapes, slide.slide_layout.slide_master.shapes):
        for shape in shapes:
            if shape.width is None or shape.left is None:
                continue
            left, top = shape.left / 12700, shape.top / 12700
            boxes.append((left, top, left + shape.width / 12700, top + shape.height / 12700))
    return boxes


def outside_words(slide: Any, words: list[Word]) -> list[str]:
    boxes = _boxes(slide)
    out = []
    for x0, y0, x1, y1, word in words:
        inside = any(x0 >= a - TOLERANCE and y0 >= b - TOLERANCE and x1 <= c + TOLERANCE and y1 <= d + TOLERANCE
                     for a, b, c, d in boxes)
        if not inside:
            out.append(word)
    return out


def title_overflow(shape: Any, title: str, words: list[Word]) -> list[str]:
    """Title words drawn outside the title's own box (into the body below it, say); a title that is not
    drawn at all counts too."""
    wanted = title.casefold().split()  # a layout may set its titles in capitals
    if not wanted:
        return []
    texts = [w[4].casefold() for w in words]
    start = next((i for i in range(len(texts)) if texts[i:i + len(wanted)] == wanted), None)
    if start is None:
        return ["<title not drawn>"]
    left, top = shape.left / 12700, shape.top / 12700
    right, bottom = left + shape.width / 12700, top + shape.height / 12700
    return [w for x0, y0, x1, y1, w in words[start:start + len(wanted)]
            if not (x0 >= left - TOLERANCE and y0 >= top - TOLERANCE and x1 <= right + TOLERANCE
                    and y1 <= bottom + TOLERANCE)]


def summary(decks: list[DeckFigures]) -> dict[str, float]:
    words = [w for d in decks for w in d.words]
    return {
        "decks": len(decks),
        "slides": sum(len(d.slides) for d in decks),
        "continued": sum(len(d.continued) for d in decks),
        "split": sum(len(d.split_sentences) for d in decks),
        "median_words": statistics.median(words) if words else 0,
        "max_words": max(words, default=0),
        "outside": sum(1 for d in decks for s in d.slides if s.outside),
        "empty": sum(1 for d in decks for s in d.slides if s.empty),
        "editorial": sum(len(d.editorial()) for d in decks),
        "unnumbered": sum(1 for d in decks for s in d.content if not s.has_number),
    }

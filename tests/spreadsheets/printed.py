"""Read a workbook as printed: LibreOffice's PDF, words with their boxes (`pdftotext -bbox`)."""

from __future__ import annotations

import html
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.support import soffice_convert

#: pdftotext word boxes are about 1.3 times the font size: 9 pt text is about 11.7 pt high.
HEIGHT_PER_PT = 1.3
MIN_PT = 9.0
#: Nothing may come closer to the paper's edge than this (points; 5 mm).
EDGE = 14.0

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class Page:
    width: float
    height: float
    words: list[Word]

    @property
    def running_head(self) -> str:
        """The page header's words (top band), e.g. the title and the sheet or session name."""
        return " ".join(w.text for w in self.words if w.y1 < 45)

    @property
    def body(self) -> list[Word]:
        return [w for w in self.words if 45 <= w.y0 and w.y1 < self.height - 45]


def print_pdf(workbook: Path, out_dir: Path) -> list[Page]:
    pdf = soffice_convert(workbook, "pdf", out_dir)
    return read_pdf(pdf)


def read_pdf(pdf: Path) -> list[Page]:
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages: list[Page] = []
    for chunk in xml.split("<page ")[1:]:
        size = _PAGE.search("<page " + chunk)
        assert size is not None
        words = [Word(float(a), float(b), float(c), float(d), _unescape(t)) for a, b, c, d, t in _WORD.findall(chunk)]
        pages.append(Page(float(size.group(1)), float(size.group(2)), words))
    return pages


def _unescape(text: str) -> str:
    return html.unescape(text)


def print_problems(pages: list[Page], name: str) -> list[str]:
    """Everything a trainer would notice on paper: not A4, mixed orientation, text under 9 pt, text at the edge."""
    problems = []
    sizes = {(round(p.width), round(p.height)) for p in pages}
    if len(sizes) != 1 or sizes.pop() not in {(842, 595), (595, 842)}:
        found = sorted({(p.width, p.height) for p in pages})
        problems.append(f"{name}: pages are not all A4 in one orientation: {found}")
    for number, page in enumerate(pages, start=1):
        for w in page.words:
            if w.height < MIN_PT * HEIGHT_PER_PT - 0.3:
                problems.append(f"{name} p{number}: {w.text!r} prints at {w.height / HEIGHT_PER_PT:.1f} pt")
            if w.x0 < EDGE or w.y0 < EDGE or w.x1 > page.width - EDGE or w.y1 > page.height - EDGE:
                problems.append(f"{name} p{number}: {w.text!r} reaches the page edge")
    return problems


def missing_words(texts: list[str], pages: list[Page]) -> list[str]:
    """Words of ``texts`` not on paper (as often as they occur): what a clipped row or a cut page loses.

    A word too long for its column is broken by the spreadsheet over two lines; two printed pieces close
    together that make it count as the word."""
    printed = [w.text for p in pages for w in p.body]
    wanted = Counter(word for text in texts for word in text.split())
    missing = wanted - Counter(printed)
    return sorted(word for word in missing.elements() if not _pieced(word, printed))


def _pieced(word: str, printed: list[str], reach: int = 16) -> bool:
    """``word`` printed as pieces, each among the next ``reach`` words after the one before."""
    for i, first in enumerate(printed):
        if not first or first == word or not word.startswith(first):
            continue
        rest, j = word[len(first):], i
        while rest:
            k = next((k for k in range(j + 1, min(j + 1 + reach, len(printed)))
                      if printed[k] and rest.startswith(printed[k])), None)
            if k is None:
                break
            rest, j = rest[len(printed[k]):], k
        if not rest:
            return True
    return False

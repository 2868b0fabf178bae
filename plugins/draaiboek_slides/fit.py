"""Text size estimation and shortening, instead of python-pptx's ``fit_text`` (which fails on Linux).

A text box is described in points; text is measured with a conservative average character width, so
what the plan accepts fits in the placeholder whatever proportional font the template uses. Text that
does not fit is never cut inside a sentence and carried on: a list continues at an item boundary, prose
is shortened to whole sentences (the caller keeps the full text in the speaker notes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from draaiboek.markdown import Para, Run

#: Average glyph width as a fraction of the font size (proportional sans-serif, with a safety margin).
CHAR_WIDTH = 0.5
LINE_HEIGHT = 1.2
PARA_SPACING = 0.35  # space before a paragraph, in lines
INSET = 7.2  # python-pptx/PowerPoint default left+right inset per side, in points
INDENT = 30.0  # per list level, in points
#: Body words a slide may carry (the room reads a slide at a glance; the notes hold the rest).
MAX_WORDS = 75
ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"[.!?][)\"'”’]*$")


@dataclass(frozen=True)
class Box:
    """A text area: its size and the body font size, in points."""

    width: float
    height: float
    font: float

    def chars_per_line(self, level: int = 0) -> int:
        usable = self.width - 2 * INSET - INDENT * level
        return max(8, int(usable / (CHAR_WIDTH * self.font_for(level))))

    def font_for(self, level: int) -> float:
        return self.font * (0.9 if level > 1 else 1.0)


def line_count(text: str, width: int) -> int:
    """Lines a text needs when wrapped at word boundaries to ``width`` characters."""
    total = 0
    for piece in text.split("\v"):
        lines, current = 1, 0
        for word in piece.split():
            needed = len(word) if current == 0 else current + 1 + len(word)
            if needed <= width:
                current = needed
            else:
                lines += 1 + (len(word) - 1) // width
                current = len(word) % width or width
        total += lines
    return total


def para_height(para: Para, box: Box, first: bool = False) -> float:
    font = box.font_for(para.level)
    lines = line_count(para.text, box.chars_per_line(para.level))
    spacing = 0.0 if first else PARA_SPACING * font
    return spacing + lines * LINE_HEIGHT * font


def text_height(paras: list[Para], box: Box) -> float:
    return sum(para_height(p, box, i == 0) for i, p in enumerate(paras))


def word_count(paras: list[Para]) -> int:
    return sum(len(p.text.split()) for p in paras)


def fits(paras: list[Para], box: Box, max_words: int = MAX_WORDS) -> bool:
    return text_height(paras, box) <= box.height - 2 * 3.6 and word_count(paras) <= max_words


@dataclass(frozen=True)
class Word:
    """A word with its formatting; ``glued`` when no space separates it from the word before (``**x**.``)."""

    run: Run
    glued: bool = False


def _words(para: Para) -> list[Word]:
    out: list[Word] = []
    space = True
    for run in para.runs:
        for index, piece in enumerate(run.text.split()):
            glued = bool(out) and index == 0 and not space and not run.text[:1].isspace()
            out.append(Word(Run(piece, run.bold, run.italic, run.href), glued))
        if run.text:
            space = run.text[-1:].isspace()
    return out


def _join(words: list[Word], para: Para) -> Para:
    runs: list[Run] = []
    for word in words:
        w = word.run
        gap = "" if not runs or word.glued else " "
        if runs and (runs[-1].bold, runs[-1].italic, runs[-1].href) == (w.bold, w.italic, w.href):
            runs[-1] = Run(f"{runs[-1].text}{gap}{w.text}", w.bold, w.italic, w.href)
        else:
            before = runs[-1] if runs else None
            if before is not None and gap and not (before.bold or before.italic or before.href):
                runs[-1], gap = Run(before.text + gap, before.bold, before.italic, before.href), ""
            runs.append(Run(gap + w.text, w.bold, w.italic, w.href))  # a formatted word keeps no outer space
    return Para(tuple(runs), para.level, para.bullet, para.number, para.heading)


def sentences(para: Para) -> list[Para]:
    """The paragraph's sentences, each a paragraph of its own kind (formatting kept)."""
    words = _words(para)
    out: list[Para] = []
    start = 0
    for index, word in enumerate(words, 1):
        if _SENTENCE_END.search(word.run.text) or index == len(words):
            out.append(_join(words[start:index], para))
            start = index
    return out or [para]


def clip(para: Para, box: Box, page: list[Para], max_words: int) -> Para | None:
    """The longest run of whole sentences from the start of ``para`` that still fits after ``page``; when not
    even the first sentence fits an empty page, its first words and an ellipsis (never carried on)."""
    best: Para | None = None
    parts = sentences(para)
    for count in range(1, len(parts) + 1):
        candidate = _join([w for p in parts[:count] for w in _words(p)], para)
        if not fits(page + [candidate], box, max_words):
            break
        best = candidate
    if best is not None or page:  # half a sentence only when the slide would otherwise stay empty
        return best
    words = _words(para)
    for count in range(len(words) - 1, 2, -1):
        candidate = _join(words[:count] + [Word(Run(ELLIPSIS), glued=True)], para)
        if fits(page + [candidate], box, max_words):
            return candidate
    return None


def shorten(paras: list[Para], box: Box, max_words: int = MAX_WORDS) -> list[Para]:
    """What of ``paras`` fits ``box``: details (deeper list levels) go first, then prose is cut back to its
    first sentence, then paragraphs from the end; a paragraph is only ever cut at a sentence end."""
    if fits(paras, box, max_words):
        return list(paras)
    condensed = [p for p in paras if p.level < 2]
    if fits(condensed, box, max_words):
        return condensed
    condensed = [p if p.heading else sentences(p)[0] for p in condensed]
    page: list[Para] = []
    for para in condensed:
        if fits(page + [para], box, max_words):
            page.append(para)
            continue
        clipped = None if para.heading else clip(para, box, page, max_words)
        if clipped is not None:
            page.append(clipped)
        break
    while page and page[-1].heading:  # a heading with nothing under it
        page.pop()
    return page


def paginate(paras: list[Para], box: Box, max_words: int = MAX_WORDS) -> list[list[Para]]:
    """Pages of whole paragraphs (list items) that each fit ``box``; a heading moves with what follows it,
    and a paragraph too long for a page of its own is shortened to the sentences that fit."""
    pages: list[list[Para]] = [[]]
    for para in paras:
        page = pages[-1]
        if fits(page + [para], box, max_words):
            page.append(para)
            continue
        carried = [page.pop()] if page and page[-1].heading and len(page) > 1 else []
        if page:
            pages.append(carried)
        page = pages[-1]
        if fits(page + [para], box, max_words):
            page.append(para)
        else:
            clipped = clip(para, box, page, max_words)
            if clipped is not None:
                page.append(clipped)
    return [page for page in pages if page] or [[]]

"""Text size estimation and splitting, instead of python-pptx's ``fit_text`` (which fails on Linux).

A text box is described in points; text is measured with a conservative average character width, so
what the plan accepts fits in the placeholder whatever proportional font the template uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from draaiboek.markdown import Para, Run

#: Average glyph width as a fraction of the font size (proportional sans-serif, with a safety margin).
CHAR_WIDTH = 0.5
LINE_HEIGHT = 1.2
PARA_SPACING = 0.35  # space before a paragraph, in lines
INSET = 7.2  # python-pptx/PowerPoint default left+right inset per side, in points
INDENT = 30.0  # per list level, in points


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


def fits(paras: list[Para], box: Box) -> bool:
    return text_height(paras, box) <= box.height - 2 * 3.6


def _words(para: Para) -> list[Run]:
    return [Run(w, r.bold, r.italic, r.href) for r in para.runs for w in r.text.split()]


def _join(words: list[Run], para: Para, first: bool) -> Para:
    runs: list[Run] = []
    for word in words:
        if runs and (runs[-1].bold, runs[-1].italic, runs[-1].href) == (word.bold, word.italic, word.href):
            runs[-1] = Run(f"{runs[-1].text} {word.text}", word.bold, word.italic, word.href)
        else:
            runs.append(Run(word.text if not runs else f" {word.text}", word.bold, word.italic, word.href))
    return Para(tuple(runs), para.level, para.bullet if first else "none", para.number, para.heading)


def split_to_fit(page: list[Para], para: Para, box: Box, first: bool = True) -> tuple[Para, Para] | None:
    """Cut ``para`` so its head fills what is left of ``page``; prefers a sentence end. None if nothing fits."""
    words = _words(para)
    low, high = 0, len(words) - 1  # the largest head size in [low, high] that fits
    while low < high:
        mid = (low + high + 1) // 2
        if fits(page + [_join(words[:mid], para, first)], box):
            low = mid
        else:
            high = mid - 1
    if low < 4:
        return None
    cut = low
    for i in range(low, max(3, low * 2 // 3), -1):
        if words[i - 1].text.endswith((".", "!", "?", ":", ";")):
            cut = i
            break
    return _join(words[:cut], para, first), _join(words[cut:], para, False)


def paginate(paras: list[Para], box: Box) -> list[list[Para]]:
    """Pages of paragraphs that each fit ``box``; long paragraphs continue on the next page, and a heading
    is never left alone at the bottom of a page."""
    pages: list[list[Para]] = [[]]
    queue = list(paras)
    while queue:
        para = queue.pop(0)
        page = pages[-1]
        if fits(page + [para], box):
            page.append(para)
            continue
        long = line_count(para.text, box.chars_per_line(para.level)) > 3
        parts = split_to_fit(page, para, box, para.bullet != "none") if (long or not page) else None
        if parts:
            page.append(parts[0])
            queue.insert(0, parts[1])
            pages.append([])
        elif not page:  # a few words that do not fit an empty box: accept the overflow
            page.append(para)
            pages.append([])
        else:
            carried = [page.pop()] if page[-1].heading and len(page) > 1 else []
            pages.append(carried)
            queue.insert(0, para)
    return absorb_widow([page for page in pages if page], box) or [[]]


#: How far the estimate may be exceeded to keep a widow on its page; estimates leave 20-30% room in the real box.
WIDOW_SLACK = 1.15


def absorb_widow(pages: list[list[Para]], box: Box) -> list[list[Para]]:
    """A last page holding a line or two is folded back into the page before, when that stays within the
    slack of the cautious size estimate: a '(vervolg)' slide with one word helps nobody."""
    if len(pages) < 2:
        return pages
    *rest, before, tail = pages
    usable = box.height - 2 * 3.6
    if text_height(tail, box) > 0.2 * usable or text_height(before + tail, box) > WIDOW_SLACK * usable:
        return pages
    if _continues(before[-1], tail[0]):
        whole = _join(_words(before[-1]) + _words(tail[0]), before[-1], before[-1].bullet != "none")
        return [*rest, [*before[:-1], whole, *tail[1:]]]
    return [*rest, before + tail]


def _continues(head: Para, rest: Para) -> bool:
    """Whether ``rest`` is the tail :func:`split_to_fit` cut from ``head`` in mid-sentence."""
    return (rest.bullet == "none" and not rest.heading and rest.level == head.level
            and not head.text.rstrip().endswith((".", "!", "?", ":", ";")))

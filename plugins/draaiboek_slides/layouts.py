"""A template's layouts as the renderer needs them: text slots with their boxes and font sizes, and the
footer, date and slide-number pieces. Read once per template (python-pptx's placeholder API is XPath-heavy)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pptx.oxml.ns import qn
from pptx.util import Emu

from draaiboek_slides import template
from draaiboek_slides.fit import Box

TITLE_GLYPHS = 1.2  # titles are often bold and large: wider glyphs than the body estimate
SLIDE_NUMBER, FOOTER, DATE = 13, 15, 16
FURNITURE = (DATE, FOOTER, SLIDE_NUMBER)
PROMPTS = {"footer", "voettekst", "fußzeile", "pied de page"}  # sample texts, not a house-style footer


def _style_size(element: Any, path: str) -> float | None:
    found = element.xpath(path)
    return int(found[0]) / 100 if found else None


def font_size(placeholder: Any, master: Any, style: str) -> float:
    """Level-1 font size of a placeholder: its own list style, its layout's and master's, else the master text style."""
    current = placeholder
    while current is not None:
        size = _style_size(current._element, "./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/@sz") or _style_size(
            current._element, "./p:txBody/a:p[1]/a:r[1]/a:rPr/@sz | ./p:txBody/a:p[1]/a:endParaRPr/@sz")
        if size:  # LibreOffice Impress keeps a layout's sizes on its sample paragraph, not in a list style
            return size
        current = getattr(current, "_base_placeholder", None)
    return _style_size(master._element, f"./p:txStyles/p:{style}/a:lvl1pPr/a:defRPr/@sz") or 18.0


@dataclass(frozen=True)
class Slot:
    """A layout placeholder as the renderer needs it: kind, its place among the layout's placeholders of
    that kind, position and size (pt), level-1 font size. Placeholders are matched by kind and order, not
    by ``idx``: layouts saved by LibreOffice Impress leave ``idx`` out."""

    nth: int
    kind: int
    left: int
    top: int
    emu: tuple[int, int, int, int]
    width: float
    height: float
    font: float

    @property
    def box(self) -> Box:
        return Box(self.width, self.height, self.font)

    @property
    def key(self) -> tuple[int, int]:
        return (family(self.kind), self.nth)


def family(kind: int) -> int:
    """Title and centred title count as one kind when matching a slide's placeholders to its layout's."""
    return template.TITLE if kind in template.TITLES else kind


def read_slots(layout: Any) -> list[Slot]:
    """The placeholders of a layout in document order (read once per template: python-pptx uses XPath)."""
    master = layout.slide_master
    slots: list[Slot] = []
    seen: dict[int, int] = {}
    for ph in layout.placeholders:
        kind = int(ph.placeholder_format.type)
        nth = seen.get(family(kind), 0)
        seen[family(kind)] = nth + 1
        style = "titleStyle" if kind in template.TITLES else "bodyStyle"
        place = (int(ph.left or 0), int(ph.top or 0), int(ph.width or 0), int(ph.height or 0))
        slots.append(Slot(nth, kind, int(ph.left or 0), int(ph.top or 0), place, Emu(ph.width or 0).pt,
                          Emu(ph.height or 0).pt, font_size(ph, master, style)))
    return clear_of_title(slots)


GAP = 91440  # EMU (0.1 in) between a title box and a body box moved below it


def clear_of_title(slots: list[Slot]) -> list[Slot]:
    """Body boxes that start inside the title box (a template with large two-line titles) move below it."""
    title = next((s for s in slots if s.kind in template.TITLES and all(s.emu[2:])), None)
    if title is None:
        return slots
    bottom = title.emu[1] + title.emu[3] + GAP
    out = []
    for slot in slots:
        left, top, width, height = slot.emu
        overlaps = left < title.emu[0] + title.emu[2] and title.emu[0] < left + width
        if slot.kind in template.TEXT_SLOTS and overlaps and top < bottom < top + height:
            height -= bottom - top
            slot = Slot(slot.nth, slot.kind, left, bottom, (left, bottom, width, height), slot.width,
                        Emu(height).pt, slot.font)
        out.append(slot)
    return out


def text_slots(slots: list[Slot]) -> list[Slot]:
    """Body, object and subtitle placeholders: subtitle first, then left to right, top to bottom."""
    texts = [s for s in slots if s.kind in template.TEXT_SLOTS | {template.SUBTITLE}]
    return sorted(texts, key=lambda s: (s.kind != template.SUBTITLE, s.left, s.top))


def title_slot(slots: list[Slot]) -> Slot | None:
    return next((s for s in slots if s.kind in template.TITLES), None)


def _inherited_body(placeholder: Any, master: Any, kind: int) -> Any:
    """The text body whose list style the placeholder uses: its own when it sets one, else the master's."""
    own = placeholder._element.find(qn("p:txBody"))
    if own is not None and own.find(f"{qn('a:lstStyle')}/*") is not None:
        return own
    for candidate in master.placeholders:
        if int(candidate.placeholder_format.type) == kind:
            return candidate._element.find(qn("p:txBody"))
    return own


@dataclass(frozen=True)
class Piece:
    """A footer, date or slide-number placeholder of a layout, read once per template."""

    placeholder: Any
    kind: int
    own: str  # the layout's own footer text (house style), not a prompt
    body_pr: Any
    list_style: Any
    chars: int
    clone: tuple[Any, str, Any, int]  # type, orientation, size and idx, as clone_placeholder reads them


def read_pieces(layout: Any) -> list[Piece]:
    """The layout's footer, date and slide-number placeholders (read once per template)."""
    from lxml import etree

    pieces = []
    for ph in layout.placeholders:
        kind = int(ph.placeholder_format.type)
        if kind not in FURNITURE:
            continue
        own = ph.text_frame.text.strip() if ph.has_text_frame and kind == FOOTER else ""
        own = "" if own.strip("<>").lower() in PROMPTS else own
        # LibreOffice draws footer text in its own default font unless the style is on the shape itself.
        inherited = _inherited_body(ph, layout.slide_master, kind)
        parts = [inherited.find(qn(tag)) if inherited is not None else None for tag in ("a:bodyPr", "a:lstStyle")]
        size = font_size(ph, layout.slide_master, "otherStyle")
        chars = Box(Emu(ph.width or 0).pt, 0, min(size, 14.0) * TITLE_GLYPHS).chars_per_line()
        pieces.append(Piece(ph, kind, own, parts[0] if parts[0] is not None else etree.Element(qn("a:bodyPr")),
                            parts[1] if parts[1] is not None else etree.Element(qn("a:lstStyle")), chars,
                            (ph.element.ph_type, ph.element.ph_orient, ph.element.ph_sz, ph.element.ph_idx)))
    return pieces

"""The reference slide writer through python-pptx's API: placeholders, titles, paragraphs (runs, bullets,
numbers, indents, tab stops), positions and the notes page. direct.py writes the same XML with lxml."""

from __future__ import annotations

from typing import Any

from pptx.oxml.ns import qn
from pptx.util import Pt

from draaiboek.markdown import Para, Run
from draaiboek_slides import template
from draaiboek_slides.fit import INDENT, PARA_SPACING, Box
from draaiboek_slides.layouts import Slot, family

SLIDE_IMAGE = 101


def write_paras(frame: Any, paras: list[Para], box: Box | None, size: float | None) -> None:
    """Paragraphs with real bold/italic/links, explicit bullets and indents; numbered items carry their number
    as text (LibreOffice restarts automatic numbering after every other paragraph). ``size`` is the deck's
    body size when it is smaller than the template's. (xmlparas.write gives the same XML without the API.)"""
    frame.clear()
    for index, para in enumerate(paras):
        p = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        ppr = p._p.get_or_add_pPr()
        if para.level > 0:
            ppr.set("lvl", str(min(para.level - 1, 8)))
        font = box.font_for(para.level) if box is not None else None
        if box is not None and font is not None:
            ppr.set("marL", str(int(Pt(INDENT * para.level))))
            hang = {"bullet": 18.0, "number": min(INDENT * para.level, 1.6 * font)}
            ppr.set("indent", str(int(Pt(-hang.get(para.bullet, 0.0)))) if para.level else "0")
            p.space_before = Pt(round(PARA_SPACING * font) if index else 0)
            p.space_after = Pt(0)  # a template's own paragraph spacing would undo the size estimate
            p.line_spacing = 1.0
        _bullet(ppr, para)
        if box is not None and any("\t" in run.text for run in para.runs):
            _tab_stop(ppr, Pt(box.font * 7))
        runs = list(para.runs)
        if para.bullet == "number":
            runs.insert(0, Run(f"{para.number}.\t" if para.level else f"{para.number}. "))
        for run in runs:
            for piece_no, piece in enumerate(run.text.split("\v")):
                if piece_no:
                    p.add_line_break()
                if not piece:
                    continue
                r = p.add_run()
                r.text = piece
                if run.bold:
                    r.font.bold = True
                if run.italic:
                    r.font.italic = True
                if run.href:
                    r.hyperlink.address = run.href
                if size is not None:
                    r.font.size = Pt(size * (0.9 if para.level > 1 else 1.0))


def _tab_stop(ppr: Any, position: int) -> None:
    from lxml import etree

    tabs = etree.Element(qn("a:tabLst"))
    etree.SubElement(tabs, qn("a:tab"), {"pos": str(int(position)), "algn": "l"})
    follower = next((ppr.find(qn(t)) for t in ("a:defRPr", "a:extLst") if ppr.find(qn(t)) is not None), None)
    if follower is not None:
        follower.addprevious(tabs)
    else:
        ppr.append(tabs)


BULLET_TAGS = ("a:buClrTx", "a:buClr", "a:buFontTx", "a:buFont", "a:buNone", "a:buChar", "a:buAutoNum", "a:buBlip")


def _bullet(ppr: Any, para: Para) -> None:
    """Explicit bullet or number (in the text colour), or none, in schema order inside ``a:pPr``."""
    from lxml import etree

    for tag in BULLET_TAGS:
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    added = []
    if para.bullet == "bullet":
        added.append(etree.Element(qn("a:buClrTx")))
    if para.bullet == "bullet":
        added.append(etree.Element(qn("a:buChar"), {"char": "•" if para.level < 2 else "–"}))
    else:
        added.append(etree.Element(qn("a:buNone")))
    follower = next((ppr.find(qn(t)) for t in ("a:tabLst", "a:defRPr", "a:extLst")
                     if ppr.find(qn(t)) is not None), None)
    for element in added:
        if follower is not None:
            follower.addprevious(element)
        else:
            ppr.append(element)


class PptxWriter:
    """The reference slide writer: python-pptx's own API throughout (direct.DirectWriter gives the same bytes).
    Shapes are python-pptx placeholder objects."""

    def placeholders(self, slide: Any) -> dict[tuple[int, int], Any]:
        """The slide's placeholders by (kind, place among that kind), the key :class:`Slot` uses."""
        out: dict[tuple[int, int], Any] = {}
        seen: dict[int, int] = {}
        for ph in slide.placeholders:
            kind = family(int(ph.placeholder_format.type))
            out[(kind, seen.get(kind, 0))] = ph
            seen[kind] = seen.get(kind, 0) + 1
        return out

    def title(self, slide: Any, shape: Any, text: str, size: float) -> None:
        frame = shape.text_frame
        frame.text = text
        for run in frame.paragraphs[0].runs:
            run.font.size = Pt(size)

    def body(self, slide: Any, shape: Any, paras: list[Para], box: Box | None, size: float | None) -> None:
        write_paras(shape.text_frame, paras, box, size)

    def place(self, slide: Any, shape: Any, slot: Slot) -> None:
        """The layout's position, written on the slide: a placeholder without ``idx`` may inherit another's."""
        if all(slot.emu[2:]):
            shape.left, shape.top, shape.width, shape.height = slot.emu

    def remove(self, shape: Any) -> None:
        shape._element.getparent().remove(shape._element)

    def notes(self, page: Any, notes: list[Para]) -> None:
        """The speaker notes on a slide's notes page (in a text box when the notes master has no body)."""
        frame = page.notes_text_frame
        if frame is None:  # the notes master has no body placeholder
            shapes = page.shapes
            element = shapes._spTree.add_textbox(shapes._next_shape_id, "Notes", 457200, 4572000, 6400800, 4114800)
            frame = shapes._shape_factory(element).text_frame
            frame.word_wrap = True
        write_paras(frame, notes, None, None)
        for placeholder in list(page.placeholders):
            kind = int(placeholder.placeholder_format.type)
            filled = placeholder.has_text_frame and placeholder.text_frame.text
            if kind not in (template.BODY, SLIDE_IMAGE) and not filled:
                placeholder._element.getparent().remove(placeholder._element)

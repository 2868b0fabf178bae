"""Paragraphs into python-pptx text frames: runs, bullets, numbers, indents and tab stops, and the notes page.

With render.py and the modules it uses, the only ones that touch python-pptx.
"""

from __future__ import annotations

from typing import Any

from pptx.oxml.ns import qn
from pptx.util import Pt

from draaiboek.markdown import Para, Run
from draaiboek_slides import template, xmlparas
from draaiboek_slides.fit import INDENT, PARA_SPACING, Box

SLIDE_IMAGE = 101


def write_paras(frame: Any, paras: list[Para], box: Box | None, size: float | None, reference: bool = False) -> None:
    """Paragraphs with real bold/italic/links, explicit bullets and indents; numbered items carry their number
    as text (LibreOffice restarts automatic numbering after every other paragraph). ``size`` is the deck's
    body size when it is smaller than the template's.

    A bare text body is written directly with lxml (xmlparas.py, the same bytes); one whose paragraph
    carries the template's own properties, or any with ``reference``, goes through python-pptx's API."""
    if not reference and xmlparas.bare(frame._txBody):
        xmlparas.write(frame._txBody, frame.part, paras, box, size)
        return
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


def write_notes(page: Any, notes: list[Para], reference: bool = False) -> None:
    """The speaker notes on a slide's notes page."""
    frame = page.notes_text_frame
    if frame is None:  # the notes master has no body placeholder
        shapes = page.shapes
        element = shapes._spTree.add_textbox(shapes._next_shape_id, "Notes", 457200, 4572000, 6400800, 4114800)
        frame = shapes._shape_factory(element).text_frame
        frame.word_wrap = True
    write_paras(frame, notes, None, None, reference)
    for placeholder in list(page.placeholders):
        kind = int(placeholder.placeholder_format.type)
        filled = placeholder.has_text_frame and placeholder.text_frame.text
        if kind not in (template.BODY, SLIDE_IMAGE) and not filled:
            placeholder._element.getparent().remove(placeholder._element)

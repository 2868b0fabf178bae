"""Paragraphs written straight into a text body with lxml: the elements, attributes and order python-pptx's
API gives (paragraphs.py keeps that path as the reference), without its XPath lookups per element."""

from __future__ import annotations

import re
from typing import Any

from draaiboek.markdown import Para, Run
from draaiboek_slides.fit import INDENT, PARA_SPACING, Box

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
P, PPR, RUN, RPR, T, BR, FLD = (A + tag for tag in ("p", "pPr", "r", "rPr", "t", "br", "fld"))
LN_SPC, SPC_BEF, SPC_AFT, SPC_PCT, SPC_PTS = (A + tag for tag in ("lnSpc", "spcBef", "spcAft", "spcPct", "spcPts"))
BU_CLR_TX, BU_CHAR, BU_NONE, TAB_LST, TAB, HLINK = (
    A + tag for tag in ("buClrTx", "buChar", "buNone", "tabLst", "tab", "hlinkClick"))
CONTENT = {RUN, BR, FLD}  # what python-pptx's TextFrame.clear() removes from the first paragraph
EMU_PER_PT, EMU_PER_CENTIPOINT = 12700, 127
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")  # escaped as python-pptx does: BEL -> _x0007_


def bare(body: Any) -> bool:
    """Whether the text body's first paragraph carries nothing but text (no properties of the template's)."""
    first = body.find(P)
    return first is not None and all(child.tag in CONTENT for child in first)


def pt(points: float) -> int:
    return int(points * EMU_PER_PT)  # pptx.util.Pt


def _centipoints(points: float) -> str:
    return str(pt(points) // EMU_PER_CENTIPOINT)


def escaped(text: str) -> str:
    return _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", text)


def _spacing(ppr: Any, tag: str, kind: str, value: str) -> None:
    from lxml import etree

    etree.SubElement(etree.SubElement(ppr, tag), kind, {"val": value})


def write(body: Any, part: Any, paras: list[Para], box: Box | None, size: float | None) -> None:
    """See paragraphs.write_paras; ``part`` holds the hyperlinks' relationships."""
    from lxml import etree

    paragraphs = body.findall(P)
    for extra in paragraphs[1:]:
        body.remove(extra)
    first = paragraphs[0]
    for child in list(first):
        first.remove(child)
    for index, para in enumerate(paras):
        p = first if index == 0 else etree.SubElement(body, P)
        ppr = etree.SubElement(p, PPR)
        if para.level > 0:
            ppr.set("lvl", str(min(para.level - 1, 8)))
        font = box.font_for(para.level) if box is not None else None
        if box is not None and font is not None:
            ppr.set("marL", str(pt(INDENT * para.level)))
            hang = {"bullet": 18.0, "number": min(INDENT * para.level, 1.6 * font)}
            ppr.set("indent", str(pt(-hang.get(para.bullet, 0.0))) if para.level else "0")
            _spacing(ppr, LN_SPC, SPC_PCT, "100000")
            _spacing(ppr, SPC_BEF, SPC_PTS, _centipoints(round(PARA_SPACING * font) if index else 0))
            _spacing(ppr, SPC_AFT, SPC_PTS, "0")
        if para.bullet == "bullet":
            etree.SubElement(ppr, BU_CLR_TX)
            etree.SubElement(ppr, BU_CHAR, {"char": "•" if para.level < 2 else "–"})
        else:
            etree.SubElement(ppr, BU_NONE)
        if box is not None and any("\t" in run.text for run in para.runs):
            etree.SubElement(etree.SubElement(ppr, TAB_LST), TAB, {"pos": str(pt(box.font * 7)), "algn": "l"})
        runs = list(para.runs)
        if para.bullet == "number":
            runs.insert(0, Run(f"{para.number}.\t" if para.level else f"{para.number}. "))
        run_size = None if size is None else _centipoints(size * (0.9 if para.level > 1 else 1.0))
        for run in runs:
            for piece_no, piece in enumerate(run.text.split("\v")):
                if piece_no:
                    etree.SubElement(p, BR)
                if not piece:
                    continue
                r = etree.SubElement(p, RUN)
                if run.bold or run.italic or run.href or run_size is not None:
                    rpr = etree.SubElement(r, RPR)
                    if run.bold:
                        rpr.set("b", "1")
                    if run.italic:
                        rpr.set("i", "1")
                    if run.href:
                        link = etree.SubElement(rpr, HLINK)
                        link.set(R_ID, part.relate_to(run.href, HYPERLINK, is_external=True))
                    if run_size is not None:
                        rpr.set("sz", run_size)
                etree.SubElement(r, T).text = escaped(piece)

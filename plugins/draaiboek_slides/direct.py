"""The slide writer that works on the XML directly: placeholders found, titles, bodies, positions and notes
written with lxml, giving the bytes python-pptx's API gives (paragraphs.PptxWriter, the reference the
tests compare with). Where a shape is not what python-pptx itself would have cloned (a graphic frame, a
paragraph with the template's own properties), it hands that shape to the reference writer."""

from __future__ import annotations

import re
from typing import Any

from draaiboek.markdown import Para
from draaiboek_slides import xmlparas
from draaiboek_slides.fit import Box
from draaiboek_slides.layouts import Slot, family
from draaiboek_slides.paragraphs import PptxWriter
from draaiboek_slides.xmlparas import BR, FLD, RPR, RUN, A, P, T

PML = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
SP, SP_PR, NV_PR, PH, TX_BODY = (PML + tag for tag in ("sp", "spPr", "nvPr", "ph", "txBody"))
SHAPES = {PML + tag for tag in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart")}
XFRM, OFF, EXT = A + "xfrm", A + "off", A + "ext"
KEPT_NOTES = ("body", "sldImg")  # notes placeholders kept even when empty


def _ph(shape: Any) -> Any:
    """python-pptx's ``./*[1]/p:nvPr/p:ph``."""
    first = next((child for child in shape if isinstance(child.tag, str)), None)
    nv_pr = first.find(NV_PR) if first is not None else None
    return nv_pr.find(PH) if nv_pr is not None else None


def placeholder_elements(tree: Any) -> list[tuple[Any, Any]]:
    """(shape, its ph element) for the placeholders of a shape tree, in document order."""
    found = []
    for shape in tree:
        if shape.tag in SHAPES:
            ph = _ph(shape)
            if ph is not None:
                found.append((shape, ph))
    return found


def _has_text(body: Any) -> bool:
    """python-pptx's ``bool(text_frame.text)``: paragraphs joined by newlines, breaks as vertical tabs."""
    paragraphs = body.findall(P)
    if len(paragraphs) > 1:
        return True
    return any(child.tag == BR or (child.tag in (RUN, FLD) and child.findtext(T)) for p in paragraphs for child in p)


class DirectWriter:
    """The fast writer (see the module docstring); same methods as :class:`PptxWriter`."""

    def __init__(self) -> None:
        self.reference = PptxWriter()
        self.numbers: dict[str, int] = {}

    def _number(self, kind: str) -> int:
        if kind not in self.numbers:
            from pptx.enum.shapes import PP_PLACEHOLDER

            self.numbers[kind] = int(PP_PLACEHOLDER.from_xml(kind))
        return self.numbers[kind]

    def placeholders(self, slide: Any) -> dict[tuple[int, int], Any]:
        """The slide's placeholders by (kind, place among that kind), in python-pptx's order (by idx)."""
        found = sorted(placeholder_elements(slide.shapes._spTree), key=lambda pair: int(pair[1].get("idx", "0")))
        out: dict[tuple[int, int], Any] = {}
        seen: dict[int, int] = {}
        for shape, ph in found:
            kind = family(self._number(ph.get("type", "obj")))
            out[(kind, seen.get(kind, 0))] = shape
            seen[kind] = seen.get(kind, 0) + 1
        return out

    def _proxy(self, slide: Any, shape: Any) -> Any:
        return slide.shapes._shape_factory(shape)

    def title(self, slide: Any, shape: Any, text: str, size: float) -> None:
        """python-pptx's ``text_frame.text = text`` and the first paragraph's runs at ``size``."""
        from lxml import etree

        if shape.tag != SP:
            self.reference.title(slide, self._proxy(slide, shape), text, size)
            return
        body = shape.get_or_add_txBody()
        for old in body.findall(P):
            body.remove(old)
        sz = str(xmlparas.pt(size) // xmlparas.EMU_PER_CENTIPOINT)
        for number, line in enumerate(text.split("\n")):
            p = etree.SubElement(body, P)
            for index, piece in enumerate(re.split("\n|\v", line)):
                if index:
                    etree.SubElement(p, BR)
                if piece:
                    run = etree.SubElement(p, RUN)
                    if number == 0:
                        etree.SubElement(run, RPR, {"sz": sz})
                    etree.SubElement(run, T).text = xmlparas.escaped(piece)

    def body(self, slide: Any, shape: Any, paras: list[Para], box: Box | None, size: float | None) -> None:
        if shape.tag == SP:
            body = shape.get_or_add_txBody()
            if xmlparas.bare(body):
                xmlparas.write(body, slide.part, paras, box, size)
                return
        self.reference.body(slide, self._proxy(slide, shape), paras, box, size)

    def place(self, slide: Any, shape: Any, slot: Slot) -> None:
        """python-pptx's left/top/width/height setters on a shape without a transform of its own."""
        from lxml import etree

        sp_pr = shape.find(SP_PR) if shape.tag == SP else None
        if not all(slot.emu[2:]):
            return
        if sp_pr is None or len(sp_pr):
            self.reference.place(slide, self._proxy(slide, shape), slot)
            return
        left, top, width, height = slot.emu
        xfrm = etree.SubElement(sp_pr, XFRM)
        etree.SubElement(xfrm, OFF, {"x": str(left), "y": str(top)})
        etree.SubElement(xfrm, EXT, {"cx": str(width), "cy": str(height)})

    def remove(self, shape: Any) -> None:
        shape.getparent().remove(shape)

    def notes(self, page: Any, paras: list[Para]) -> None:
        """The notes in the page's body placeholder; other empty placeholders (slide number) are removed."""
        found = placeholder_elements(page.shapes._spTree)
        body = next((shape for shape, ph in found if ph.get("type", "obj") == "body"), None)
        if body is None or body.tag != SP:
            self.reference.notes(page, paras)
            return
        self.body(page, body, paras, None, None)
        for shape, ph in found:
            filled = shape.tag == SP and _has_text(shape.get_or_add_txBody())  # python-pptx adds a text body
            if ph.get("type", "obj") not in KEPT_NOTES and not filled:
                shape.getparent().remove(shape)

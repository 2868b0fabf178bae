"""Slides and notes pages added in constant time per slide.

python-pptx's ``Slides.add_slide`` scans every relationship of the presentation for one to reuse and every
slide id for the largest, so a deck grew quadratically in its slides. :class:`SlideAdder` does the same steps
for one deck with the slide count and next id tracked here; names, ids and rIds come out as python-pptx's.
"""

from __future__ import annotations

from typing import Any


class SlideAdder:
    """Adds slides to one presentation (the only writer of its slide list while the deck is made)."""

    def __init__(self, prs: Any) -> None:
        self.part = prs.part
        self.id_list = prs.slides._sldIdLst
        used = [int(value) for value in self.id_list.xpath("./p:sldId/@id")]
        self.next_id = max([255, *used]) + 1  # python-pptx: one above the largest id, at least 256
        self.count = len(self.id_list)

    def add(self, layout: Any) -> Any:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.opc.packuri import PackURI
        from pptx.parts.slide import SlidePart

        partname = PackURI(f"/ppt/slides/slide{self.count + 1}.xml")
        slide_part = SlidePart.new(partname, self.part.package, layout.part)  # type: ignore[no-untyped-call]
        # a new part has no relationship to reuse: add one directly instead of python-pptx's get_or_add scan
        rid = self.part.rels._add_relationship(RT.SLIDE, slide_part)
        slide = slide_part.slide
        slide.shapes.clone_layout_placeholders(layout)
        self.id_list._add_sldId(id=self.next_id, rId=rid)
        self.next_id += 1
        self.count += 1
        return slide

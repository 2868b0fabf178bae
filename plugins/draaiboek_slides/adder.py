"""Slides and notes pages added in constant time per slide.

python-pptx's ``Slides.add_slide`` scans every relationship of the presentation for one to reuse and every
slide id for the largest, so a deck grew quadratically in its slides. :class:`SlideAdder` does the same steps
for one deck with the slide count and next id tracked here; names, ids and rIds come out as python-pptx's.

The placeholders python-pptx clones onto a new slide depend only on its layout (and a notes page's only on
the notes master), so the first slide of each layout in a deck is cloned by python-pptx and later ones get
copies of that result. ``reference`` turns the copies off (the tests compare both).
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

FRESH = 2  # a new slide's shape tree holds only nvGrpSpPr and grpSpPr


class SlideAdder:
    """Adds slides to one presentation (the only writer of its slide list while the deck is made)."""

    def __init__(self, prs: Any, reference: bool = False) -> None:
        self.prs = prs
        self.part = prs.part
        self.reference = reference
        self.cloned: dict[str, list[Any]] = {}  # layout part name -> the placeholders python-pptx cloned
        self.notes_cloned: list[Any] | None = None
        self.id_list = prs.slides._sldIdLst
        used = [int(value) for value in self.id_list.xpath("./p:sldId/@id")]
        self.next_id = max([255, *used]) + 1  # python-pptx: one above the largest id, at least 256
        self.count = len(self.id_list)

    def add(self, layout: Any) -> Any:
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.opc.packuri import PackURI
        from pptx.parts.slide import SlidePart

        if self.reference:  # python-pptx's own way, with its scans (the tests compare the two)
            self.count += 1
            return self.prs.slides.add_slide(layout)
        partname = PackURI(f"/ppt/slides/slide{self.count + 1}.xml")
        slide_part = SlidePart.new(partname, self.part.package, layout.part)  # type: ignore[no-untyped-call]
        # a new part has no relationship to reuse: add one directly instead of python-pptx's get_or_add scan
        rid = self.part.rels._add_relationship(RT.SLIDE, slide_part)
        slide = slide_part.slide
        tree = slide.shapes._spTree
        key = str(layout.part.partname)
        if key not in self.cloned:
            slide.shapes.clone_layout_placeholders(layout)
            self.cloned[key] = [deepcopy(shape) for shape in tree[FRESH:]]
        else:
            tree.extend(deepcopy(shape) for shape in self.cloned[key])
        self.id_list._add_sldId(id=self.next_id, rId=rid)
        self.next_id += 1
        self.count += 1
        return slide

    def notes_page(self, slide: Any) -> Any:
        """The slide's new notes page, as python-pptx's ``slide.notes_slide`` makes it."""
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.parts.slide import NotesSlidePart

        if self.reference or self.notes_cloned is None:
            page = slide.notes_slide
            self.notes_cloned = [deepcopy(shape) for shape in page.shapes._spTree[FRESH:]]
            return page
        master = self.part.notes_master_part  # made by the first page when the template has none
        notes_part = NotesSlidePart._add_notes_slide_part(  # type: ignore[no-untyped-call]
            self.part.package, slide.part, master)
        notes_part.notes_slide.shapes._spTree.extend(deepcopy(shape) for shape in self.notes_cloned)
        slide.part.relate_to(notes_part, RT.NOTES_SLIDE)
        return notes_part.notes_slide

"""House-style templates for the tests, built at test time with python-pptx (the tests own their fixtures).

Each builder starts from python-pptx's own default template (as ``draaiboek_slides._build_template`` does)
and makes it hard in one way an organisation's template can be hard:

| name | what makes it hard |
|---|---|
| ``only-title`` | every layout but "Title Slide" deleted: no layout for content slides (unusable) |
| ``layouts-deleted`` | several layouts deleted, seven sample slides left in |
| ``layouts-moved`` | the layouts in another order (Comparison first), seven sample slides |
| ``dutch`` | Dutch layout names in another order, without type attributes |
| ``decoy`` | one sample slide, with notes, on the content layout; it must not reach a deck |
| ``footers`` | date, footer text and slide number on the master and every layout |
| ``large-titles`` | 54 pt titles in a two-line title box: long titles must still fit |
| ``no-idx`` | layout placeholders without ``idx`` (as some editors write them) |
| ``no-slides`` | 4:3, no slides at all |

``libreoffice_saved`` adds one more: ``layouts-moved`` opened and saved again by LibreOffice Impress.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

WIDE = (Inches(13.333), Inches(7.5))
#: Titles of the sample slides every builder leaves in: none of them may reach a generated deck.
SAMPLE_TITLES = ("Voorbeeldtitel huisstijl", "Zo ziet een inhoudsdia eruit", "Verwijder deze dia")
FOOTER_TEXT = "Zorggroep De Linde · intern"
DUTCH = {"title": "Titeldia", "obj": "Titel en object", "secHead": "Sectiekop", "twoObj": "Twee objecten",
         "objTx": "Afsluiting"}
UNUSABLE = {"only-title"}

Builder = Callable[[], Any]


def _base(wide: bool = True) -> Any:
    prs = Presentation()
    if wide:
        prs.slide_width, prs.slide_height = WIDE
        _scale_layouts(prs, WIDE[0] / Inches(10))
    return prs


def _scale_layouts(prs: Any, factor: float) -> None:
    """python-pptx's template is 4:3; stretch every shape's x and width so a 16:9 one looks right."""
    for part in [prs.slide_master, *prs.slide_layouts]:
        for xfrm in part._element.iter(qn("a:xfrm")):
            off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
            if off is not None:
                off.set("x", str(int(int(off.get("x")) * factor)))
            if ext is not None:
                ext.set("cx", str(int(int(ext.get("cx")) * factor)))


def _layout(prs: Any, name: str) -> Any:
    return next(layout for layout in prs.slide_layouts if layout.name == name)


def _delete_layouts(prs: Any, keep: set[str]) -> None:
    for layout in list(prs.slide_layouts):
        if layout.name not in keep:
            prs.slide_layouts.remove(layout)


def _reorder_layouts(prs: Any, first: list[str]) -> None:
    """Put the named layouts first, the rest after them in reverse (PowerPoint keeps the id list's order)."""
    id_list = prs.slide_master._element.find(f"{qn('p:sldLayoutIdLst')}")
    entries = {layout.name: entry for layout, entry in zip(prs.slide_layouts, list(id_list), strict=True)}
    order = first + [name for name in reversed(list(entries)) if name not in first]
    for entry in list(id_list):
        id_list.remove(entry)
    for name in order:
        id_list.append(entries[name])


def _sample_slides(prs: Any, count: int) -> None:
    """Sample slides as a house-style template ships them: they show the style and must be dropped."""
    layouts = [_layout(prs, "Title Slide"), _layout(prs, "Title and Content")]
    for i in range(count):
        slide = prs.slides.add_slide(layouts[min(i, 1)])
        slide.shapes.title.text_frame.text = SAMPLE_TITLES[i % len(SAMPLE_TITLES)]
        for placeholder in slide.placeholders:
            if placeholder.placeholder_format.idx == 1:
                placeholder.text_frame.text = "Voorbeeldtekst in de huisstijl"
        slide.notes_slide.notes_text_frame.text = "Sprekersnotitie van het voorbeeld"


def only_title() -> Any:
    prs = _base()
    _delete_layouts(prs, {"Title Slide"})
    return prs


def layouts_deleted() -> Any:
    prs = _base()
    _delete_layouts(prs, {"Title Slide", "Section Header", "Title and Content", "Two Content", "Comparison",
                          "Content with Caption", "Blank"})
    _sample_slides(prs, 7)
    return prs


def layouts_moved() -> Any:
    prs = _base()
    _reorder_layouts(prs, ["Comparison", "Title Only", "Blank", "Content with Caption", "Title Slide"])
    _sample_slides(prs, 7)
    return prs


def dutch() -> Any:
    """Dutch names, no type attributes, in another order: the layouts can only be found by name."""
    prs = _base()
    for layout in prs.slide_layouts:
        kind = layout._element.get("type")
        if kind in DUTCH:
            layout.name = DUTCH[kind]
        layout._element.attrib.pop("type", None)
    _reorder_layouts(prs, ["Afsluiting", "Twee objecten", "Titel en object", "Sectiekop", "Titeldia"])
    return prs


def decoy() -> Any:
    prs = _base()
    slide = prs.slides.add_slide(_layout(prs, "Title and Content"))
    slide.shapes.title.text_frame.text = SAMPLE_TITLES[0]
    slide.placeholders[1].text_frame.text = "Gebruik deze dia als voorbeeld"
    slide.notes_slide.notes_text_frame.text = "Deze notitie hoort bij het voorbeeld"
    return prs


def footers() -> Any:
    """Date, footer and slide number with text on the master and every layout (python-pptx has the boxes)."""
    prs = _base()
    texts = {16: "1-1-2027", 15: FOOTER_TEXT}  # date, footer; the slide number keeps its number field
    for part in [prs.slide_master, *prs.slide_layouts]:
        for placeholder in part.placeholders:
            text = texts.get(int(placeholder.placeholder_format.type))
            if text:
                placeholder.text_frame.text = text
    return prs


def large_titles() -> Any:
    """54 pt bold titles in a box two lines high: a long session title wraps, and must still fit."""
    prs = _base()
    style = prs.slide_master._element.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
    rpr = style.find(qn("a:defRPr"))
    rpr.set("sz", str(int(Pt(54).pt * 100)))
    rpr.set("b", "1")
    for part in [prs.slide_master, *prs.slide_layouts]:
        for placeholder in part.placeholders:
            if placeholder.placeholder_format.type == 1:  # the title of content slides
                left, width = placeholder.left, placeholder.width  # inherited from the master if not set
                placeholder.left, placeholder.width = left, width
                placeholder.top, placeholder.height = Inches(0.3), Emu(int(Pt(54) * 2.4))
    return prs


def no_idx() -> Any:
    """Every layout placeholder without its ``idx`` attribute: to be matched by type and position."""
    prs = _base()
    for layout in prs.slide_layouts:
        for ph in layout._element.iter(qn("p:ph")):
            ph.attrib.pop("idx", None)
    return prs


def no_slides() -> Any:
    return _base(wide=False)


BUILDERS: dict[str, Builder] = {
    "only-title": only_title,
    "layouts-deleted": layouts_deleted,
    "layouts-moved": layouts_moved,
    "dutch": dutch,
    "decoy": decoy,
    "footers": footers,
    "large-titles": large_titles,
    "no-idx": no_idx,
    "no-slides": no_slides,
}


def build(name: str, folder: Path) -> Path:
    """Build one template into a folder; returns its path (``<name>.pptx``)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.pptx"
    BUILDERS[name]().save(str(target))
    return target


def build_all(folder: Path) -> dict[str, Path]:
    return {name: build(name, folder) for name in BUILDERS}


def libreoffice_saved(folder: Path) -> Path:
    """``layouts-moved`` opened and saved again by LibreOffice Impress (which writes placeholders its own way)."""
    from tests.support import soffice_convert

    source = build("layouts-moved", folder / "source")
    converted = soffice_convert(source, "pptx", folder / "converted")
    target = folder / "libreoffice-saved.pptx"
    converted.rename(target)
    return target

"""The renderer: puts a layout plan into a template with python-pptx. The only module importing pptx."""

from __future__ import annotations

import io
import zipfile
from importlib.resources import files
from pathlib import Path
from dataclasses import dataclass
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from draaiboek.errors import InputFileError
from draaiboek_slides import template
from draaiboek_slides.fit import INDENT, LINE_HEIGHT, PARA_SPACING, Box, line_count
from draaiboek.markdown import Para
from draaiboek_slides.package import FIXED_TIME, deterministic, stable_zip
from draaiboek_slides.plan import Geometry, SlidePlan

BODY_CAP = 24.0  # largest body font (pt) we let a template use: training slides carry a lot of text
TITLE_MIN = 20.0
POTX = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
SLIDE_IMAGE = 101
SECTION_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"


def default_template() -> Path:
    return Path(str(files("draaiboek_slides") / "default.pptx"))


def open_template(path: Path | None) -> Any:
    """The template as a Presentation (a .potx is opened as a presentation) with its own slides removed."""
    source = path or default_template()
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise InputFileError(f"cannot read template {source}: {exc.strerror or exc}") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
    except zipfile.BadZipFile:
        raise InputFileError(f"template {source} is not a .pptx or .potx file (not a zip archive)") from None
    types = parts.get("[Content_Types].xml", b"")
    if POTX in types:
        parts["[Content_Types].xml"] = types.replace(POTX, PPTX)
    try:
        prs = Presentation(io.BytesIO(stable_zip(parts)))
    except Exception as exc:  # python-pptx raises many kinds for broken packages
        raise InputFileError(f"template {source} is not a usable PowerPoint file: {exc}") from None
    remove_slides(prs)
    _SLOTS.clear()
    return prs


def remove_slides(prs: Any) -> None:
    """Drop the template's own slides together with their relationships, sections and custom shows."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        id_list.remove(slide_id)
        prs.part.drop_rel(slide_id.rId)
    root = prs.part._element
    for element in root.findall(qn("p:custShowLst")):
        root.remove(element)
    for ext in root.findall(f"{qn('p:extLst')}/{qn('p:ext')}"):
        if ext.get("uri") == SECTION_EXT:
            ext.getparent().remove(ext)


def _style_size(element: Any, path: str) -> float | None:
    found = element.xpath(path)
    return int(found[0]) / 100 if found else None


def font_size(placeholder: Any, master: Any, style: str) -> float:
    """Level-1 font size of a placeholder: its own list style, its layout's and master's, else the master text style."""
    current = placeholder
    while current is not None:
        size = _style_size(current._element, "./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/@sz")
        if size:
            return size
        current = getattr(current, "_base_placeholder", None)
    return _style_size(master._element, f"./p:txStyles/p:{style}/a:lvl1pPr/a:defRPr/@sz") or 18.0


@dataclass(frozen=True)
class Slot:
    """A layout placeholder as the renderer needs it: kind, position and size (pt), level-1 font size."""

    idx: int
    kind: int
    left: int
    top: int
    width: float
    height: float
    font: float

    @property
    def box(self) -> Box:
        return Box(self.width, self.height, min(self.font, BODY_CAP))


#: Per deck (cleared by open_template); holds the element too, so its id cannot be reused meanwhile.
_SLOTS: dict[int, tuple[Any, dict[int, Slot]]] = {}


def layout_slots(layout: Any) -> dict[int, Slot]:
    """The placeholders of a layout by idx (read once per layout: python-pptx looks them up by XPath)."""
    key = id(layout._element)
    if key not in _SLOTS:
        master = layout.slide_master
        slots = {}
        for ph in layout.placeholders:
            fmt = ph.placeholder_format
            kind = int(fmt.type)
            style = "titleStyle" if kind in template.TITLES else "bodyStyle"
            slots[fmt.idx] = Slot(fmt.idx, kind, int(ph.left or 0), int(ph.top or 0), Emu(ph.width or 0).pt,
                                  Emu(ph.height or 0).pt, font_size(ph, master, style))
        _SLOTS[key] = (layout._element, slots)
    return _SLOTS[key][1]


def text_slots(layout: Any) -> list[Slot]:
    """Body, object and subtitle placeholders: subtitle first, then left to right, top to bottom."""
    slots = [s for s in layout_slots(layout).values() if s.kind in template.TEXT_SLOTS | {template.SUBTITLE}]
    return sorted(slots, key=lambda s: (s.kind != template.SUBTITLE, s.left, s.top))


def geometry(matches: dict[str, template.Match | None]) -> Geometry:
    content = matches["content"]
    assert content is not None
    main = text_slots(content.layout)[0].box
    two = matches["two_columns"]
    if two is None:
        return Geometry(main)
    left, right = (slot.box for slot in text_slots(two.layout)[:2])
    return Geometry(main, left, right)


def write_paras(frame: Any, paras: list[Para], box: Box | None, capped: bool) -> None:
    """Paragraphs with real bold/italic/links and explicit bullets and indents."""
    frame.clear()
    for index, para in enumerate(paras):
        p = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        ppr = p._p.get_or_add_pPr()
        if para.level > 0:
            ppr.set("lvl", str(min(para.level - 1, 8)))
        if box is not None:
            ppr.set("marL", str(int(Pt(INDENT * para.level))))
            hang = {"bullet": 18.0, "number": min(INDENT * para.level, 1.25 * box.font_for(para.level))}
            ppr.set("indent", str(int(Pt(-hang.get(para.bullet, 0.0)))) if para.level else "0")
            if index:
                p.space_before = Pt(round(PARA_SPACING * box.font_for(para.level)))
            p.line_spacing = 1.0
        _bullet(ppr, para)
        if box is not None and any("\t" in run.text for run in para.runs):
            _tab_stop(ppr, Pt(box.font * 7))
        for run in para.runs:
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
                if capped and box is not None:
                    r.font.size = Pt(box.font_for(para.level))


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
    if para.bullet != "none":
        added.append(etree.Element(qn("a:buClrTx")))
    if para.bullet == "bullet":
        added.append(etree.Element(qn("a:buChar"), {"char": "•" if para.level < 2 else "–"}))
    elif para.bullet == "number":
        added.append(etree.Element(qn("a:buAutoNum"), {"type": "arabicPeriod", "startAt": str(para.number)}))
    else:
        added.append(etree.Element(qn("a:buNone")))
    follower = next((ppr.find(qn(t)) for t in ("a:tabLst", "a:defRPr", "a:extLst")
                     if ppr.find(qn(t)) is not None), None)
    for element in added:
        if follower is not None:
            follower.addprevious(element)
        else:
            ppr.append(element)


def _title_size(text: str, slot: Slot) -> float | None:
    """A smaller title size when the template's size would not fit the title box; None keeps it."""
    for candidate in range(int(slot.font), int(TITLE_MIN) - 1, -2):
        allowed = max(1, min(2, int((slot.height - 7.2) / (LINE_HEIGHT * candidate))))
        if line_count(text, Box(slot.width, 0, candidate).chars_per_line()) <= allowed:
            return None if candidate == int(slot.font) else float(candidate)
    return TITLE_MIN


def add_slide(prs: Any, plan: SlidePlan, matches: dict[str, template.Match | None]) -> Any:
    match = matches[plan.role]
    assert match is not None
    slide = prs.slides.add_slide(match.layout)
    slots = layout_slots(match.layout)
    placeholders = {ph.placeholder_format.idx: ph for ph in slide.placeholders}
    used: set[int] = set()
    title_idx = next((i for i in placeholders if i in slots and slots[i].kind in template.TITLES), None)
    if title_idx is not None:
        frame = placeholders[title_idx].text_frame
        frame.text = plan.title
        size = _title_size(plan.title, slots[title_idx])
        if size:
            for run in frame.paragraphs[0].runs:
                run.font.size = Pt(size)
        used.add(title_idx)
    columns = [plan.body, plan.right] if plan.role == "two_columns" else [plan.body]
    bodies = [slot for slot in text_slots(match.layout) if slot.idx in placeholders]
    for column, slot in zip(columns, bodies):
        if not column:
            continue
        box = None if plan.role in ("title", "section") else slot.box
        write_paras(placeholders[slot.idx].text_frame, column, box, box is not None and slot.font > BODY_CAP)
        used.add(slot.idx)
    for idx, placeholder in placeholders.items():
        if idx not in used:
            placeholder._element.getparent().remove(placeholder._element)
    write_notes(slide, plan.notes or [])
    return slide


def write_notes(slide: Any, notes: list[Para]) -> None:
    page = slide.notes_slide
    frame = page.notes_text_frame
    if frame is None:  # the notes master has no body placeholder
        shapes = page.shapes
        element = shapes._spTree.add_textbox(shapes._next_shape_id, "Notes", 457200, 4572000, 6400800, 4114800)
        frame = shapes._shape_factory(element).text_frame
        frame.word_wrap = True
    write_paras(frame, notes, None, False)
    for placeholder in list(page.placeholders):
        kind = int(placeholder.placeholder_format.type)
        if kind not in (template.BODY, SLIDE_IMAGE) and not (placeholder.has_text_frame and placeholder.text_frame.text):
            placeholder._element.getparent().remove(placeholder._element)


def render(prs: Any, plans: list[SlidePlan], matches: dict[str, template.Match | None], props: dict[str, str]) -> bytes:
    """The deck as bytes, with fixed document properties and zip entry times."""
    for plan in plans:
        add_slide(prs, plan, matches)
    core = prs.core_properties
    core.author = props.get("author", "draaiboek")
    core.last_modified_by = "draaiboek"
    core.title = props.get("title", "")
    core.subject = props.get("subject", "")
    core.keywords = ""
    core.comments = ""
    core.category = ""
    core.revision = 1
    core.created = FIXED_TIME
    core.modified = FIXED_TIME
    core.last_printed = FIXED_TIME
    buffer = io.BytesIO()
    prs.save(buffer)
    return deterministic(buffer.getvalue())

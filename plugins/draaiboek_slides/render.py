"""The renderer: puts a layout plan into a template with python-pptx (paragraph text: paragraphs.py)."""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from draaiboek.errors import InputFileError
from draaiboek_slides import template
from draaiboek_slides.deck import Geometry, SlidePlan
from draaiboek_slides.fit import LINE_HEIGHT, Box, line_count
from draaiboek_slides.package import FIXED_TIME, core_text, deterministic, fast_partnames, read_template, stable_zip
from draaiboek_slides.paragraphs import write_notes, write_paras

TITLE_MIN = 20.0
TITLE_GLYPHS = 1.2  # titles are often bold and large: wider glyphs than the body estimate
SLIDE_NUMBER, FOOTER, DATE = 13, 15, 16
FURNITURE = (DATE, FOOTER, SLIDE_NUMBER)
PROMPTS = {"footer", "voettekst", "fußzeile", "pied de page"}  # sample texts, not a house-style footer
FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # fixed, so the same input gives the same bytes
POTX = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
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
    parts = read_template(data, str(source))  # caps, macros, external links, entities, placeholder attributes
    types = parts.get("[Content_Types].xml", b"")
    if POTX in types:
        parts["[Content_Types].xml"] = types.replace(POTX, PPTX)
    try:
        prs = Presentation(io.BytesIO(stable_zip(parts)))
    except Exception as exc:  # python-pptx raises many kinds for broken packages (messages show a BytesIO)
        raise InputFileError(f"template {source} is not a usable PowerPoint file ({type(exc).__name__})") from None
    remove_slides(prs)
    fast_partnames(prs.part.package)
    _SLOTS.clear()
    _PIECES.clear()
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
        return (_family(self.kind), self.nth)


def _family(kind: int) -> int:
    """Title and centred title count as one kind when matching a slide's placeholders to its layout's."""
    return template.TITLE if kind in template.TITLES else kind


#: Per deck (cleared by open_template); holds the element too, so its id cannot be reused meanwhile.
_SLOTS: dict[int, tuple[Any, list[Slot]]] = {}


def layout_slots(layout: Any) -> list[Slot]:
    """The placeholders of a layout in document order (read once per layout: python-pptx uses XPath)."""
    key = id(layout._element)
    if key not in _SLOTS:
        master = layout.slide_master
        slots: list[Slot] = []
        seen: dict[int, int] = {}
        for ph in layout.placeholders:
            kind = int(ph.placeholder_format.type)
            nth = seen.get(_family(kind), 0)
            seen[_family(kind)] = nth + 1
            style = "titleStyle" if kind in template.TITLES else "bodyStyle"
            place = (int(ph.left or 0), int(ph.top or 0), int(ph.width or 0), int(ph.height or 0))
            slots.append(Slot(nth, kind, int(ph.left or 0), int(ph.top or 0), place, Emu(ph.width or 0).pt,
                              Emu(ph.height or 0).pt, font_size(ph, master, style)))
        _SLOTS[key] = (layout._element, clear_of_title(slots))
    return _SLOTS[key][1]


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


def text_slots(layout: Any) -> list[Slot]:
    """Body, object and subtitle placeholders: subtitle first, then left to right, top to bottom."""
    slots = [s for s in layout_slots(layout) if s.kind in template.TEXT_SLOTS | {template.SUBTITLE}]
    return sorted(slots, key=lambda s: (s.kind != template.SUBTITLE, s.left, s.top))


def title_slot(layout: Any) -> Slot | None:
    return next((s for s in layout_slots(layout) if s.kind in template.TITLES), None)


def slide_placeholders(slide: Any) -> dict[tuple[int, int], Any]:
    """The slide's placeholders by (kind, place among that kind), the key :class:`Slot` uses."""
    out: dict[tuple[int, int], Any] = {}
    seen: dict[int, int] = {}
    for ph in slide.placeholders:
        family = _family(int(ph.placeholder_format.type))
        out[(family, seen.get(family, 0))] = ph
        seen[family] = seen.get(family, 0) + 1
    return out


def geometry(matches: dict[str, template.Match | None]) -> Geometry:
    content = matches["content"]
    assert content is not None
    main = text_slots(content.layout)[0].box
    two = matches["two_columns"]
    columns = text_slots(two.layout) if two is not None else []
    if len(columns) < 2:
        return Geometry(main)
    return Geometry(main, columns[0].box, columns[1].box)


def _title_lines(slot: Slot, size: float, most: int) -> int:
    return max(1, min(most, int((slot.height - 7.2) / (LINE_HEIGHT * size))))


def title_size(titles: list[str], slot: Slot, most: int) -> float:
    """One title size for every slide on a layout: the template's, or the largest smaller size (not below
    :data:`TITLE_MIN`) at which every title fits its box in at most ``most`` lines."""
    size = slot.font
    while size > TITLE_MIN:
        width = Box(slot.width, 0, size * TITLE_GLYPHS).chars_per_line()
        if all(line_count(t, width) <= _title_lines(slot, size, most) for t in titles):
            return size
        size = max(TITLE_MIN, size - 2)
    return TITLE_MIN


def fitted_title(title: str, slot: Slot, size: float, most: int) -> str:
    """The title, cut at a word with an ellipsis when even the smallest size cannot hold it."""
    width, lines = Box(slot.width, 0, size * TITLE_GLYPHS).chars_per_line(), _title_lines(slot, size, most)
    words = title.split()
    while len(words) > 1 and line_count(" ".join(words), width) > lines:
        words = words[:-1]
        title = " ".join(words).rstrip(",;:–-") + "…"
        if line_count(title, width) <= lines:
            return title
    return title


@dataclass(frozen=True)
class Furniture:
    """What goes into the layouts' footer, date and slide-number placeholders."""

    footer: str
    date: str | None
    language: str = "nl"


def add_slide(prs: Any, plan: SlidePlan, matches: dict[str, template.Match | None], title_sizes: dict[int, float],
              furniture: Furniture | None = None) -> Any:
    match = matches[plan.role]
    assert match is not None
    slide = prs.slides.add_slide(match.layout)
    placeholders = slide_placeholders(slide)
    used: set[tuple[int, int]] = set()
    slot = title_slot(match.layout)
    if slot is not None and slot.key in placeholders:
        size = title_sizes.get(id(match.layout._element), slot.font)
        frame = placeholders[slot.key].text_frame
        frame.text = fitted_title(plan.title, slot, size, _most_lines(plan))
        for run in frame.paragraphs[0].runs:
            run.font.size = Pt(size)
        _place(placeholders[slot.key], slot)
        used.add(slot.key)
    columns = [plan.body, plan.right] if plan.role == "two_columns" else [plan.body]
    bodies = [s for s in text_slots(match.layout) if s.key in placeholders]
    for column, body in zip(columns, bodies, strict=False):  # a layout may have fewer boxes than columns
        if not column:
            continue
        box = None if plan.role in ("title", "section") else Box(body.width, body.height, plan.font or body.font)
        write_paras(placeholders[body.key].text_frame, column, box, box.font if box is not None else None)
        _place(placeholders[body.key], body)
        used.add(body.key)
    for key, placeholder in placeholders.items():
        if key not in used:
            placeholder._element.getparent().remove(placeholder._element)
    if furniture is not None and plan.role != "title":
        add_furniture(slide, match.layout, furniture, len(prs.slides))
    write_notes(slide, plan.notes or [])
    return slide


def _inherited_body(placeholder: Any, master: Any, kind: int) -> Any:
    """The text body whose list style the placeholder uses: its own when it sets one, else the master's."""
    own = placeholder._element.find(qn("p:txBody"))
    if own is not None and own.find(f"{qn('a:lstStyle')}/*") is not None:
        return own
    for candidate in master.placeholders:
        if int(candidate.placeholder_format.type) == kind:
            return candidate._element.find(qn("p:txBody"))
    return own


def one_line(text: str, chars: int) -> str:
    """Footer and date stay on one line of their box: a long text is cut at a word, with an ellipsis."""
    words = text.split()
    while len(words) > 1 and len(" ".join(words)) > chars:
        words = words[:-1]
    short = " ".join(words)
    return short if short == text.strip() else short.rstrip(",;:–-—") + "…"


def _place(placeholder: Any, slot: Slot) -> None:
    """The layout's position, written on the slide: a placeholder without ``idx`` may inherit another's."""
    if all(slot.emu[2:]):
        placeholder.left, placeholder.top, placeholder.width, placeholder.height = slot.emu


def _most_lines(plan: SlidePlan) -> int:
    return 3 if plan.role in ("title", "section") else 2


@dataclass(frozen=True)
class Piece:
    """A footer, date or slide-number placeholder of a layout, read once per deck."""

    placeholder: Any
    kind: int
    own: str  # the layout's own footer text (house style), not a prompt
    body_pr: Any
    list_style: Any
    chars: int


#: Per deck (cleared by open_template), like _SLOTS.
_PIECES: dict[int, tuple[Any, list[Piece]]] = {}


def layout_pieces(layout: Any) -> list[Piece]:
    from lxml import etree

    key = id(layout._element)
    if key not in _PIECES:
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
                                parts[1] if parts[1] is not None else etree.Element(qn("a:lstStyle")), chars))
        _PIECES[key] = (layout._element, pieces)
    return _PIECES[key][1]


def add_furniture(slide: Any, layout: Any, furniture: Furniture, number: int) -> None:
    """Footer, date and slide number where the layout has placeholders for them (python-pptx leaves them out)."""
    from lxml import etree

    for piece in layout_pieces(layout):
        kind = piece.kind
        if (kind == DATE and not furniture.date) or (kind == FOOTER and not (piece.own or furniture.footer)):
            continue
        slide.shapes.clone_placeholder(piece.placeholder)
        sp = slide.shapes._spTree[-1]
        for old in sp.findall(qn("p:txBody")):
            sp.remove(old)
        body = etree.SubElement(sp, qn("p:txBody"))
        body.append(deepcopy(piece.body_pr))
        body.append(deepcopy(piece.list_style))
        paragraph = etree.SubElement(body, qn("a:p"))
        if kind == SLIDE_NUMBER:
            field = etree.SubElement(paragraph, qn("a:fld"), {"id": FIELD_ID, "type": "slidenum"})
            etree.SubElement(field, qn("a:rPr"))
            etree.SubElement(field, qn("a:t")).text = str(number)
        else:
            run = etree.SubElement(paragraph, qn("a:r"))
            etree.SubElement(etree.SubElement(run, qn("a:rPr")), qn("a:latin"), {"typeface": "+mn-lt"})
            text = piece.own or (furniture.footer if kind == FOOTER else furniture.date or "")
            etree.SubElement(run, qn("a:t")).text = one_line(text, piece.chars)


def title_sizes(plans: list[SlidePlan], matches: dict[str, template.Match | None]) -> dict[int, float]:
    """Per layout (by element id) the one title size its slides use in this deck."""
    titles: dict[int, tuple[Slot, int, list[str]]] = {}
    for plan in plans:
        match = matches[plan.role]
        slot = title_slot(match.layout) if match is not None else None
        if match is None or slot is None:
            continue
        entry = titles.setdefault(id(match.layout._element), (slot, _most_lines(plan), []))
        entry[2].append(plan.title)
    return {key: title_size(texts, slot, most) for key, (slot, most, texts) in titles.items()}


def render(prs: Any, plans: list[SlidePlan], matches: dict[str, template.Match | None], props: dict[str, str]) -> bytes:
    """The deck as bytes, with fixed document properties and zip entry times."""
    sizes = title_sizes(plans, matches)
    furniture = Furniture(props.get("footer", ""), props.get("date") or None, props.get("language", "nl"))
    for plan in plans:
        add_slide(prs, plan, matches, sizes, furniture)
    core = prs.core_properties
    core.author = core_text(props.get("author", "draaiboek"))  # python-pptx refuses more than 255 characters
    core.last_modified_by = "draaiboek"
    core.title = core_text(props.get("title", ""))
    core.subject = core_text(props.get("subject", ""))
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

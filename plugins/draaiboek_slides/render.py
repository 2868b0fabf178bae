"""The renderer: puts a layout plan into a fresh copy of the template (paragraph text: paragraphs.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from draaiboek_slides.adder import SlideAdder
from draaiboek_slides.deck import SlidePlan
from draaiboek_slides.direct import DirectWriter
from draaiboek_slides.fit import LINE_HEIGHT, Box, line_count
from draaiboek_slides.furniture import Furniture, add_furniture
from draaiboek_slides.layouts import TITLE_GLYPHS, Slot
from draaiboek_slides.loaded import Deck, Templates, default_template
from draaiboek_slides.package import FIXED_TIME, core_text, save_stable
from draaiboek_slides.paragraphs import PptxWriter

__all__ = ["default_template", "open_template", "render"]

TITLE_MIN = 20.0
Writer = PptxWriter | DirectWriter


def open_template(path: Path | None) -> Any:
    """The template as a Presentation (a .potx is opened as a presentation) with its own slides removed."""
    return Templates().get(path).presentation()


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


def add_slide(deck: Deck, adder: SlideAdder, writer: Writer, plan: SlidePlan, title_sizes: dict[str, float],
              furniture: Furniture | None = None) -> Any:
    match, role = deck.matches[plan.role], deck.roles[plan.role]
    assert match is not None
    slide = adder.add(match.layout)
    placeholders = writer.placeholders(slide)
    used: set[tuple[int, int]] = set()
    slot = role.title
    if slot is not None and slot.key in placeholders:
        size = title_sizes.get(role.partname, slot.font)
        writer.title(slide, placeholders[slot.key], fitted_title(plan.title, slot, size, _most_lines(plan)), size)
        writer.place(slide, placeholders[slot.key], slot)
        used.add(slot.key)
    columns = [plan.body, plan.right] if plan.role == "two_columns" else [plan.body]
    bodies = [s for s in role.texts if s.key in placeholders]
    for column, body in zip(columns, bodies, strict=False):  # a layout may have fewer boxes than columns
        if not column:
            continue
        box = None if plan.role in ("title", "section") else Box(body.width, body.height, plan.font or body.font)
        writer.body(slide, placeholders[body.key], column, box, box.font if box is not None else None)
        writer.place(slide, placeholders[body.key], body)
        used.add(body.key)
    for key, placeholder in placeholders.items():
        if key not in used:
            writer.remove(placeholder)
    if furniture is not None and plan.role != "title":
        add_furniture(slide, role.pieces, furniture, adder.count, adder.reference)
    writer.notes(adder.notes_page(slide), plan.notes or [])
    return slide


def _most_lines(plan: SlidePlan) -> int:
    return 3 if plan.role in ("title", "section") else 2


def title_sizes(plans: list[SlidePlan], deck: Deck) -> dict[str, float]:
    """Per layout (by part name) the one title size its slides use in this deck."""
    titles: dict[str, tuple[Slot, int, list[str]]] = {}
    for plan in plans:
        role = deck.roles.get(plan.role)
        if deck.matches[plan.role] is None or role is None or role.title is None:
            continue
        entry = titles.setdefault(role.partname, (role.title, _most_lines(plan), []))
        entry[2].append(plan.title)
    return {key: title_size(texts, slot, most) for key, (slot, most, texts) in titles.items()}


def render(deck: Deck, plans: list[SlidePlan], props: dict[str, str], reference: bool = False) -> bytes:
    """The deck as bytes, with fixed document properties and zip entry times. ``reference`` writes every
    slide through python-pptx's own API (the tests compare it with the direct writer)."""
    sizes = title_sizes(plans, deck)
    furniture = Furniture(props.get("footer", ""), props.get("date") or None, props.get("language", "nl"))
    adder = SlideAdder(deck.prs, reference)
    writer: Writer = PptxWriter() if reference else DirectWriter()
    for plan in plans:
        add_slide(deck, adder, writer, plan, sizes, furniture)
    core = deck.prs.core_properties
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
    return save_stable(deck.prs.part.package)

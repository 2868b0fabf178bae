"""Finding the template's layout for each slide role: by type attribute, then Dutch/English name, then
placeholders. Works on python-pptx objects passed in; it never imports pptx itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from draaiboek_slides.plan import ROLES

# Placeholder type values (ST_PlaceholderType as python-pptx numbers them).
TITLE, BODY, CENTER_TITLE, SUBTITLE, OBJECT = 1, 2, 3, 4, 7
TEXT_SLOTS = {BODY, OBJECT}
TITLES = {TITLE, CENTER_TITLE}

TYPES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "section": ("secHead",),
    "content": ("obj", "tx"),
    "two_columns": ("twoObj", "twoColTx"),
    "closing": (),
}
NAMES: dict[str, tuple[str, ...]] = {
    "title": ("titeldia", "title slide", "titelpagina", "titel"),
    "section": ("sectiekop", "section header", "section title", "sectietitel", "tussenblad"),
    "content": ("titel en object", "titel en tekst", "titel en inhoud", "title and content", "title and text",
                "title, content", "inhoud"),
    "two_columns": ("twee objecten", "inhoud van twee", "twee kolommen", "two content", "two columns",
                    "two objects", "vergelijking"),
    "closing": ("afsluiting", "slotdia", "einde", "closing", "end", "conclusion", "afsluitdia"),
}
#: A role without a layout of its own borrows another role's layout.
FALLBACK: dict[str, str] = {"section": "title", "closing": "content"}
REQUIRED = ("title", "content")
ROLE_NAMES = {"title": "title", "section": "section", "content": "content", "two_columns": "two columns",
              "closing": "closing", "notes": "notes"}


@dataclass(frozen=True)
class Match:
    """The layout found for a role and how it was found (for ``template check``)."""

    layout: Any
    how: str

    @property
    def name(self) -> str:
        return str(self.layout.name)


def normalise(name: str) -> str:
    """'1_Titel en object 2' -> 'titel en object'."""
    name = re.sub(r"^\d+_", "", name.strip().lower())
    return re.sub(r"[\s_]*\d+$", "", name).strip()


def placeholder_types(layout: Any) -> list[int]:
    return [int(ph.placeholder_format.type) for ph in layout.placeholders]


def text_slots(layout: Any) -> list[Any]:
    """The layout's body/object placeholders, left to right, top to bottom."""
    slots = [ph for ph in layout.placeholders if int(ph.placeholder_format.type) in TEXT_SLOTS]
    return sorted(slots, key=lambda ph: (int(ph.left or 0), int(ph.top or 0)))


def usable(role: str, layout: Any) -> bool:
    """Whether a layout has the placeholders a role needs."""
    types = placeholder_types(layout)
    has_title = any(t in TITLES for t in types)
    if role in ("title", "section"):
        return has_title
    if role == "two_columns":
        return has_title and len(text_slots(layout)) == 2
    return has_title and len(text_slots(layout)) >= 1


def by_signature(role: str, layout: Any) -> bool:
    types = placeholder_types(layout)
    slots = [t for t in types if t in TEXT_SLOTS]
    if role == "title":
        return CENTER_TITLE in types and SUBTITLE in types
    if role == "content":
        return TITLE in types and len(slots) == 1 and SUBTITLE not in types
    if role == "two_columns":
        return TITLE in types and len(slots) == 2 and BODY not in types[:2]
    return False


def find_layout(role: str, layouts: list[Any]) -> Match | None:
    for layout in layouts:
        kind = layout._element.get("type")
        if kind in TYPES[role] and usable(role, layout):
            return Match(layout, f"type {kind}")
    for layout in layouts:
        if normalise(layout.name) in NAMES[role] and usable(role, layout):
            return Match(layout, f"name {layout.name!r}")
    for layout in layouts:
        if by_signature(role, layout) and usable(role, layout):
            return Match(layout, "placeholders")
    return None


def all_layouts(prs: Any) -> list[Any]:
    return [layout for master in prs.slide_masters for layout in master.slide_layouts]


def resolve(prs: Any) -> dict[str, Match | None]:
    """Every role -> its layout match (fallbacks included); None when nothing fits."""
    layouts = all_layouts(prs)
    found: dict[str, Match | None] = {role: find_layout(role, layouts) for role in ROLES}
    for role, other in FALLBACK.items():
        backup = found[other]
        if found[role] is None and backup is not None:
            found[role] = Match(backup.layout, f"fallback: {ROLE_NAMES[other]} layout")
    return found


def missing_message(path: str, matches: dict[str, Match | None], prs: Any) -> str | None:
    """The one-line error for a template that lacks a required role, or None when it is usable."""
    missing = [ROLE_NAMES[r] for r in REQUIRED if matches.get(r) is None]
    if not missing:
        return None
    wanted = {"title": "'Title Slide'/'Titeldia' or type title",
              "content": "'Title and Content'/'Titel en object', type obj, or a title + body placeholder"}
    need = "; ".join(f"{ROLE_NAMES[r]} slides ({wanted[r]})" for r in REQUIRED if matches.get(r) is None)
    names = ", ".join(repr(layout.name) for layout in all_layouts(prs)) or "none"
    return f"template {path} has no layout for {need}; its layouts: {names}"


NOTES_MASTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster"


def has_notes_master(prs: Any) -> bool:
    return any(rel.reltype == NOTES_MASTER for rel in prs.part.rels.values())


def notes_status(prs: Any) -> tuple[str, str]:
    """Where speaker notes go, and why: the template's notes master, or python-pptx's default one."""
    if not has_notes_master(prs):
        return "default notes master", "the template has none"
    if any(int(ph.placeholder_format.type) == BODY for ph in prs.notes_master.placeholders):
        return "notes master", "body placeholder"
    return "text box", "the notes master has no body placeholder"

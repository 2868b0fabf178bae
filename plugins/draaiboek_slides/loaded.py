"""Templates read once per export: the cleaned package, each role's layout with its slots and furniture,
and the deck geometry. Each deck opens a fresh presentation from the cached bytes (no module-level state:
the :class:`Templates` store belongs to the exporter that made it)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn

from draaiboek.errors import InputFileError
from draaiboek_slides import template
from draaiboek_slides.deck import Geometry
from draaiboek_slides.layouts import Piece, Slot, read_pieces, read_slots, text_slots, title_slot
from draaiboek_slides.package import fast_partnames, read_template, stable_zip

POTX = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
SECTION_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
KEPT = 4  # templates one store holds (a build uses one; a long-lived caller may try a few)


def default_template() -> Path:
    return Path(str(files("draaiboek_slides") / "default.pptx"))


@dataclass(frozen=True)
class RoleLayout:
    """A role's layout as read from the template: its part name (the same in every deck), slots and furniture."""

    partname: str
    slots: list[Slot]
    texts: list[Slot]
    title: Slot | None
    pieces: list[Piece]


@dataclass(frozen=True)
class Deck:
    """One deck being written: a fresh presentation, its layout per role and the template's readings."""

    prs: Any
    matches: dict[str, template.Match | None]
    roles: dict[str, RoleLayout]


class LoadedTemplate:
    """A template read, cleaned and resolved once; :meth:`open` gives each deck its own presentation."""

    def __init__(self, source: Path, data: bytes) -> None:
        parts = read_template(data, str(source))  # caps, macros, external links, entities, placeholder attributes
        types = parts.get("[Content_Types].xml", b"")
        if POTX in types:
            parts["[Content_Types].xml"] = types.replace(POTX, PPTX)
        self.source = source
        self.package = stable_zip(parts)
        self.reading = self.presentation()  # kept: the furniture pieces point into its layouts
        self.matches = template.resolve(self.reading)
        self.roles: dict[str, RoleLayout] = {}
        for role, match in self.matches.items():
            if match is not None:
                slots = read_slots(match.layout)
                self.roles[role] = RoleLayout(str(match.layout.part.partname), slots, text_slots(slots),
                                              title_slot(slots), read_pieces(match.layout))

    def presentation(self) -> Any:
        """The template as a Presentation (a .potx is opened as a presentation) with its own slides removed."""
        try:
            prs = Presentation(io.BytesIO(self.package))
        except Exception as exc:  # python-pptx raises many kinds for broken packages (messages show a BytesIO)
            raise InputFileError(f"template {self.source} is not a usable PowerPoint file "
                                 f"({type(exc).__name__})") from None
        remove_slides(prs)
        fast_partnames(prs.part.package)
        return prs

    def geometry(self) -> Geometry:
        main = self.roles["content"].texts[0].box
        two = self.roles.get("two_columns")
        columns = two.texts if two is not None else []
        if len(columns) < 2:
            return Geometry(main)
        return Geometry(main, columns[0].box, columns[1].box)

    def open(self) -> Deck:
        prs = self.presentation()
        layouts = {str(layout.part.partname): layout for layout in template.all_layouts(prs)}
        matches: dict[str, template.Match | None] = {
            role: None if match is None else template.Match(layouts[self.roles[role].partname], match.how)
            for role, match in self.matches.items()}
        return Deck(prs, matches, self.roles)


class Templates:
    """The templates an exporter has read, by path and content: every deck of a build shares one reading."""

    def __init__(self) -> None:
        self._loaded: dict[tuple[str, bytes], LoadedTemplate] = {}

    def get(self, path: Path | None) -> LoadedTemplate:
        source = path or default_template()
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise InputFileError(f"cannot read template {source}: {exc.strerror or exc}") from None
        key = (str(source), hashlib.sha256(data).digest())
        if key not in self._loaded:
            if len(self._loaded) >= KEPT:
                self._loaded.clear()
            self._loaded[key] = LoadedTemplate(source, data)
        return self._loaded[key]


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

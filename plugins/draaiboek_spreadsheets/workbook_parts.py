"""Finds the parts of an .xlsx package that a filled meter is read from: sheets by name, shared strings.

Only the content types, the workbook, its relationships and the shared strings are parsed; styles, themes,
properties and the other sheets are never touched. Parts are located the way openpyxl locates them, so a file
that openpyxl read gives the same sheets and strings here. No part may declare a DOCTYPE (no entities, no XXE).
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any

from draaiboek_spreadsheets.sheetxml import SheetDamaged
from draaiboek_spreadsheets.workbook_io import MAX_WHOLE_PART

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.%s.main+xml"
_MACRO = "application/vnd.ms-excel.%s.macroEnabled.main+xml"
#: openpyxl's order: a macro template first, a plain workbook last.
WORKBOOK_TYPES = (_MACRO % "template", _WORKBOOK % "template", _MACRO % "sheet", _WORKBOOK % "sheet")
SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


@dataclass(frozen=True)
class Sheet:
    name: str
    path: str
    chart: bool


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_part(archive: zipfile.ZipFile, name: str) -> Any:
    """The root element of a small part, parsed whole as openpyxl does (same errors), but refusing a DOCTYPE."""
    from lxml import etree

    if archive.getinfo(name).file_size > MAX_WHOLE_PART:
        raise SheetDamaged(f"{name} is too large for a meter")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root: Any = etree.fromstring(archive.read(name), parser)
    if root.getroottree().docinfo.doctype:
        raise SheetDamaged(f"{name} declares a DOCTYPE")
    return root


def find_parts(archive: zipfile.ZipFile) -> tuple[list[Sheet], str | None]:
    """The sheets in workbook order (those whose part exists) and the shared strings part, if any."""
    types = parse_part(archive, "[Content_Types].xml")
    overrides = [(o.get("PartName"), o.get("ContentType")) for o in types if _local(o.tag) == "Override"]
    defaults = {d.get("ContentType") for d in types if _local(d.tag) == "Default"}
    workbook = next((part for kind in WORKBOOK_TYPES for part, ct in overrides if ct == kind and part), None)
    if workbook is None:
        if not defaults & set(WORKBOOK_TYPES):
            raise OSError("File contains no valid workbook part")
        workbook = "/xl/workbook.xml"
    strings = next((part[1:] for part, ct in overrides if ct == SHARED_STRINGS and part is not None), None)
    return _sheets(archive, workbook[1:]), strings


def _sheets(archive: zipfile.ZipFile, workbook: str) -> list[Sheet]:
    listed: list[Any] = []
    for element in parse_part(archive, workbook):
        if _local(element.tag) == "sheets":
            listed = [sheet for sheet in element if isinstance(sheet.tag, str)]  # the last <sheets> counts
    folder, name = posixpath.split(workbook)
    rels_path = posixpath.join(folder, "_rels", f"{name}.rels")
    rels = {}
    for number, rel in enumerate((r for r in parse_part(archive, rels_path) if _local(r.tag) == "Relationship"), 1):
        rels[rel.get("Id") or f"rId{number}"] = rel
    present = set(archive.namelist())
    sheets = []
    for sheet in listed:
        rel_id = sheet.get(_REL_ID)
        if not rel_id:  # openpyxl leaves such a sheet out
            continue
        rel = rels[rel_id]  # KeyError, as in openpyxl: an unknown relationship
        target = _target(rel.get("Target") or "", rel.get("TargetMode"), folder)
        if target in present:
            sheets.append(Sheet(sheet.get("name") or "", target, "chartsheet" in (rel.get("Type") or "")))
    return sheets


def _target(target: str, mode: str | None, parent: str) -> str:
    if mode == "External":
        return target
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(parent, target))


def read_strings(archive: zipfile.ZipFile, name: str) -> list[str]:
    """The shared string table as openpyxl gives it without rich text: plain text and runs' text joined,
    phonetic runs left out, ``x005F_`` removed."""
    from lxml import etree

    strings: list[str] = []
    with archive.open(name) as source:
        context = etree.iterparse(source, events=("end",), tag=f"{_MAIN}si", resolve_entities=False,
                                  load_dtd=False, no_network=True, huge_tree=False, remove_comments=True,
                                  remove_pis=True)
        checked = False
        for _event, item in context:
            if not checked:
                if item.getroottree().docinfo.doctype:
                    raise SheetDamaged(f"{name} declares a DOCTYPE")
                checked = True
            strings.append(_content(item).replace("x005F_", ""))
            item.clear()
    return strings


def _content(item: Any) -> str:
    plain: str | None = None
    runs: list[str] = []
    for child in item:
        tag = _local(child.tag)
        if tag == "t":
            plain = child.text  # a later <t> replaces an earlier one, as in openpyxl
        elif tag == "r":
            text = None
            for part in child:
                if _local(part.tag) == "t":
                    text = part.text
            if text is not None:
                runs.append(text)
    return (plain or "") + "".join(runs)

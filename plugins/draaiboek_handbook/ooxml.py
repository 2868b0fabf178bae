"""The few pieces of WordprocessingML python-docx does not offer, kept small and in one place.

A table-of-contents field, a repeating table header row, rows that do not split across pages, emptying a
template's body while keeping its section (margins, header, footer), and copying a style a template lacks.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _field_run(kind: str) -> Any:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A complex field (begin, instruction, separate, shown text, end) at the end of a paragraph."""
    code = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code.append(text)
    shown = OxmlElement("w:r")
    shown_text = OxmlElement("w:t")
    shown_text.text = placeholder
    shown.append(shown_text)
    for element in (_field_run("begin"), code, _field_run("separate"), shown, _field_run("end")):
        paragraph._p.append(element)


def add_toc_field(paragraphs: list[Any], depth: int) -> None:
    """A TOC field over heading levels 1-depth, with hyperlinks, spanning ``paragraphs``.

    The paragraphs' own text is the field's current result: what shows until Word updates the field (and what a
    PDF made by LibreOffice shows). The field begins in the first paragraph and ends in the last.
    """
    code = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f' TOC \\o "1-{depth}" \\h \\z \\u '
    code.append(text)
    first = paragraphs[0]._p
    anchor = first.find(qn("w:pPr"))
    position = 0 if anchor is None else list(first).index(anchor) + 1
    for offset, element in enumerate((_field_run("begin"), code, _field_run("separate"))):
        first.insert(position + offset, element)
    paragraphs[-1]._p.append(_field_run("end"))


def update_fields_on_open(document: Any) -> None:
    """Ask Word to refresh fields (the table of contents) when the file is opened."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        flag = OxmlElement("w:updateFields")
        flag.set(qn("w:val"), "true")
        settings.append(flag)


def repeat_header_row(row: Any) -> None:
    """The row repeats at the top of every page the table runs onto, and never splits itself."""
    properties = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)


def keep_row_together(row: Any) -> None:
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def clear_body(document: Any) -> None:
    """Remove a template's content but keep its final section properties (page size, margins, header, footer)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def copy_missing_styles(document: Any, source: Any, names: list[str]) -> None:
    """Give a template the styles it lacks (Word files carry only the styles they use), from the default."""
    have = {style.name for style in document.styles}
    target = document.styles.element
    for name in names:
        if name not in have and name in {s.name for s in source.styles}:
            target.append(copy.deepcopy(source.styles[name].element))



def add_page_number(paragraph: Any) -> None:
    """A PAGE field: the page number, filled in by Word and LibreOffice."""
    _field(paragraph, "PAGE", "1")

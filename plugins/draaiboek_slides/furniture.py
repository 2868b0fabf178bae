"""Footer, date and slide number on a slide, where its layout has placeholders for them (python-pptx leaves
them out when it adds a slide)."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from pptx.oxml.ns import qn

from draaiboek_slides.layouts import DATE, FOOTER, SLIDE_NUMBER, Piece

FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # fixed, so the same input gives the same bytes


@dataclass(frozen=True)
class Furniture:
    """What goes into the layouts' footer, date and slide-number placeholders."""

    footer: str
    date: str | None
    language: str = "nl"


def one_line(text: str, chars: int) -> str:
    """Footer and date stay on one line of their box: a long text is cut at a word, with an ellipsis."""
    words = text.split()
    while len(words) > 1 and len(" ".join(words)) > chars:
        words = words[:-1]
    short = " ".join(words)
    return short if short == text.strip() else short.rstrip(",;:–-—") + "…"


def add_furniture(slide: Any, pieces: list[Piece], furniture: Furniture, number: int, reference: bool = False) -> None:
    """``reference``: clone the placeholders through python-pptx, reading the layout's each time."""
    from lxml import etree

    for piece in pieces:
        kind = piece.kind
        if (kind == DATE and not furniture.date) or (kind == FOOTER and not (piece.own or furniture.footer)):
            continue
        shapes = slide.shapes
        if reference:
            shapes.clone_placeholder(piece.placeholder)
        else:  # clone_placeholder's steps, with the layout placeholder's attributes read once per template
            kind_name, orient, sz, idx = piece.clone
            shape_id = shapes._next_shape_id
            name = shapes._next_ph_name(kind_name, shape_id, orient)
            shapes._spTree.add_placeholder(shape_id, name, kind_name, orient, sz, idx)
        sp = shapes._spTree[-1]
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

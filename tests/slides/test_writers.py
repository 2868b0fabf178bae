"""The fast slide path gives the reference path's bytes, and a deck's per-slide work does not grow with its size.

The fast path (direct.DirectWriter: lxml; adder.SlideAdder: tracked ids, cloned placeholders copied) and the
reference path (python-pptx's own API for every slide, paragraph and notes page) run in the same test run on
the same input; their decks must be byte-identical (no golden hashes: library versions differ).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from draaiboek.api import open_pack, open_training
from draaiboek.catalog import Catalog
from draaiboek.markdown import Para, Run
from draaiboek_slides.deck import SlidePlan
from draaiboek_slides.export import build_bytes
from draaiboek_slides.loaded import Templates
from tests.slides.templates import UNUSABLE
from tests.support import FULL_PACK
from tests.synth import write_pack


def both(pack: Any, training: Any, resolver: Any, options: dict[str, Any], store: Templates) -> tuple[bytes, bytes]:
    fast = build_bytes(pack, training, resolver, options, None, store)
    reference = build_bytes(pack, training, resolver, options, None, store, reference=True)
    return fast, reference


def differing_members(fast: bytes, reference: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(fast)) as a, zipfile.ZipFile(io.BytesIO(reference)) as b:
        names = a.namelist()
        if names != b.namelist():
            return ["(member list)"]
        return [name for name in names if a.read(name) != b.read(name)]


def slide_xml(deck: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(deck)) as archive:
        return "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("ppt/") and "lides/" in n)


def test_every_bundled_deck_is_the_same_through_lxml_and_python_pptx() -> None:
    catalog = Catalog.from_environment()
    store = Templates()
    decks = 0
    features = ""
    for pack_id in catalog.packs:
        checked, _ = open_pack(pack_id, catalog)
        if checked.pack is None or checked.resolver is None:
            continue
        for training in checked.pack.trainings:
            for session in training.sessions:
                fast, reference = both(checked.pack, training, checked.resolver, {"session": session.id}, store)
                assert differing_members(fast, reference) == [], f"{pack_id} {training.id} {session.id}"
                assert fast == reference
                features += slide_xml(fast)[:200_000]
                decks += 1
    assert decks >= 20
    for marker in ('b="1"', 'i="1"', "<a:tabLst>", 'lvl="1"', "<a:buChar", "<a:fld", "<p:notes"):
        assert marker in features, marker  # the comparison covered these


def test_test_template_decks_are_the_same_through_lxml_and_python_pptx(templates: dict[str, Path]) -> None:
    """Large titles, house-style footers, layouts without idx, Dutch names, a decoy layout, moved layouts."""
    pack, training, resolver = open_training(str(FULL_PACK))
    store = Templates()
    for name, path in templates.items():
        if name in UNUSABLE:
            continue
        options = {"session": "all", "template": str(path), "date": "2027-05-04", "trainer": "Jo de Vries"}
        fast, reference = both(pack, training, resolver, options, store)
        assert differing_members(fast, reference) == [], name
        assert fast == reference, name


@pytest.mark.libreoffice
def test_a_libreoffice_saved_template_deck_is_the_same_through_both(libreoffice_template: Path) -> None:
    pack, training, resolver = open_training(str(FULL_PACK))
    fast, reference = both(pack, training, resolver, {"session": "1", "template": str(libreoffice_template)},
                           Templates())
    assert differing_members(fast, reference) == []


def every_feature() -> list[SlidePlan]:
    """Paragraphs with everything the writers handle: styles, links, breaks, tabs, numbers, levels, odd text."""
    body = [
        Para((Run("Vet", bold=True), Run(" en "), Run("schuin", italic=True), Run(" en "),
              Run("een link", href="https://example.org/a?b=1&c=2"))),
        Para((Run("regel één\vregel twee\v\vna een lege regel"),), level=1, bullet="bullet"),
        Para((Run("kolom\tnaast kolom"),), level=2, bullet="bullet"),
        Para((Run("genummerd"),), level=1, bullet="number", number=3),
        Para((Run("diep genummerd"),), level=3, bullet="number", number=12),
        Para((Run("stuurteken \x07 en \x1b blijft leesbaar"),), level=0),
        Para((Run("mail", href="mailto:jo@example.org", bold=True, italic=True),), level=1, bullet="bullet"),
        Para((Run(""),)),
    ]
    notes = [Para((Run("Notitie met "), Run("link", href="https://example.org/n"))), Para((Run("tab\there"),))]
    return [
        SlidePlan("title", "title", "Titel\nmet een tweede regel", body=body[:2], notes=notes),
        SlidePlan("section", "section", "Sectie", body=body[5:6]),
        SlidePlan("content", "content", "Alles", body=body, notes=notes),
        SlidePlan("content", "content", "Kleiner", body=body, notes=[], font=14.0),
        SlidePlan("two_columns", "two", "Twee", body=body[:3], right=body[3:], notes=notes),
        SlidePlan("closing", "closing", "Einde", body=[], notes=[]),
    ]


@pytest.mark.parametrize("template_name", ["default", "footers", "no-idx", "large-titles"])
def test_every_paragraph_feature_is_the_same_through_both(template_name: str, templates: dict[str, Path]) -> None:
    from draaiboek_slides import render

    loaded = Templates().get(None if template_name == "default" else templates[template_name])
    props = {"title": "T", "footer": "Voettekst", "date": "4 mei 2027"}
    fast = render.render(loaded.open(), every_feature(), props)
    reference = render.render(loaded.open(), every_feature(), props, reference=True)
    assert differing_members(fast, reference) == []
    xml = slide_xml(fast)
    for marker in ("<a:hlinkClick", "<a:br/>", "_x0007_", "3.\t", "12.\t", "<a:tabLst>", 'sz="1400"'):
        assert marker in xml, marker


def rels_walked_per_slide(tmp_path: Path, sessions: int, reference: bool, monkeypatch: pytest.MonkeyPatch) -> float:
    """Relationships python-pptx walks in its by-type lookups, per slide, for one whole-training deck."""
    from pptx.opc.package import _Relationships

    walked = [0]
    original = _Relationships._rels_by_reltype

    def counting(self: Any) -> Any:
        walked[0] += len(self)
        return original.fget(self)  # type: ignore[attr-defined]

    pack_dir = write_pack(tmp_path / f"pack{sessions}", 1, sessions, 3)
    pack, training, resolver = open_training(str(pack_dir))
    with monkeypatch.context() as patch:  # only for this measurement
        patch.setattr(_Relationships, "_rels_by_reltype", property(counting))
        deck = build_bytes(pack, training, resolver, {"session": "all"}, None, Templates(), reference=reference)
    with zipfile.ZipFile(io.BytesIO(deck)) as archive:
        slides = sum(1 for n in archive.namelist() if n.startswith("ppt/slides/slide"))
    return walked[0] / slides


def test_per_slide_relationship_work_does_not_grow_with_the_deck(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19.11: a whole-training deck must be linear in its slides. python-pptx's add_slide walks every
    relationship of the presentation per slide (the reference path shows it growing); ours must not."""
    small, large = (rels_walked_per_slide(tmp_path, n, False, monkeypatch) for n in (3, 6))
    assert large <= small + 0.5, (small, large)
    old_small, old_large = (rels_walked_per_slide(tmp_path / "ref", n, True, monkeypatch) for n in (3, 6))
    assert old_large - old_small > 3, (old_small, old_large)  # the measure does see the quadratic path

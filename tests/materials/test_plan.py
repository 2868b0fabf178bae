"""The materials' plans, without python-docx: which files, and every card starting a page."""

from __future__ import annotations

from pathlib import Path

from draaiboek_materials.export import planned_files

from draaiboek.api import open_training
from draaiboek.exporters import ExportJob
from draaiboek_handbook.document import Heading


def test_files_per_session_and_cards_on_new_pages(tmp_path: Path) -> None:
    pack, training, resolver = open_training("het-gesprek")
    files = dict(planned_files(ExportJob(pack, training, resolver, tmp_path)))
    ids = [s.id for s in training.sessions]
    assert f"{training.id}-meter.docx" in files
    for name, plan in files.items():
        assert name.startswith(f"{training.id}-") and name.endswith(".docx")
        if name.endswith("-rolkaarten.docx"):
            assert name.removeprefix(f"{training.id}-").removesuffix("-rolkaarten.docx") in ids
            cards = [b for b in plan.blocks if isinstance(b, Heading) and b.text.startswith("Rolkaart: ")]
            assert cards and plan.blocks[0] is cards[0] and not cards[0].new_page
            assert all(card.new_page for card in cards[1:])
    assert f"{training.id}-m2-rolkaarten.docx" in files  # module 2 plays the relay with cards

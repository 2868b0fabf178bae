"""The Word handbook's plan, without python-docx: what goes on which page, in which order."""

from __future__ import annotations

from pathlib import Path

from draaiboek.api import open_training
from draaiboek.exporters import ExportJob
from draaiboek_handbook.document import Heading, Table, Toc
from draaiboek_handbook.handbook_plan import handbook_document


def test_plan_title_contents_sessions_then_appendices(tmp_path: Path) -> None:
    pack, training, resolver = open_training("naasten")
    plan = handbook_document(ExportJob(pack, training, resolver, tmp_path / "h.docx"))
    blocks = list(plan.blocks)
    assert isinstance(blocks[0], Heading) and blocks[0].level == 0 and blocks[0].text == training.title
    [toc] = [b for b in blocks if isinstance(b, Toc)]
    chapters = [b for b in blocks if isinstance(b, Heading) and b.level == 1]
    assert list(toc.entries) == [c.text for c in chapters]
    titles = [c.text for c in chapters]
    positions = [next(i for i, t in enumerate(titles) if session.title in t) for session in training.sessions]
    assert positions == sorted(positions)
    appendices = [i for i, t in enumerate(titles) if t.startswith("Bijlage ")]
    assert appendices and min(appendices) > max(positions) and appendices == list(range(appendices[0], len(titles)))
    assert [titles[i][:10] for i in appendices] == [f"Bijlage {chr(65 + n)}:" for n in range(len(appendices))]
    for chapter in chapters:  # sessions and appendices begin a page
        if chapter.text.startswith("Bijlage") or any(s.title in chapter.text for s in training.sessions):
            assert chapter.new_page
    runbooks = [b for b in blocks if isinstance(b, Table) and b.header[0] == "Tijd"]
    assert len(runbooks) == sum(1 for s in training.sessions if s.agenda)
    assert all(len(b.widths) == 5 and b.bold_last_row for b in runbooks)
    assert "Onderbouwing:" in plan.text() and "Bronnen" in titles

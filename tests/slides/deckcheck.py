"""Reading generated decks back with python-pptx and checking them against the pack they came from."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import time
from pathlib import Path

from deckmeasure import EDITORIAL
from pptx import Presentation

from draaiboek.labels import label
from draaiboek.markdown import parse
from draaiboek.model import Case, Pack, Session, Training
from draaiboek.refs import Resolver
from draaiboek.views import Moment, TrainingView
from draaiboek.views.timeline import clock


@dataclass
class ReadSlide:
    title: str
    text: str
    notes: str
    layout: str
    empty_placeholders: int


def read_deck(path: Path) -> list[ReadSlide]:
    slides = []
    for slide in Presentation(str(path)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        empty = sum(1 for ph in slide.placeholders if not (ph.has_text_frame and ph.text_frame.text.strip()))
        slides.append(ReadSlide(title, "\n".join(texts), notes, slide.slide_layout.name, empty))
    return slides


def plain_start(markdown: str, length: int = 40) -> str:
    paras = parse(markdown)
    return paras[0].text[:length] if paras else ""


def check_deck(path: Path, pack: Pack, training: Training, sessions: list[Session], resolver: Resolver,
               start: time | None = None) -> list[ReadSlide]:
    """Assert what every deck must hold; returns the slides for further checks."""
    lang = pack.language
    slides = read_deck(path)
    assert slides, path
    with zipfile.ZipFile(path) as archive:
        slide_parts = [n for n in archive.namelist() if n.startswith(("ppt/slides/", "ppt/notesSlides/"))]
        assert not [n for n in slide_parts if b"Click to" in archive.read(n)]  # prompts belong on layouts only
    assert slides[0].title == training.title
    for slide in slides:
        assert slide.title.strip(), f"{path}: a slide without a title"
        assert slide.notes.strip(), f"{path}: no speaker notes on {slide.title!r}"
        assert slide.empty_placeholders == 0, f"{path}: empty placeholder on {slide.title!r}"
        assert "**" not in slide.text, f"{path}: literal Markdown on {slide.title!r}"
    titles = [s.title for s in slides]
    # The closing slide (what comes next, homework), then at most one short sources slide.
    assert titles.count(label("sources", lang)) <= 1
    closing = titles[-2] if titles[-1] == label("sources", lang) else titles[-1]
    last_item = sessions[-1].agenda[-1].title if sessions[-1].agenda else None
    assert closing == label("closing", lang) or closing == last_item, closing
    for source in pack.sources:  # the pack's own editorial additions are credited in the notes, not on screen
        if not EDITORIAL.search(source.title):
            assert source.title in slides[-1].text and titles[-1] == label("sources", lang)
    view = TrainingView(pack, training, resolver, start)
    for session in view.sessions:
        if session.session not in sessions:
            continue
        if session.items:
            programme = [s for s in slides if s.title.startswith(label("programme", lang))]
            assert programme, f"{path}: no programme slide"
            joined = "\n".join(s.text for s in programme)
            for item in session.items:
                assert f"{clock(item.start)}–{clock(item.end)}" in joined
        for item in session.items:
            assert any(_is_title_of(t, item.title) for t in titles), item.title
        if session.session.learning_outcomes and len(sessions) == 1:
            assert label("learning_outcomes", lang) in titles
    check_case_layers(slides, view, sessions)
    on_screen = "\n".join(s.text for s in slides)
    for case in view.cases:  # role cards are printed for their players, never projected
        for card in case.role_cards:
            opening = plain_start(card.text, 30)
            assert not opening or opening not in on_screen or _shown_elsewhere(opening, case, ""), \
                f"role card {card.id}"
    return slides


def _is_title_of(shown: str, title: str) -> bool:
    return shown == title or (shown.endswith("…") and title.startswith(shown.rstrip("…")))


def check_case_layers(slides: list[ReadSlide], view: TrainingView, sessions: list[Session]) -> None:
    """No slide shows a case layer before participants may see it: each slide is read at the moment of the
    agenda item it belongs to (a case slide belongs to the task slide before it)."""
    order = [item for session in view.sessions if session.session in sessions for item in session.items]
    position, moment = -1, None
    for slide in slides:
        found = next((k for k in range(position + 1, len(order)) if _is_title_of(slide.title, order[k].title)), None)
        if found is not None:
            position, moment = found, order[found].moment
        at = moment or Moment(-1, 0)
        for case in view.cases:
            for layer in case.layers:
                shown_from = view.reveal_moment(layer, "participants")
                start = plain_start(layer.text)
                if (shown_from is None or shown_from > at) and start and not _shown_elsewhere(start, case, layer.id):
                    assert start not in slide.text, f"layer {case.id}/{layer.id} on {slide.title!r} before its reveal"


def _shown_elsewhere(start: str, case: Case, layer_id: str) -> bool:
    """The same text in another layer or the summary (then it may appear legitimately)."""
    texts = [case.summary or ""] + [other.text for other in case.layers if other.id != layer_id
                                    and "participants" in other.audience]
    return any(start in plain_start(t, 10_000) for t in texts)

"""Reading generated decks back with python-pptx and checking them against the pack they came from."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from draaiboek.labels import label
from draaiboek.model import Pack, Session, Training
from draaiboek.refs import Resolver
from draaiboek.timing import schedule
from draaiboek_slides.markdown import parse
from pptx import Presentation


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
               start: str = "09:00") -> list[ReadSlide]:
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
    for source in pack.sources:
        assert source.title in slides[-1].text and titles[-1] == label("sources", lang)
    for session in sessions:
        timed = schedule(session, start)
        if timed:
            programme = [s for s in slides if s.title.startswith(label("programme", lang))]
            assert programme, f"{path}: no programme slide"
            joined = "\n".join(s.text for s in programme)
            for entry in timed:
                assert f"{entry.start}–{entry.end}" in joined
        for entry in timed:
            assert any(t == entry.item.title or entry.item.title.startswith(t.rstrip("…")) for t in titles), \
                entry.item.title
        if session.learning_outcomes and len(sessions) == 1:
            assert label("learning_outcomes", lang) in titles
    check_case_layers(slides, training, sessions, resolver)
    return slides


def check_case_layers(slides: list[ReadSlide], training: Training, sessions: list[Session], resolver: Resolver) -> None:
    """Layers participants may not see (other audience, later reveal) never appear on a case slide."""
    deck_sessions = {s.id for s in sessions}
    last = max(i for i, s in enumerate(training.sessions) if s.id in deck_sessions)
    case_text = "\n".join(s.text for s in slides if ":" in s.title)
    for session in sessions:
        for item in session.agenda:
            for ref in item.cases:
                case = resolver.case(ref)
                assert case is not None
                for layer in case.layers:
                    start = plain_start(layer.text)
                    reveal = next((i for i, s in enumerate(training.sessions) if s.id == (layer.reveal or "").split(":")[-1]), None)
                    hidden = "participants" not in layer.audience or (layer.reveal is not None and (reveal is None or reveal > last))
                    if hidden and start and not _shown_elsewhere(start, case, layer.id):
                        assert start not in case_text, f"hidden layer {case.id}/{layer.id} is on a slide"


def _shown_elsewhere(start: str, case: object, layer_id: str) -> bool:
    """The same text in a visible layer or the summary (then it may appear legitimately)."""
    texts = [getattr(case, "summary", None) or ""] + [l.text for l in case.layers if l.id != layer_id
                                                       and "participants" in l.audience]
    return any(start in plain_start(t, 10_000) for t in texts)

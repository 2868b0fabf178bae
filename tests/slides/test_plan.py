"""The layout plan, built from model objects in Python (no python-pptx involved)."""

from __future__ import annotations

import pytest

from draaiboek.errors import DraaiboekError, ExportError
from draaiboek.model import Pack
from draaiboek.refs import Resolver
from draaiboek_slides.fit import Box, fits
from draaiboek_slides.plan import Context, DeckOptions, Geometry, SlidePlan, build_deck, select_sessions

from slide_models import LONG, make_pack

GEOMETRY = Geometry(Box(871, 381, 24), Box(421, 381, 24), Box(421, 381, 24))


def deck(pack: Pack, session: str | None = "m1", geometry: Geometry = GEOMETRY, **options: str) -> list[SlidePlan]:
    training = pack.trainings[0]
    ctx = Context(pack, training, Resolver(pack), DeckOptions(**options))
    return build_deck(ctx, select_sessions(training, session), geometry)


def body_text(slide: SlidePlan) -> str:
    return "\n".join(p.text for p in slide.body + slide.right)


def notes_text(slide: SlidePlan) -> str:
    return "\n".join(p.text for p in slide.notes)


def test_session_deck_order_and_title_slide(pack: Pack) -> None:
    slides = deck(pack, date="2027-03-12", trainer="Ans Jansen")
    assert [s.kind for s in slides[:3]] == ["title", "outcomes", "programme"]
    title = slides[0]
    assert title.role == "title" and title.title == "Het goede gesprek"
    assert [p.text for p in title.body] == ["Module 1: Kennismaken", "12 maart 2027", "Trainer: Ans Jansen"]
    assert slides[-1].kind == "closing" and slides[-1].role == "closing"
    assert slides[-2].kind == "homework"


def test_goals_and_outcomes_share_a_two_column_slide(pack: Pack) -> None:
    outcomes = deck(pack)[1]
    assert outcomes.role == "two_columns" and outcomes.title == "Leerdoelen"
    assert [p.text for p in outcomes.body] == ["Doelen", "Deelnemers voeren een open gesprek."]
    assert [p.text for p in outcomes.right] == ["Leerdoelen", "Je kunt luisteren zonder te oordelen."]
    assert any(run.bold and run.text == "luisteren" for run in outcomes.right[1].runs)


def test_programme_has_clock_times_from_start_including_the_break(pack: Pack) -> None:
    programme = next(s for s in deck(pack, start="13:30") if s.kind == "programme")
    lines = [p.text for p in programme.body]
    assert lines == ["13:30–13:45\tWelkom", "13:45–14:15\tSpeeddaten", "14:15–14:30\tPauze",
                     "14:30–15:15\tCasus Jan", "15:15–15:30\tLange opdracht"]


def test_activity_slide_shows_format_grouping_time_assignment_and_steps(pack: Pack) -> None:
    slide = next(s for s in deck(pack) if s.title == "Speeddaten")
    assert slide.role == "two_columns"
    assert slide.body[0].text == "in tweetallen · 30 min · 09:15–09:45"
    assert "Praat vijf minuten met je buur." in body_text(slide)
    assert [p.text for p in slide.right] == ["Stappen", "Uitleg — plenair, 5 min", "Gesprekjes — in tweetallen, 25 min"]
    notes = notes_text(slide)
    for expected in ("09:15–09:45", "09:20 Gesprekjes (25 min)", "Wissel elke 5 minuten.", "stoelen",
                     "Houd de tijd strak.", "Niet te persoonlijk.", "Wat viel je op?"):
        assert expected in notes


def test_break_slide(pack: Pack) -> None:
    pause = next(s for s in deck(pack) if s.kind == "break")
    assert pause.role == "section" and pause.title == "Pauze"
    assert "We gaan verder om 10:00" in body_text(pause)


def test_case_layers_follow_audience_and_reveal_session(pack: Pack) -> None:
    first = next(s for s in deck(pack, "m1") if s.kind == "case")
    second = next(s for s in deck(pack, "m2") if s.kind == "case")
    assert "Jan heeft schulden." in body_text(first)
    assert "Jan verliest zijn baan." not in body_text(first)
    assert "Jan verliest zijn baan." in body_text(second)
    for slide in (first, second):
        assert "Jan drinkt." not in body_text(slide)
        assert "Jan drinkt." in notes_text(slide)
    assert "Jan (gespeeld door acteur)" in notes_text(first)


def test_long_content_continues_on_follow_up_slides_that_fit(pack: Pack) -> None:
    slides = deck(pack)
    parts = [s for s in slides if s.title.startswith("Lange opdracht")]
    assert len(parts) > 2
    assert all(s.title == "Lange opdracht (vervolg)" for s in parts[1:])
    words = " ".join(p.text for s in parts for p in s.body[1 if s is parts[0] else 0:]).split()
    assert words == LONG.split()
    for slide in slides:
        if slide.role in ("content", "closing"):
            assert fits(slide.body, GEOMETRY.content), slide.title


def test_every_slide_has_speaker_notes(pack: Pack) -> None:
    for session in ("m1", "m2", "all"):
        for slide in deck(pack, session):
            assert notes_text(slide).strip(), (session, slide.title)


def test_whole_training_deck_has_section_slides(pack: Pack) -> None:
    slides = deck(pack, "all")
    sections = [s.title for s in slides if s.kind == "section"]
    assert sections == ["Module 1: Kennismaken", "Module 2: Verdieping"]
    assert slides[1].kind == "goals"
    assert sum(s.kind == "closing" for s in slides) == 1


def test_evaluation_and_closing(pack: Pack) -> None:
    slides = deck(pack, "m2")
    evaluation = next(s for s in slides if s.kind == "evaluation")
    assert "Instrument: Evaluatieformulier" in body_text(evaluation)
    assert "Wat neem je mee?" in notes_text(evaluation)
    closing = slides[-1]
    assert "A. Auteur (2020). Handboek gesprekken. CC BY" in body_text(closing)
    assert "Naar het Handboek gesprekken." in body_text(closing)
    assert "Gemaakt met draaiboek." in body_text(closing)


def test_english_pack_gets_english_labels() -> None:
    slides = deck(make_pack("en"), date="2027-03-12")
    titles = {s.title for s in slides}
    assert {"Learning outcomes", "Programme", "Homework", "Closing"} <= titles
    assert "12 March 2027" in body_text(slides[0])
    assert "in pairs" in body_text(next(s for s in slides if s.title == "Speeddaten"))


def test_without_two_column_layout_columns_are_merged(pack: Pack) -> None:
    slides = deck(pack, geometry=Geometry(GEOMETRY.content))
    assert all(s.role != "two_columns" for s in slides)
    speed = next(s for s in slides if s.title == "Speeddaten")
    assert "Gesprekjes — in tweetallen, 25 min" in body_text(speed)


@pytest.mark.parametrize("choice, expected", [(None, ["m1", "m2"]), ("all", ["m1", "m2"]), ("2", ["m2"]),
                                              ("m1", ["m1"])])
def test_select_sessions(pack: Pack, choice: str | None, expected: list[str]) -> None:
    assert [s.id for s in select_sessions(pack.trainings[0], choice)] == expected


def test_unknown_session_is_a_clear_error(pack: Pack) -> None:
    with pytest.raises(ExportError, match="has no session '7': use all, a number or one of: m1, m2"):
        select_sessions(pack.trainings[0], "7")


def test_bad_start_time_is_a_clear_error(pack: Pack) -> None:
    with pytest.raises(DraaiboekError, match=r"^invalid start time '9 uur': use HH:MM"):
        deck(pack, start="9 uur")

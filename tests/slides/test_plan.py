"""The layout plan, built from model objects in Python (no python-pptx involved)."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest

from draaiboek.errors import ExportError
from draaiboek.model import AgendaItem, Duration, Pack, Questionnaire
from draaiboek.refs import Resolver
from draaiboek_slides.fit import Box, fits
from draaiboek_slides.plan import (
    Context,
    DeckOptions,
    Geometry,
    SlidePlan,
    build_deck,
    select_sessions,
)

from slide_models import LONG, make_pack

GEOMETRY = Geometry(Box(871, 381, 24), Box(421, 381, 24), Box(421, 381, 24))


def deck(pack: Pack, session: str | None = "m1", geometry: Geometry = GEOMETRY, start: time | None = None,
         **options: Any) -> list[SlidePlan]:
    training = pack.trainings[0]
    ctx = Context(pack, training, Resolver(pack), DeckOptions(**options), start)
    return build_deck(ctx, select_sessions(training, session), geometry)


def body_text(slide: SlidePlan) -> str:
    return "\n".join(p.text for p in slide.body + slide.right)


def notes_text(slide: SlidePlan) -> str:
    return "\n".join(p.text for p in slide.notes)


def test_session_deck_order_and_title_slide(pack: Pack) -> None:
    slides = deck(pack, date="2027-03-12", trainer="Ans Jansen")
    assert [s.kind for s in slides[:3]] == ["title", "goals", "programme"]
    title = slides[0]
    assert title.role == "title" and title.title == "Het goede gesprek"
    assert [p.text for p in title.body] == ["Module 1: Kennismaken", "12 maart 2027", "Trainer: Ans Jansen"]
    assert slides[-2].kind == "closing" and slides[-2].role == "closing"
    assert slides[-1].kind == "sources"
    assert "Oefenen (voor Verdieping): Oefen het gesprek met een collega." in body_text(slides[-2])
    assert "Volgende keer: Module 2: Verdieping" in body_text(slides[-2])


def test_one_goals_slide_with_short_lines_and_no_codes(pack: Pack) -> None:
    outcomes = deck(pack)[1]
    assert outcomes.role == "content" and outcomes.title == "Leerdoelen"
    assert [p.text for p in outcomes.body] == ["Je kunt luisteren zonder te oordelen."]
    assert any(run.bold and run.text == "luisteren" for run in outcomes.body[0].runs)
    assert "m1-lo1" not in notes_text(outcomes) and "Speeddaten" in notes_text(outcomes)
    whole = deck(pack, "all")
    assert [s.title for s in whole if s.kind == "goals"] == ["Doelen"]


def test_programme_has_clock_times_from_start_including_the_break(pack: Pack) -> None:
    programme = next(s for s in deck(pack, start=time(13, 30)) if s.kind == "programme")
    lines = [p.text for p in programme.body]
    assert lines == ["13:30–13:45\tWelkom", "13:45–14:15\tSpeeddaten", "14:15–14:30\tPauze",
                     "14:30–15:15\tCasus Jan", "15:15–15:30\tLange opdracht"]


def test_activity_slide_shows_format_grouping_time_assignment_and_steps(pack: Pack) -> None:
    slide = next(s for s in deck(pack) if s.title == "Speeddaten")
    assert slide.role == "two_columns"
    assert slide.body[0].text == "in tweetallen · 30 min · 09:15–09:45"
    assert "Praat vijf minuten met je buur." in body_text(slide)
    assert [p.text for p in slide.right] == ["Stappen", "Uitleg (plenair, 5 min)", "Gesprekjes (in tweetallen, 25 min)"]
    assert [(p.bullet, p.number) for p in slide.right[1:]] == [("number", 1), ("number", 2)]
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
    assert "Achtergrond: Jan heeft schulden." in body_text(first)
    assert "Jan verliest zijn baan." not in body_text(first)
    assert "Jan verliest zijn baan." in body_text(second)
    for slide in (first, second):
        assert "Jan drinkt." not in body_text(slide)
        assert "Jan drinkt." in notes_text(slide)
    assert "Jan (gespeeld door acteur)" in notes_text(first)


def test_long_prose_is_shortened_to_whole_sentences_with_the_full_text_in_the_notes(pack: Pack) -> None:
    slides = deck(pack)
    [slide] = [s for s in slides if s.title.startswith("Lange opdracht")]
    shown = body_text(slide).split("\n")[1]
    assert shown.startswith("Zin 0 ") and shown.endswith("uitvoeren.") and LONG.startswith(shown)
    assert LONG in notes_text(slide).replace("\n", " ")
    for slide in slides:
        assert "(vervolg)" not in slide.title
        if slide.role in ("content", "closing"):
            assert fits(slide.body, GEOMETRY.content), slide.title


def test_a_long_list_continues_at_item_boundaries_within_the_deck_budget(pack: Pack) -> None:
    session = pack.trainings[0].sessions[0]
    session.agenda.extend(AgendaItem(f"Onderdeel {n}", minutes=Duration.fixed(5), description="Kort.")
                          for n in range(14))
    slides = deck(pack)
    programme = [s for s in slides if s.kind == "programme"]
    assert len(programme) == 2 and programme[1].title == "Programma (vervolg)"
    lines = [p.text for s in programme for p in s.body]
    assert len(lines) == len(session.agenda) and all("\t" in line for line in lines)
    assert sum("(vervolg)" in s.title for s in slides) <= 0.05 * len(slides)


def test_quiz_answers_editorial_text_and_trainer_instruments_stay_off_the_slides(pack: Pack) -> None:
    session = pack.trainings[0].sessions[0]
    session.agenda.append(AgendaItem(
        "Quiz", minutes=Duration.fixed(10), instruments=["q-veld"],
        assignment="1. Hoe heet de hoofdstad? *(Amsterdam)*\n2. Hoeveel provincies? *(twaalf)*\n\n"
                   "De bron bevat geen antwoorden; de redactie schreef ze."))
    pack.questionnaires.append(Questionnaire(id="q-veld", title="Veldnotities van de trainer", kind="other",
                                             audience=["trainers"], sections=[]))
    quiz = next(s for s in deck(pack) if s.title == "Quiz")
    assert "Hoe heet de hoofdstad?" in body_text(quiz)
    for hidden in ("Amsterdam", "twaalf", "bron bevat", "redactie", "Veldnotities"):
        assert hidden not in body_text(quiz), hidden
    assert "Amsterdam" in notes_text(quiz) and "Veldnotities van de trainer" in notes_text(quiz)


def test_an_item_with_nothing_to_read_is_a_divider_not_an_empty_content_slide(pack: Pack) -> None:
    pack.trainings[0].sessions[0].agenda.append(AgendaItem("Afronding", minutes=Duration.fixed(5)))
    slide = next(s for s in deck(pack) if s.title == "Afronding")
    assert slide.role == "section" and body_text(slide) == "5 min · 11:00–11:05"


def test_the_deck_keeps_the_template_size_and_shrinks_once_for_all_slides(pack: Pack) -> None:
    assert {s.font for s in deck(pack)} == {None}  # 24 pt fits: the template's size stays
    large = Geometry(Box(600, 300, 44), Box(290, 300, 44), Box(290, 300, 44))
    slides = [s for s in deck(pack, geometry=large) if s.role not in ("title", "section")]
    [size] = {s.font for s in slides}
    assert size is not None and 18 <= size < 44
    assert all(fits(s.body, large.with_font(size).content) for s in slides if s.role == "content")


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
    sources = slides[-1]
    assert body_text(sources) == "A. Auteur (2020). Handboek gesprekken"  # attribution only
    assert sources_line_without_authors() == "Handboek (2021). Uitgeverij"
    assert "CC BY 4.0" in notes_text(sources) and "Gemaakt met draaiboek." in notes_text(sources)
    assert "1.0" not in body_text(sources) + notes_text(sources)  # no version numbers


def sources_line_without_authors() -> str:
    from draaiboek.model import Source
    from draaiboek_slides.sections import source_line

    return source_line(Source("h", "Handboek", year=2021, publisher="Uitgeverij")).text


def test_english_pack_gets_english_labels() -> None:
    slides = deck(make_pack("en"), date="2027-03-12")
    titles = {s.title for s in slides}
    assert {"Learning outcomes", "Programme", "Closing", "Sources"} <= titles
    assert "Homework" in body_text(next(s for s in slides if s.title == "Closing"))
    assert "12 March 2027" in body_text(slides[0])
    assert "in pairs" in body_text(next(s for s in slides if s.title == "Speeddaten"))


def test_without_two_column_layout_columns_are_merged(pack: Pack) -> None:
    slides = deck(pack, geometry=Geometry(GEOMETRY.content))
    assert all(s.role != "two_columns" for s in slides)
    speed = next(s for s in slides if s.title == "Speeddaten")
    assert "Gesprekjes (in tweetallen, 25 min)" in body_text(speed)


@pytest.mark.parametrize("choice, expected", [(None, ["m1", "m2"]), ("all", ["m1", "m2"]), ("2", ["m2"]),
                                              ("m1", ["m1"])])
def test_select_sessions(pack: Pack, choice: str | None, expected: list[str]) -> None:
    assert [s.id for s in select_sessions(pack.trainings[0], choice)] == expected


def test_unknown_session_is_a_clear_error(pack: Pack) -> None:
    with pytest.raises(ExportError, match="has no session '7': use all, a number or one of: m1, m2"):
        select_sessions(pack.trainings[0], "7")

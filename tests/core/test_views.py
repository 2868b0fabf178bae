"""The core views: one reading of a training that every exporter shares (timing, resolution, visibility)."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from draaiboek.api import open_training
from draaiboek.model import AgendaItem, Duration, Pack, Session, Step, Training, TrainingAudience, Variant, WorkFormat
from draaiboek.refs import Resolver
from draaiboek.views import END, Moment, TrainingView
from support import FULL_PACK


def small_pack(item: AgendaItem, fmt: WorkFormat, start: time | None = None, session_start: time | None = None) -> Pack:
    session = Session("s1", "Sessie", agenda=[item, AgendaItem("Pauze", kind="break", minutes=Duration.fixed(15))],
                      start=session_start)
    training = Training("t", "Training", TrainingAudience("iedereen"), [session], start=start)
    return Pack("p", "Pakket", "nl", "1", ["r"], "CC BY 4.0", trainings=[training], work_formats=[fmt])


def view_of(pack: Pack, start: time | None = None) -> TrainingView:
    return TrainingView(pack, pack.trainings[0], Resolver(pack), start)


def test_variant_overrides_and_materials_are_deduplicated_in_order() -> None:
    fmt = WorkFormat("wf", "Rollenspel", grouping="trios", group_size="3", assignment="Speel de scène.",
                     materials=["wekker", "Rolkaarten", "flip-over"],
                     variants=[Variant("kort", "Kort", "Korter.", grouping="pairs", materials=["wekker", "timer"])])
    plain = AgendaItem("Oefenen", work_format="wf", minutes=Duration.fixed(30), materials=["Wekker ", "pennen"])
    item = view_of(small_pack(plain, fmt)).sessions[0].items[0]
    assert item.materials == ("Wekker", "pennen", "Rolkaarten", "flip-over")
    assert (item.grouping, item.group_size, item.assignment) == ("trios", "3", "Speel de scène.")
    varied = AgendaItem("Oefenen", work_format="wf", variant="kort", minutes=Duration.fixed(30), materials=["wekker"])
    item = view_of(small_pack(varied, fmt)).sessions[0].items[0]
    assert item.variant is not None and item.variant.id == "kort"
    assert item.materials == ("wekker", "timer")
    assert item.grouping == "pairs" and item.group_size == "3"


def test_clock_times_are_times_for_items_and_steps() -> None:
    steps = [Step("Uitleg", Duration.fixed(5)), Step("Oefenen", Duration(10, 20), grouping="pairs")]
    item = AgendaItem("Oefenen", work_format="wf", steps=steps)
    view = view_of(small_pack(item, WorkFormat("wf", "Oefening")), start=time(13, 30))
    session = view.sessions[0]
    first, pause = session.items
    assert (first.start, first.end, first.minutes) == (time(13, 30), time(13, 55), 25)
    assert [(s.start, s.end) for s in first.steps] == [(time(13, 30), time(13, 35)), (time(13, 35), time(13, 55))]
    assert first.steps_from == "item" and first.steps[1].grouping == "pairs"
    assert (pause.start, pause.end, session.end, session.minutes) == (time(13, 55), time(14, 10), time(14, 10), 40)


@pytest.mark.parametrize(("training_start", "session_start", "option", "expected"), [
    (None, None, None, time(9, 0)),
    (time(13, 0), None, None, time(13, 0)),
    (time(13, 0), time(18, 30), None, time(18, 30)),
    (time(13, 0), time(18, 30), time(8, 15), time(8, 15)),
])
def test_start_time_comes_from_the_option_then_the_session_then_the_training(
        training_start: time | None, session_start: time | None, option: time | None, expected: time) -> None:
    item = AgendaItem("Oefenen", minutes=Duration.fixed(10))
    pack = small_pack(item, WorkFormat("wf", "Oefening"), training_start, session_start)
    assert view_of(pack, option).sessions[0].start == expected


def test_format_steps_are_used_when_the_item_has_none() -> None:
    from draaiboek.model import FormatStep

    fmt = WorkFormat("wf", "Estafette", steps=[FormatStep("Bereid voor.", minutes=Duration.fixed(5)),
                                               FormatStep("Speel.", title="Spelen")])
    pack = small_pack(AgendaItem("Oefenen", work_format="wf", minutes=Duration.fixed(20)), fmt)
    item = view_of(pack).sessions[0].items[0]
    assert item.steps_from == "work_format"
    assert [(s.title, s.text) for s in item.steps] == [(None, "Bereid voor."), ("Spelen", "Speel.")]
    assert item.steps[0].start == time(9, 0) and item.steps[1].start is None  # an untimed step has no clock time


@pytest.fixture(scope="module")
def gesprek() -> TrainingView:
    pack, training, resolver = open_training("het-gesprek")
    return TrainingView(pack, training, resolver)


def test_het_gesprek_behaviour_reaches_the_client_player_before_and_the_room_after_the_relay(
        gesprek: TrainingView) -> None:
    m2 = gesprek.sessions[gesprek.session_index("m2") or 0]
    relay = next(item for item in m2.items if item.item.id == "m2-estafette")
    for case in relay.cases:
        behaviour = next(layer for layer in case.layers if layer.id == "gedrag")
        assert behaviour not in gesprek.visible_layers(case, "participants", relay.moment), case.id
        assert behaviour in gesprek.visible_layers(case, "participants", Moment(m2.index, relay.index + 1))
        assert behaviour in gesprek.visible_layers(case, "role_player", Moment(m2.index, 0))
        assert behaviour in gesprek.revealed_in(case, "participants", m2.index)
        assert behaviour in gesprek.revealed_in(case, "role_player", m2.index)
        cards = gesprek.role_cards(case, m2.index)
        assert cards and all(card.played_by == "actor" for card in cards)
        assert all(behaviour in gesprek.layers_for_card(card, case, Moment(m2.index, 0)) for card in cards)
        # module 1 shows only the registration layer; trainers see everything from the start
        assert [layer.id for layer in gesprek.visible_layers(case, "participants", Moment(0, END))] == ["aanmelding"]
        assert gesprek.visible_layers(case, "trainers", Moment(0, 0)) == list(case.layers)


def test_full_pack_layers_per_audience_and_session() -> None:
    pack, training, resolver = open_training(str(FULL_PACK))
    view = TrainingView(pack, training, resolver)
    case = pack.cases[0]
    ids = lambda layers: [layer.id for layer in layers]  # noqa: E731
    assert ids(view.visible_layers(case, "participants", Moment(0, END))) == ["reg"]
    assert ids(view.visible_layers(case, "participants", Moment(1, 0))) == ["reg", "later"]
    assert ids(view.visible_layers(case, "role_player", Moment(0, 0))) == ["behaviour"]
    assert ids(view.revealed_in(case, "participants", 1)) == ["later"]
    assert view.chosen_case("lvb-case") is pack.cases[0]
    assert view.chosen_case("lvb-case", pack.cases[1].id) is pack.cases[1]
    assert view.cases and view.meters and {q.id for q in view.questionnaires} <= {q.id for q in pack.questionnaires}


def test_reveal_mistakes_are_located(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        "id: p\ntitle: P\nlanguage: nl\nversion: '1'\nauthors: [r]\nlicence: CC BY 4.0\n"
        "trainings:\n  - id: t\n    title: T\n    audience: {participants: iedereen}\n    sessions:\n"
        "      - id: s1\n        title: S\n        agenda:\n"
        "          - {title: Casus, id: casus, minutes: 20, cases: [c, later]}\n"
        "cases:\n  - id: c\n    title: C\n    layers:\n"
        "      - {id: l1, title: L, text: x, reveal: {session: s1, after: casuss}}\n"
        "      - {id: l2, title: L, text: x, reveal: [{session: s1, at: casus, after: casus}]}\n"
        "      - {id: l3, title: L, text: x, reveal: {session: s1, audience: [actor]}}\n"
        "  - id: later\n    title: Later\n    layers:\n"
        "      - {id: l1, title: L, text: x, reveal: {session: s1, after: casus}}\n", encoding="utf-8")
    result = run_cli("check", str(folder))
    lines = result.stdout.splitlines()
    assert any(":20: error REVEAL002: session 's1' has no agenda item 'casuss'" in line
               and "did you mean 'casus'?" in line for line in lines), lines
    assert any(":21: error REVEAL001:" in line for line in lines), lines
    assert any(":22: error REVEAL003:" in line and "'actor'" in line for line in lines), lines
    assert any(":15: warning CASE001: case 'later' is used here before any of its layers" in line
               for line in lines), lines
    assert not any("CASE001: case 'c'" in line for line in lines), lines  # layer l2 is there from the item's start

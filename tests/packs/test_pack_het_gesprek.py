"""The het-gesprek pack: its structure against the Train-de-trainer manual (seed 001), a clean check,
the show and handbook output a trainer reads, and no sentence copied from the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import copycheck

from draaiboek.api import check_folder, load_pack
from draaiboek.catalog import Catalog
from draaiboek.diagnostics import errors
from draaiboek.model import Duration, Pack, Training

ROOT = Path(__file__).resolve().parents[2]
PACK_DIR = ROOT / "content_packs" / "draaiboek_pack_het_gesprek" / "pack"
SEED = ROOT.parent / "shared" / "seeds" / "001-train-de-trainer-het-gesprek.txt"

#: Publication titles are cited, not written: they may share long runs with the seed.
PUBLICATION_TITLES = [
    "De ICF. Nederlandse vertaling van de 'International Classification of Functioning, Disability and Health'",
    "Toolkit. Ondersteuning van maatschappelijk herstel met de Individuele Rehabilitatie Benadering. Utrecht: Rehabilitatie '92",
]




@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK_DIR)


@pytest.fixture(scope="module")
def training(pack: Pack) -> Training:
    assert [t.id for t in pack.trainings] == ["tdt-het-gesprek"]
    return pack.trainings[0]


def test_pack_metadata_cites_the_source_and_its_reuse_condition(pack: Pack) -> None:
    assert (pack.id, pack.language) == ("het-gesprek", "nl")
    [source] = pack.sources
    assert source.licence and "bron" in source.licence and source.attribution
    assert "Movisie" in (source.attribution or "") and "Train-de-trainer Het Gesprek" in source.title
    topics = " ".join(note.topic + note.decision for note in pack.editorial_notes)
    for decision in ("235", "Emma", "Johan", "Richard", "vijfpuntsschaal", "15 minuten", "Vermeulen", "eindmeting"):
        assert decision in topics, decision


def test_four_modules_with_the_source_runbook_totals(training: Training) -> None:
    assert [s.id for s in training.sessions] == ["m1", "m2", "m3", "m4"]
    totals = [s.agenda_duration for s in training.sessions]
    assert totals == [Duration.fixed(m) for m in (235, 240, 240, 240)]
    assert [s.duration for s in training.sessions] == totals
    for session in training.sessions:
        breaks = [item for item in session.agenda if item.kind == "break"]
        assert [b.duration for b in breaks] == [Duration.fixed(20)], session.id


def test_learning_outcomes_per_module(training: Training) -> None:
    assert [len(s.learning_outcomes) for s in training.sessions] == [5, 5, 6, 4]


def test_every_activity_row_is_complete(training: Training) -> None:
    for session in training.sessions:
        for item in session.agenda:
            if item.kind == "break":
                continue
            where = f"{session.id}: {item.title}"
            assert item.goal, where
            assert item.steps and all(step.grouping for step in item.steps), where
            assert item.tips or item.materials, where


def test_source_breakdowns_of_the_long_rows(training: Training) -> None:
    def steps(session_id: str, title_start: str) -> list[int]:
        session = training.session(session_id)
        assert session is not None
        [item] = [i for i in session.agenda if i.title.startswith(title_start)]
        return [step.minutes.low for step in item.steps]

    assert steps("m1", "Brainstorm over de Kanteling") == [20, 20]
    assert steps("m2", "Casuïstiek") == [10, 10, 20, 20, 15, 15]
    assert steps("m3", "Casuïstiek") == [15, 25, 25, 10, 20, 15]
    assert steps("m4", "Casuïstiek") == [15, 40, 20]
    assert steps("m4", "Wat draagt") == [5, 15, 10]


def test_21_work_formats_and_two_role_play_techniques(pack: Pack) -> None:
    techniques = [wf for wf in pack.work_formats if wf.category == "rollenspeltechniek"]
    assert sorted(wf.id for wf in techniques) == ["techniek-estafette", "techniek-ondertiteling"]
    assert len(pack.work_formats) - len(techniques) == 21
    used = {ref for wf in pack.work_formats for ref in wf.techniques}
    assert used == {"techniek-estafette", "techniek-ondertiteling"}
    stigma = next(wf for wf in pack.work_formats if wf.id == "wf-stigma-oefening")
    assert stigma.cautions and any("gepest" in c for c in stigma.cautions)


def test_three_cases_with_their_reveal_schedule(pack: Pack, training: Training) -> None:
    cases = {case.id: case for case in pack.cases}
    assert set(cases) == {"casus-johan", "casus-emma", "casus-richard"}
    assert set(training.cases) == set(cases)
    assert cases["casus-johan"].choice_group == cases["casus-emma"].choice_group == "lvb-casus"
    assert cases["casus-richard"].choice_group is None
    assert cases["casus-johan"].name_variants == ["Johanna"]
    assert cases["casus-emma"].name_variants == ["Tom"]
    for case in cases.values():
        reveal = {layer.id: [(r.session, r.after, r.audience) for r in layer.reveal] for layer in case.layers}
        assert reveal == {"aanmelding": [("m1", None, [])],  # the client player before, the room after the relay
                          "gedrag": [("m2", None, ["role_player", "actor"]),
                                     ("m2", "m2-estafette", ["participants"])]}, case.id
        assert [step.session for step in case.arc] == ["m1", "m2", "m3", "m4"]
        assert case.arc[2].played_by == "actor"
        companion, actor = case.role_cards
        assert companion.sessions == ["m3", "m4"] and companion.audience == ["role_player"]
        assert "actor" in actor.audience


def test_competence_meter(pack: Pack) -> None:
    [meter] = pack.meters
    counts = [sum(s.domain == d.id for s in meter.statements) for d in meter.domains]
    assert counts == [6, 5, 6, 4]
    assert len({s.id for s in meter.statements}) == 21
    assert all(point.label for point in meter.scale.points) and len(meter.scale.points) == 5
    assert (meter.analysis.strengths, meter.analysis.challenges) == (5, 5)
    assert {m.id: m.session for m in meter.moments} == {"voormeting": "m1", "eindmeting": "m4"}
    tips = " ".join(meter.tips)
    assert "SMART" in tips and "STAR" in tips
    assert len(meter.action_plan) >= 4


def test_questionnaires_handouts_and_homework(pack: Pack, training: Training) -> None:
    observation = [q for q in pack.questionnaires if q.kind == "observation"]
    assert [(q.id, q.sessions) for q in observation] == [("feedback-m2", ["m2"]), ("feedback-m3", ["m3"])]
    assert [len(q.sections[0].questions) for q in observation] == [8, 5]
    evaluation = next(q for q in pack.questionnaires if q.kind == "evaluation")
    assert [s.title for s in evaluation.sections] == [f"Module {n}" for n in range(1, 5)]
    handouts = {h.id: h for h in training.handouts}
    assert len(handouts["ho-stigmalijst"].items) == 15
    assert len(handouts["ho-routevragen"].items) == 10
    missing = [h for h in handouts.values() if not h.included]
    assert {"ho-tips-lvb-ggz", "ho-logboek", "ho-format-verslag"} <= {h.id for h in missing}
    assert all(h.distribute for h in missing)
    assert all(s.homework for s in training.sessions)


def test_intake_parameters_and_literature(training: Training) -> None:
    assert training.intake is not None and len(training.intake.topics) == 4
    assert {"route-gesprek", "mandaat", "verslaglegging", "instrumenten"} <= {p.id for p in training.parameters}
    roles = {lit.role for lit in training.literature}
    assert {"participant_reading", "trainer_background", "further_reading", "order_only"} <= roles
    vng = next(lit for lit in training.literature if lit.id == "lit-vng-gesprek-iv")
    assert vng.pages == "25-36"


def test_check_reports_no_errors_and_only_accepted_warnings() -> None:
    checked = check_folder(PACK_DIR, Catalog.from_environment())
    assert checked.ok
    assert not errors(checked.diagnostics)
    accepted = {(w.code, w.ref) for w in checked.pack.accepted_warnings} if checked.pack else set()
    for diagnostic in checked.diagnostics:
        assert (diagnostic.code, diagnostic.ref) in accepted, diagnostic.format()


def test_no_run_of_twelve_words_is_copied_from_the_seed(pack: Pack) -> None:
    texts = [(path, text) for path, text in copycheck.iter_texts(pack) if not path.endswith(".url")]
    hits = copycheck.shared_runs(texts, [SEED], n=12, exceptions=PUBLICATION_TITLES)
    assert hits == []

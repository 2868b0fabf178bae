"""The het-gesprek pack: its structure against the Train-de-trainer manual (seed 001), a clean check,
the show and handbook output a trainer reads, and no sentence copied from the seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from draaiboek.api import check_folder, load_pack
from draaiboek.catalog import Catalog
from draaiboek.diagnostics import errors
from draaiboek.model import Case, Duration, Pack, Training
from draaiboek.model.common import SourceRef

from tests import copycheck
from tests.support import RunCli

ROOT = Path(__file__).resolve().parents[2]
PACK_DIR = ROOT / "content_packs" / "draaiboek_pack_het_gesprek" / "pack"
SEED = "001-train-de-trainer-het-gesprek.txt"

#: Publication titles are cited, not written: they may share long runs with the seed.
PUBLICATION_TITLES = [
    "De ICF. Nederlandse vertaling van de 'International Classification of Functioning, Disability and Health'",
    "Toolkit. Ondersteuning van maatschappelijk herstel met de Individuele Rehabilitatie Benadering. "
    "Utrecht: Rehabilitatie '92",
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
    source, editors = pack.sources
    assert (editors.id, editors.kind) == ("redactie", "redactie") and editors.note and "Geen bronfeit" in editors.note
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
    assert {"ho-logboek", "ho-format-verslag"} <= {h.id for h in missing}
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
    hits = copycheck.shared_runs(texts, copycheck.require_seeds(SEED), n=12, exceptions=PUBLICATION_TITLES)
    assert hits == []


# ------------------------------------------------------------------ corrections of issue 16


def _editorial(basis: list[SourceRef]) -> bool:
    return any(ref.source == "redactie" and ref.note for ref in basis)


def _case(pack: Pack, case_id: str) -> Case:
    return next(case for case in pack.cases if case.id == case_id)


def test_johan_has_worked_19_years_in_facts_and_in_what_participants_read(pack: Pack) -> None:
    johan = _case(pack, "casus-johan")
    facts = {fact.label: fact.value for fact in johan.facts}
    assert facts["Leeftijd"] == "35" and facts["Werkt daar al"] == "19 jaar"
    intake = next(layer for layer in johan.layers if layer.id == "aanmelding")
    assert "al 19 jaar werkt" in intake.text and "zestien" not in intake.text
    actor = next(card for card in johan.role_cards if card.id == "acteur-johan")
    assert "19 jaar" in actor.text and "negentiende" not in actor.text and "zestien" not in actor.text
    assert "19 jaar" in (johan.summary or "")


def test_emmas_father_speaks_of_her_begeleider_and_richards_parents_are_not_contradictory(pack: Pack) -> None:
    father = next(card for card in _case(pack, "casus-emma").role_cards if card.id == "vader")
    assert "begeleider" in father.text and "leidinggevende" not in father.text
    richard = next(card for card in _case(pack, "casus-richard").role_cards if card.id == "acteur-richard")
    assert "altijd rekenen" not in richard.text
    assert "nu kan hij niet bij hen" in richard.text.replace("\n", " ").replace("  ", " ")


def test_case_summaries_say_no_more_than_the_intake(pack: Pack) -> None:
    """A summary may only use words the title, facts or first layer already give (long words, as a proxy)."""
    import re

    for case in pack.cases:
        first = " ".join([case.title] + [f"{f.label} {f.value}" for f in case.facts]
                         + [layer.text for layer in case.layers if layer.id == "aanmelding"]).lower()
        words = [w for w in re.findall(r"[a-zà-ÿ-]+", (case.summary or "").lower()) if len(w) >= 6]
        assert words and [w for w in words if w not in first] == [], case.id
        for later in ("overschat", "houvast", "terugval", "paniek", "bokkig"):
            assert later not in (case.summary or ""), (case.id, later)


def test_tie_rule_is_the_workbooks_rule(pack: Pack, run_cli: RunCli, tmp_path: Path) -> None:
    import openpyxl
    from draaiboek_spreadsheets.results import rank

    target = tmp_path / "meter.xlsx"
    result = run_cli("export", "meter", str(PACK_DIR), "-o", str(target))
    assert result.exit_code == 0, result.output
    cells = [str(c.value) for ws in openpyxl.load_workbook(target) for row in ws.iter_rows() for c in row if c.value]
    workbook_rule = [text for text in cells if "gelijke scores" in text.lower()]
    assert workbook_rule and all("eerder in de lijst" in text for text in workbook_rule)
    note = next(n for n in pack.editorial_notes if n.id == "ed-gelijke-scores")
    assert "eerder in de lijst staat voor" in note.decision and "laagste" in note.decision
    everything = " ".join(text for _, text in copycheck.iter_texts(pack))
    assert "kiest de deelnemer zelf" not in everything
    # And the rule the note states is the one the results report applies: equal scores, earliest first.
    [meter] = pack.meters
    order = [s.id for s in meter.statements]
    equal = dict.fromkeys(order, 3.0)
    assert rank(equal, order, 5, highest=True) == order[:5] == rank(equal, order, 5, highest=False)


def test_eindmeting_has_its_own_timed_item_in_module_4(training: Training) -> None:
    m4 = training.session("m4")
    assert m4 is not None and m4.agenda_duration == Duration.fixed(240)
    [item] = [i for i in m4.agenda if "competentiemeter" in i.instruments and i.kind == "assessment"]
    assert item.title.startswith("Eindmeting") and item.duration == Duration.fixed(10)
    titles = [i.title for i in m4.agenda]
    assert titles.index(item.title) == titles.index("Evaluatie van de training") - 1
    assert not any("competentiemeter" in hw.instruments for hw in m4.homework)
    assert _editorial(item.basis)


def test_module_3_theory_block_has_a_labelled_explanation(pack: Pack, training: Training) -> None:
    handout = next(h for h in training.handouts if h.id == "ho-uitleg-irb")
    assert handout.included and "trainers" in handout.audience and _editorial(handout.basis)
    text = handout.content or ""
    assert "Toevoeging van de redactie" in text
    for term in ("verkennen", "kiezen", "verkrijgen", "behouden", "Begrip tonen", "Jezelf laten zien",
                 "Inspireren", "Van mening verschillen", "Verstandelijk", "Levensbeschouwelijk", "Fysiek", "Emotioneel"):
        assert term.lower() in text.lower(), term
    m3 = training.session("m3")
    assert m3 is not None
    [block] = [i for i in m3.agenda if i.work_format == "wf-contactstijl-irb"]
    assert "ho-uitleg-irb" in block.handouts and block.duration == Duration.fixed(30)


def test_tips_handout_is_filled_in_plain_dutch_and_labelled(training: Training) -> None:
    tips = next(h for h in training.handouts if h.id == "ho-tips-lvb-ggz")
    assert tips.included and tips.audience == ["participants"] and _editorial(tips.basis)
    text = tips.content or ""
    assert "makers van dit draaiboek" in text and "letterlijk" in text and "mantelzorger" in text
    assert "tussentijds" in (tips.description or "").lower()


def test_meter_and_feedback_wordings_follow_the_source(pack: Pack) -> None:
    statements = {s.id: s.text for s in pack.meters[0].statements}
    assert "eigen kracht" in statements["1.3"]
    assert "optimaal" in statements["3.5"]
    assert statements["4.2"].startswith("Ik inspireer burgers en hun netwerk")
    feedback = next(q for q in pack.questionnaires if q.id == "feedback-m3")
    indicators = [ind for question in feedback.sections[0].questions for ind in question.indicators]
    assert any(ind.startswith("herhaalt") for ind in indicators)
    assert not any("vat geregeld samen" in ind for ind in indicators)


def test_editorial_additions_are_labelled(pack: Pack, training: Training) -> None:
    timed = [item for item in training.preparation if item.days_before is not None]
    assert len(timed) >= 6 and all(_editorial(item.basis) for item in timed)
    [prerequisite] = [p for p in training.trainer_prerequisites if "ICF" in p]
    assert "Toevoeging van de redactie" in prerequisite
    stigma = next(wf for wf in pack.work_formats if wf.id == "wf-stigma-oefening")
    assert _editorial(stigma.basis) and any("Toevoeging van de redactie" in c for c in stigma.cautions)
    evaluation = next(q for q in pack.questionnaires if q.id == "evaluatie-modules")
    forward = next(q for s in evaluation.sections for q in s.questions if q.id == "m3-vooruit")
    assert _editorial(forward.basis)
    assert "2015" in (training.background or "") and "Kanteling" in (training.background or "")
    ids = {note.id for note in pack.editorial_notes}
    assert {"ed-beleid-2015", "ed-m3-theorie", "ed-tips-lvb-ggz", "ed-eindmeting", "ed-toevoegingen"} <= ids


def test_participant_texts_carry_no_ids_or_yaml_words(pack: Pack, training: Training) -> None:
    texts = [layer.text for case in pack.cases for layer in case.layers if "participants" in layer.audience]
    texts += [h.content or "" for h in training.handouts if "participants" in h.audience]
    texts += [h.description or "" for h in training.handouts if "participants" in h.audience]
    texts += [s.text for s in pack.meters[0].statements] + [pack.meters[0].instructions or ""]
    texts += [q.text for qn in pack.questionnaires if "participants" in qn.audience or "observers" in qn.audience
              for s in qn.sections for q in s.questions]
    texts += [i.assignment or "" for s in training.sessions for i in s.agenda]
    for text in texts:
        for word in ("`", "pack", "choice_group", "included", "lvb-casus", "m1-lo", "casus-", "ho-"):
            assert word not in text, (word, text[:60])

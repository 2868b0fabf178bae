"""The lvb-coaching pack: structure against the coaching manual (seed 000), traceability to the draft
guideline (seed 003), a clean check, the handbook a trainer reads, and no copied sentences."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from draaiboek.api import check_folder, load_pack, resolver_for
from draaiboek.catalog import Catalog
from draaiboek.model import Duration, Pack, Session, SourceRef, Training
from draaiboek.refs import Resolver
from tests import copycheck

from tests import copycheck

ROOT = Path(__file__).resolve().parents[2]
PACK_DIR = ROOT / "content_packs" / "draaiboek_pack_lvb_coaching" / "pack"
GUIDELINE = "leidraad-lvb"




@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK_DIR)


@pytest.fixture(scope="module")
def training(pack: Pack) -> Training:
    assert [t.id for t in pack.trainings] == ["coaching-on-the-job"]
    return pack.trainings[0]


@pytest.fixture(scope="module")
def resolver(pack: Pack) -> Resolver:
    return resolver_for(pack, Catalog.from_environment())


def _session(training: Training, session_id: str) -> Session:
    session = training.session(session_id)
    assert session is not None, session_id
    return session


def _refs_source(basis: list[SourceRef], source: str) -> bool:
    return any(ref.source == source and ref.section for ref in basis)


def _editorial(basis: list[SourceRef]) -> bool:
    return any(ref.source == "redactie" and ref.note for ref in basis)


def test_check_reports_nothing() -> None:
    checked = check_folder(PACK_DIR, Catalog.from_environment())
    assert checked.ok
    assert [d.format() for d in checked.diagnostics if d.accepted is None] == []


def test_coaching_agenda_is_the_four_printed_blocks(training: Training) -> None:
    session = _session(training, "bijeenkomst-coaching")
    assert session.duration == Duration(60, 90)  # "1 tot 1,5 uur"
    blocks = [(item.title, item.kind, item.duration) for item in session.agenda]
    assert blocks == [
        ("Opening", "opening", Duration(0, 10)),
        ("Introductie", "introduction", Duration(5, 10)),
        ("Casusbespreking", "activity", Duration(30, 40)),
        ("Evaluatie", "evaluation", Duration(5, 10)),
    ]
    # The printed blocks leave 20 minutes unassigned; the stated duration still overlaps the agenda.
    assert session.agenda_duration == Duration(40, 70)


def test_case_discussion_uses_the_compact_intervision_that_fits_its_block(
    training: Training, resolver: Resolver
) -> None:
    casus = next(i for i in _session(training, "bijeenkomst-coaching").agenda if i.title == "Casusbespreking")
    assert (casus.work_format, casus.variant) == ("intervisie", "compact")
    fmt = resolver.work_format("lvb-coaching:intervisie")  # the id other packs use
    assert fmt is not None
    compact = next(v for v in fmt.variants if v.id == "compact")
    total = Duration(0, 0)
    for step in compact.steps:
        assert step.minutes is not None
        total = total + step.minutes
    assert total == casus.duration == compact.duration


def test_intervision_has_the_five_steps_and_minutes_of_appendix_1(resolver: Resolver) -> None:
    fmt = resolver.work_format("lvb-coaching:intervisie")
    assert fmt is not None
    assert fmt.category == "intervisie"
    titles = [step.title or "" for step in fmt.steps]
    assert len(titles) == 5
    for title, word in zip(titles, ["Kiezen", "Presentatie", "Analyse", "Aanpak", "Opbrengst"], strict=True):
        assert word in title
    assert [step.minutes for step in fmt.steps] == [Duration.fixed(m) for m in (10, 15, 10, 15, 10)]
    assert "5 minuten presentatie + 10 minuten vragen" in fmt.steps[1].text  # printed as "5+10 min"
    assert fmt.duration == Duration.fixed(60)
    assert {v.id for v in fmt.variants} == {"volledig", "compact"}
    # The rules: listen only in step 1, clarifying questions only in step 2, the outcome held back until step 4.
    assert "luisteren" in fmt.steps[0].text and "discussiëren" in fmt.steps[0].text
    assert "oplossingen" in fmt.steps[1].text
    assert "pas nu" in fmt.steps[3].text
    assert len(fmt.rules) >= 4


def test_evaluation_asks_the_three_questions_of_the_manual(pack: Pack, resolver: Resolver) -> None:
    evaluation = resolver.questionnaire("evaluatie")
    assert evaluation is not None and evaluation.kind == "evaluation"
    questions = [q.text for section in evaluation.sections for q in section.questions]
    assert len(questions) == 3
    for text, word in zip(questions, ["waardevol", "beter", "vervolg"], strict=True):
        assert word in text


def test_fieldnotes_are_a_trainer_form_with_the_manuals_fields(resolver: Resolver) -> None:
    notes = resolver.questionnaire("fieldnotes")
    assert notes is not None and notes.audience == ["trainers"]
    ids = {q.id for section in notes.sections for q in section.questions}
    assert {"aanwezigen", "knelpunten", "leerpunten", "uitspraken", "verbeterpunten"} <= ids


def test_aftercare_email_template_declares_exactly_the_fields_it_uses(training: Training) -> None:
    mail = next(item for item in training.aftercare if item.template is not None)
    assert mail.template is not None
    declared = {f.name for f in mail.template.fields}
    used = set(re.findall(r"\{(\w+)\}", mail.template.body + (mail.template.subject or "")))
    assert used == declared
    assert {"kernpunten", "vervolgafspraken", "aandachtsfunctionaris"} <= declared
    titles = " ".join(item.title for item in training.aftercare)
    assert "Flyer" in titles and "reflectie" in titles


def test_preparation_starts_a_week_ahead_and_keeps_regional_names_out(training: Training) -> None:
    assert any(item.days_before == 7 and "Bel de praktijk" in item.task for item in training.preparation)
    params = {p.id: p for p in training.parameters}
    assert "partner-sociaal-domein" in params and params["partner-sociaal-domein"].required is False
    assert "aandachtsfunctionaris-lvb" in params
    for item in training.preparation:
        assert "MEE" not in item.task and "Levanto" not in item.task
    assert len(training.tips) >= 5


def test_tools_and_missing_appendix_are_referenced_not_reproduced(training: Training) -> None:
    handouts = {h.id: h for h in training.handouts}
    for tool in ("signalenkaart-lvb", "scil", "toolkit-blik-op-lvb"):
        assert handouts[tool].included is False
        assert (handouts[tool].external or "").startswith("https://")
        assert handouts[tool].content is None
    appendix = handouts["regionaal-instroommodel"]
    assert (appendix.included, appendix.optional) == (False, True)
    assert appendix.content is None and appendix.items == []


def test_second_session_traces_every_element_to_the_draft_guideline(pack: Pack, training: Training) -> None:
    session = _session(training, "lvb-herkennen-communiceren")
    assert session.title == "LVB herkennen en communiceren"
    assert session.duration == session.agenda_duration
    assert _refs_source(session.basis, GUIDELINE)
    assert session.learning_outcomes
    for outcome in session.learning_outcomes:
        assert _refs_source(outcome.basis, GUIDELINE), outcome.id
    formats = {f.id: f for f in pack.work_formats}
    for item in session.agenda:
        if item.kind == "break":  # a break has no content to trace, only the editors' choice to plan it
            assert _editorial(item.basis), item.title
            continue
        assert _refs_source(item.basis, GUIDELINE), item.title
        assert _editorial(item.basis), item.title
        if item.work_format:
            assert _refs_source(formats[item.work_format].basis, GUIDELINE), item.work_format
    used = {ref for item in session.agenda for ref in item.handouts}
    for handout in training.handouts:
        if handout.id in used and handout.included:
            assert _refs_source(handout.basis, GUIDELINE), handout.id
    for case in pack.cases:
        assert _refs_source(case.basis, GUIDELINE), case.id
    tips = next(h for h in training.handouts if h.id == "handout-herkennen-communiceren")
    assert tips.warning is not None and "diagnose" in tips.warning.lower()
    assert "concept" in (tips.content or "")


def test_draft_guideline_is_cited_as_a_draft(pack: Pack) -> None:
    sources = {s.id: s for s in pack.sources}
    assert set(sources) == {"handleiding-cotj", GUIDELINE, "redactie"}
    assert sources["redactie"].kind == "redactie" and "Geen bronfeit" in (sources["redactie"].note or "")
    guideline = sources[GUIDELINE]
    assert guideline.status == "concept"
    assert "concept" in (guideline.attribution or "") and "Bureau HHM" in (guideline.attribution or "")
    assert all(s.attribution for s in sources.values() if s.id != "redactie")


def test_meter_covers_the_four_domains_roles_and_outcomes(pack: Pack, training: Training) -> None:
    meter = next(m for m in pack.meters if m.id == "meter-lvb-praktijk")
    assert [d.id for d in meter.domains] == ["herkennen", "communiceren", "verwijzen", "sociaal-domein"]
    assert set(meter.roles) == {"huisarts", "poh-ggz", "doktersassistent"}
    assert all(len(p.label) > 2 for p in meter.scale.points)
    assert [m.id for m in meter.moments] == ["voor", "na"]
    for role in meter.roles:  # each role has at least one statement of its own
        assert any(s.roles == [role] for s in meter.statements), role
    measured = {ref for s in meter.statements for ref in s.outcomes}
    outcomes = {o.id for session in training.sessions for o in session.learning_outcomes}
    assert outcomes <= measured
    assert all(s.basis for s in meter.statements)


def test_no_twelve_word_run_is_copied_from_either_seed(pack: Pack) -> None:
    seeds = copycheck.require_seeds("000-coaching-on-the-job-lvb.txt", "003-persoonsgerichte-zorg-lvb.txt")
    # Addresses of the cited tools are quoted, not written: the SCIL product URL spells out its title.
    urls = [h.external for t in pack.trainings for h in t.handouts if h.external and h.external.startswith("http")]
    assert copycheck.shared_runs(copycheck.iter_texts(pack), seeds, exceptions=urls) == []


def test_handbook_presents_both_sessions(tmp_path: Path) -> None:
    out = tmp_path / "lvb.md"
    cli = Path(sys.executable).parent / "draaiboek"
    result = subprocess.run([str(cli), "export", "handbook", "lvb-coaching", "-o", str(out)],
                            check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    for heading in ("Coaching-on-the-job in de praktijk", "LVB herkennen en communiceren", "Casusbespreking",
                    "Signalen herkennen", "Netwerk en verwijzen", "Geen diagnose-instrument", "{kernpunten}"):
        assert heading in text, heading


# ------------------------------------------------------------------ corrections of issue 16

SCOPE = "intensieve zorgvraag"


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def test_guideline_scope_is_stated_where_its_material_is_used(pack: Pack, training: Training) -> None:
    guideline = next(s for s in pack.sources if s.id == GUIDELINE)
    assert SCOPE in _flat(guideline.note)
    session = _session(training, "lvb-herkennen-communiceren")
    assert SCOPE in _flat(session.introduction)
    handout = next(h for h in training.handouts if h.id == "handout-herkennen-communiceren")
    assert SCOPE in _flat(handout.content) and SCOPE in _flat(handout.description)
    meter = next(m for m in pack.meters if m.id == "meter-lvb-praktijk")
    assert SCOPE in _flat(meter.instructions)
    assert any(SCOPE in _flat(ref.note) for ref in meter.basis if ref.source == GUIDELINE)
    signals = next(wf for wf in pack.work_formats if wf.id == "signalen-vignetten")
    assert any(SCOPE in _flat(c) for c in signals.cautions)
    assert SCOPE in _flat(next(wf for wf in pack.work_formats if wf.id == "lvb-quiz").description)
    # No meter statement claims a frequency for everyone with LVB.
    assert not any("vaker" in s.text for s in meter.statements)


def test_intervision_is_questioning_and_advising_with_step_4_as_advice(pack: Pack, training: Training) -> None:
    model = next(wf for wf in pack.work_formats if wf.id == "intervisie")
    description = _flat(model.description)
    assert "bevragen en adviseren" in description and "niet adviseren" not in description
    step4 = model.steps[3]
    assert step4.title and step4.title.startswith("Aanpak") and "advie" in step4.text
    compact = next(v for v in model.variants if v.id == "compact")
    assert "Advie" in compact.steps[3].text
    card = next(h for h in training.handouts if h.id == "intervisiekaart")
    fourth = next(line for line in (card.content or "").splitlines() if line.strip().startswith("4."))
    assert "advis" in fourth or "advie" in fourth


def test_shared_decision_making_names_wilsbekwaamheid_and_the_legal_frame(pack: Pack) -> None:
    model = next(wf for wf in pack.work_formats if wf.id == "samen-beslissen")
    cautions = _flat(" ".join(model.cautions))
    assert "ernstig nadeel" in cautions and "wilsbekwaam" in cautions
    for law in ("WGBO", "Wet zorg en dwang", "Wet verplichte ggz"):
        assert law in cautions, law
    assert "per beslissing" in cautions and "geacht wilsbekwaam" in cautions
    assert "bewindvoerder gaat alleen over geld" in cautions
    assert "jurist" in cautions  # where unsure, it says who to ask
    assert _editorial(model.basis) and _refs_source(model.basis, GUIDELINE)
    note = next(n for n in pack.editorial_notes if n.id == "samen-beslissen-recht")
    assert "wilsbekwaam" in _flat(note.decision)


def test_session_2_material_is_ready_to_use(pack: Pack, training: Training) -> None:
    session = _session(training, "lvb-herkennen-communiceren")
    items = {item.id: item for item in session.agenda}
    for item_id in ("hc-wat-is-lvb", "hc-signalen", "hc-uitleggen", "hc-beslissen", "hc-netwerk"):
        assert items[item_id].goal, item_id
    handouts = {h.id: h for h in training.handouts}
    texts = handouts["voorbeeldteksten-uitleg"]
    assert texts.included and texts.audience == ["participants"] and _editorial(texts.basis)
    assert len(re.findall(r"^\d\. \*\*", texts.content or "", flags=re.MULTILINE)) == 4
    rewritten = handouts["voorbeelden-herschreven"]
    assert rewritten.audience == ["trainers"] and "eigen woorden" in _flat(rewritten.content)
    assert {"voorbeeldteksten-uitleg", "voorbeelden-herschreven"} <= set(items["hc-uitleggen"].handouts)
    assert items["hc-beslissen"].cases == ["casus-lisa"]
    lisa = next(case for case in pack.cases if case.id == "casus-lisa")
    assert "casus-lisa" in training.cases and _editorial(lisa.basis)
    situation = next(layer for layer in lisa.layers if layer.id == "situatie")
    assert "participants" in situation.audience and situation.text.count("**") >= 6  # three options
    [card] = lisa.role_cards
    assert card.audience == ["role_player"] and "ja" in card.text
    debrief = next(layer for layer in lisa.layers if layer.id == "nabespreking")
    assert debrief.audience == ["trainers"] and "wilsbekwaam" in debrief.text


def test_post_measurement_is_prompted_when_a_practice_does_only_session_1(pack: Pack, training: Training) -> None:
    evaluation = next(i for i in _session(training, "bijeenkomst-coaching").agenda if i.id == "evaluatie-coaching")
    assert "meter-lvb-praktijk" in evaluation.instruments and "nameting" in _flat(evaluation.description)
    mail = next(a for a in training.aftercare if a.template is not None)
    assert mail.template is not None and "{nameting}" in mail.template.body
    assert any(f.name == "nameting" and "bijlage" in _flat(f.description) for f in mail.template.fields)
    assert any(a.title.startswith("Nameting") for a in training.aftercare)
    meter = next(m for m in pack.meters if m.id == "meter-lvb-praktijk")
    after = next(m for m in meter.moments if m.id == "na")
    assert "coaching" in _flat(after.timing) and "mail" in _flat(after.timing)


def test_editorial_additions_are_labelled(pack: Pack, training: Training) -> None:
    coaching = _session(training, "bijeenkomst-coaching")
    assert all(_editorial(o.basis) for o in coaching.learning_outcomes)
    assert all(_editorial(case.basis) for case in pack.cases)
    for wf_id in ("lvb-quiz", "signalen-vignetten", "herformuleren", "samen-beslissen", "netwerkkaart", "intervisie"):
        assert _editorial(next(wf for wf in pack.work_formats if wf.id == wf_id).basis), wf_id
    assert all(_editorial(m.basis) for m in pack.meters)
    ids = {n.id for n in pack.editorial_notes}
    assert {"reikwijdte-leidraad", "intervisie-adviseren", "samen-beslissen-recht", "bijeenkomst-twee-materiaal",
            "nameting"} <= ids


def test_participant_texts_carry_no_ids_or_yaml_words(pack: Pack, training: Training) -> None:
    texts = [layer.text for case in pack.cases for layer in case.layers if "participants" in layer.audience]
    texts += [card.text for case in pack.cases for card in case.role_cards]
    texts += [h.content or "" for h in training.handouts if "participants" in h.audience]
    texts += [s.text for m in pack.meters for s in m.statements] + [m.instructions or "" for m in pack.meters]
    texts += [q.text for qn in pack.questionnaires if "participants" in qn.audience
              for s in qn.sections for q in s.questions]
    texts += [wf.assignment or "" for wf in pack.work_formats]
    everything = " ".join(text for _, text in copycheck.iter_texts(pack))
    assert "`" not in everything.replace("`000-coaching-on-the-job-lvb.txt`", "").replace(
        "`003-persoonsgerichte-zorg-lvb.txt`", "")
    for text in texts:
        for word in ("pack", "choice_group", "included", "vignet-", "casus-", "hc-lo", "cotj-"):
            assert word not in text, (word, text[:60])

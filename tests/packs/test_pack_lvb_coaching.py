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
        assert _refs_source(item.basis, GUIDELINE), item.title
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
    assert set(sources) == {"handleiding-cotj", GUIDELINE}
    guideline = sources[GUIDELINE]
    assert guideline.status == "concept"
    assert "concept" in (guideline.attribution or "") and "Bureau HHM" in (guideline.attribution or "")
    assert all(s.attribution for s in sources.values())


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
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    for heading in ("Coaching-on-the-job in de praktijk", "LVB herkennen en communiceren", "Casusbespreking",
                    "Signalen herkennen", "Netwerk en verwijzen", "Geen diagnose-instrument", "{kernpunten}"):
        assert heading in text, heading

"""The naasten pack: the promises of the programme it designs from a thesis (seed 004).

The thesis holds no training, only findings about what a good one is; these tests hold the pack to them:
short modules that fit their slot, varied work formats, outcomes that are both practised and measured,
follow-up that keeps it alive, a meter measured more than twice, traceability of every element to the
thesis, a clean check, a handbook that shows it all, and no copied sentences.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from draaiboek.api import check_folder, load_pack, resolver_for
from draaiboek.catalog import Catalog
from draaiboek.model import Case, Duration, Pack, Session, SourceRef, Training
from draaiboek.refs import Resolver
from tests import copycheck

from tests import copycheck

ROOT = Path(__file__).resolve().parents[2]
PACK_DIR = ROOT / "content_packs" / "draaiboek_pack_naasten" / "pack"
THESIS = "thesis"
SEED = "004-scholing-samenwerking-naasten.txt"




@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK_DIR)


@pytest.fixture(scope="module")
def training(pack: Pack) -> Training:
    assert [t.id for t in pack.trainings] == ["samen-met-naasten"]
    return pack.trainings[0]


@pytest.fixture(scope="module")
def resolver(pack: Pack) -> Resolver:
    return resolver_for(pack, Catalog.from_environment())


def _modules(training: Training) -> list[Session]:
    return [s for s in training.sessions if s.kind == "module"]


def _session(training: Training, session_id: str) -> Session:
    session = training.session(session_id)
    assert session is not None, session_id
    return session


def _cites_thesis(basis: list[SourceRef]) -> bool:
    return any(ref.source == THESIS and ref.section for ref in basis)


def test_check_reports_nothing() -> None:
    checked = check_folder(PACK_DIR, Catalog.from_environment())
    assert checked.ok
    assert [d.format() for d in checked.diagnostics] == []


def test_programme_is_kickoff_four_modules_and_a_closing_on_embedding(training: Training) -> None:
    main = [s for s in training.sessions if s.phase == "main"]
    assert [s.kind for s in main] == ["aftrap", "module", "module", "module", "module", "afsluiting"]
    assert main[0].duration is not None and main[0].duration.high <= 60  # fits a team meeting
    closing = main[-1]
    assert closing.duration is not None and closing.duration.high <= 90
    assert any(item.work_format == "wf-teamafspraken" for item in closing.agenda)
    assert any("borgingsscan" in item.instruments for item in closing.agenda)


def test_every_module_fits_its_slot(training: Training) -> None:
    modules = _modules(training)
    assert len(modules) == 4
    for session in training.sessions:
        assert session.duration is not None, session.id
        assert session.agenda_duration.overlaps(session.duration), session.id
    for module in modules:
        assert module.duration is not None
        assert 60 <= module.duration.low and module.duration.high <= 90, module.id
        assert module.agenda_duration == module.duration, module.id


def test_every_module_follows_the_same_repeatable_template(training: Training) -> None:
    shapes = set()
    for module in _modules(training):
        titles = [item.title for item in module.agenda]
        assert [t.split(".")[0] for t in titles] == ["1", "2", "3", "4", "5", "6"], module.id
        shapes.add(tuple(item.duration for item in module.agenda))
    assert shapes == {tuple(Duration.fixed(m) for m in (10, 15, 20, 30, 10, 5))}


def test_every_module_uses_at_least_three_kinds_of_work_format(training: Training, resolver: Resolver) -> None:
    for module in _modules(training):
        categories = set()
        for item in module.agenda:
            if item.work_format:
                fmt = resolver.work_format(item.work_format)
                assert fmt is not None, item.work_format
                categories.add(fmt.category)
        assert len(categories) >= 3, (module.id, categories)
        # The practice block is always a role play with example-sentence cards.
        assert "rollenspel" in categories, module.id
        assert any("ho-voorbeeldzinnen" in item.handouts for item in module.agenda), module.id


def test_work_formats_the_findings_ask_for_exist(pack: Pack, training: Training) -> None:
    categories = {f.category for f in pack.work_formats}
    for wanted in ("ervaringsverhaal", "casusbespreking", "rollenspel", "reflectie", "teamafspraak", "intervisie"):
        assert wanted in categories, wanted
    roleplay = next(f for f in pack.work_formats if f.category == "rollenspel")
    assert roleplay.grouping == "trios"
    assert len(roleplay.variants) >= 2
    # The own case is worked with a fixed question set that participants hold in their hands.
    own_case = next(f for f in pack.work_formats if f.category == "casusbespreking")
    assert "Vragenset eigen casus" in " ".join(own_case.materials)
    question_set = next(h for h in training.handouts if h.id == "ho-vragenset")
    assert len(question_set.items) >= 5
    assert all(item.endswith("?") or "themavraag" in item for item in question_set.items)
    assert all(any("ho-vragenset" in item.handouts for item in s.agenda if item.work_format == own_case.id)
               for s in _modules(training) if any(item.work_format == own_case.id for item in s.agenda))


def test_every_learning_outcome_is_practised_and_measured(pack: Pack, training: Training) -> None:
    outcomes = [o.id for s in training.sessions for o in s.learning_outcomes]
    assert len(outcomes) >= 15
    in_agenda = {ref for s in training.sessions for item in s.agenda for ref in item.outcomes}
    meter = next(m for m in pack.meters if m.id == "meter-naasten")
    measured = {ref for statement in meter.statements for ref in statement.outcomes}
    assert [o for o in outcomes if o not in in_agenda] == []
    assert [o for o in outcomes if o not in measured] == []
    assert measured <= set(outcomes)


def test_meter_is_labelled_and_measured_before_after_and_months_later(pack: Pack, training: Training) -> None:
    meter = next(m for m in pack.meters if m.id == "meter-naasten")
    assert all(len(p.label.split()) >= 3 for p in meter.scale.points)
    assert len(meter.domains) >= 5
    assert all(any(s.domain == d.id for s in meter.statements) for d in meter.domains)
    assert len(meter.moments) >= 3
    sessions = {s.id: s for s in training.sessions}
    moment_sessions = [sessions[m.session] for m in meter.moments if m.session]
    assert len(moment_sessions) == len(meter.moments)
    assert moment_sessions[0].kind == "aftrap"  # before
    assert moment_sessions[1].kind == "afsluiting"  # after
    assert all(s.phase == "follow_up" for s in moment_sessions[2:])  # months later
    assert all(m.timing for m in meter.moments)


def test_follow_up_keeps_it_alive(training: Training, resolver: Resolver) -> None:
    follow = {s.id: s for s in training.sessions if s.phase == "follow_up"}
    assert set(follow) == {"intervisie", "opfrisser", "jaarlijks", "instroom"}
    assert all(s.timing for s in follow.values())
    intervision = follow["intervisie"]
    formats = {item.work_format for item in intervision.agenda}
    assert formats == {"wf-intervisie-naastencasus"}
    fmt = resolver.work_format("wf-intervisie-naastencasus")
    assert fmt is not None and fmt.category == "intervisie"
    assert "zes tot acht weken" in (intervision.timing or "")
    assert "drie maanden" in (follow["opfrisser"].timing or "")
    assert "jaar" in (follow["jaarlijks"].timing or "")
    # Follow-up sessions deepen the modules' outcomes instead of defining new ones.
    assert all(not s.learning_outcomes for s in follow.values())
    assert all(any(item.outcomes for item in s.agenda) for s in follow.values())


def test_practice_assignments_between_sessions_and_buddies(training: Training) -> None:
    main = [s for s in training.sessions if s.phase == "main"]
    ids = [s.id for s in training.sessions]
    for session, following in itertools.pairwise(main):
        assert session.homework, session.id
        assert session.homework[0].due == following.id, session.id
    for session in training.sessions:
        for assignment in session.homework:
            assert assignment.due in ids
    for module in _modules(training):
        first = module.agenda[0]
        assert first.work_format == "wf-terugblik-buddy", module.id
    aftrap = _session(training, "aftrap")
    assert any("buddy" in item.title.lower() for item in aftrap.agenda)


def test_instruments_reflection_and_scans(pack: Pack, training: Training, resolver: Resolver) -> None:
    reflection = resolver.questionnaire("sessiereflectie")
    assert reflection is not None and reflection.kind == "reflection"
    first = [q.text.lower() for q in reflection.sections[0].questions]
    for word in ("neem ik mee", "ga ik", "heb ik nog nodig"):
        assert any(word in text for text in first), word
    needs = resolver.questionnaire("behoeftescan")
    embedding = resolver.questionnaire("borgingsscan")
    assert needs is not None and embedding is not None
    assert needs.kind == embedding.kind == "scan"
    assert needs.sessions == ["aftrap"]
    assert [s.title for s in embedding.sections] == ["Medewerker", "Team", "Organisatie"]
    used = {ref for s in training.sessions for item in s.agenda for ref in item.instruments}
    assert {"meter-naasten", "sessiereflectie", "behoeftescan", "borgingsscan"} <= used
    for module in _modules(training):
        assert "sessiereflectie" in module.agenda[-1].instruments, module.id


def test_cases_have_layers_revealed_per_session_and_role_cards(pack: Pack, training: Training) -> None:
    session_ids = {s.id for s in training.sessions}
    assert len(pack.cases) >= 4
    for case in pack.cases:
        assert len(case.layers) >= 2, case.id
        assert any("trainers" in layer.audience for layer in case.layers), case.id
        assert all(r.session in session_ids for layer in case.layers if "participants" in layer.audience for r in layer.reveal)
        assert case.role_cards, case.id
    running = next(c for c in pack.cases if c.id == "casus-gerrit")
    assert [step.session for step in running.arc] == ["m1", "m2", "m3"]


def _elements(pack: Pack) -> Iterator[tuple[str, list[SourceRef]]]:
    for training in pack.trainings:
        yield training.id, training.basis
        for session in training.sessions:
            yield session.id, session.basis
            for outcome in session.learning_outcomes:
                yield outcome.id, outcome.basis
            for i, item in enumerate(session.agenda):
                yield f"{session.id} agenda[{i}] {item.title}", item.basis
            for assignment in session.homework:
                yield f"{session.id} homework {assignment.title}", assignment.basis
        for handout in training.handouts:
            yield handout.id, handout.basis
        for prep in training.preparation:
            yield f"preparation {prep.task[:30]}", prep.basis
        for care in training.aftercare:
            yield f"aftercare {care.title}", care.basis
    for fmt in pack.work_formats:
        yield fmt.id, fmt.basis
    for case in pack.cases:
        yield case.id, case.basis
    for meter in pack.meters:
        yield meter.id, meter.basis
        for statement in meter.statements:
            yield f"{meter.id} {statement.id}", statement.basis
    for questionnaire in pack.questionnaires:
        yield questionnaire.id, questionnaire.basis
    for note in pack.editorial_notes:
        yield f"editorial note {note.topic}", note.basis


def test_every_element_has_a_reference_into_the_thesis(pack: Pack) -> None:
    elements = list(_elements(pack))
    assert len(elements) > 150
    assert [name for name, basis in elements if not _cites_thesis(basis)] == []
    # An editorial addition says what the editors added and why.
    assert [name for name, basis in elements if any(r.source == "redactie" and not r.note for r in basis)] == []


def test_thesis_is_cited_with_attribution_and_its_condition(pack: Pack) -> None:
    assert [s.id for s in pack.sources] == [THESIS, "redactie"]
    assert pack.sources[1].kind == "redactie" and "Geen bronfeit" in (pack.sources[1].note or "")
    thesis = pack.sources[0]
    assert thesis.year == 2025 and thesis.kind == "bachelorscriptie"
    assert "Den Ouden" in (thesis.attribution or "") and "Van der Zee" in (thesis.attribution or "")
    assert thesis.licence and "eigen woorden" in thesis.licence
    assert pack.attribution and "Den Ouden" in pack.attribution
    assert len(pack.editorial_notes) >= 5


def test_no_twelve_word_run_is_copied_from_the_thesis(pack: Pack) -> None:
    [seed] = copycheck.require_seeds(SEED)
    # The working title of the thesis is cited, not written.
    title = pack.sources[0].title
    assert copycheck.shared_runs(copycheck.iter_texts(pack), [seed], exceptions=[title]) == []


def test_no_respondent_organisations_or_contact_persons_in_the_content(pack: Pack) -> None:
    texts = [text for path, text in copycheck.iter_texts(pack) if not path.startswith("$.sources")
             and not path.startswith("$.attribution") and "literature" not in path]
    names = ("Lentis", "VNN", "Accare", "BuurtzorgT", "GGD", "Tinten", "InBegrepen", "KOPPeling",
             "Sandra", "Lianne", "Gijs")
    assert [n for n in names if any(n in text for text in texts)] == []


def test_handbook_presents_the_whole_programme(tmp_path: Path) -> None:
    out = tmp_path / "naasten.md"
    cli = Path(sys.executable).parent / "draaiboek"
    result = subprocess.run([str(cli), "export", "handbook", "naasten", "-o", str(out)],
                            check=False, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    for heading in ("Waarom naasten?", "Wie hoort erbij?", "Het gesprek openen", "Samen aan tafel",
                    "Als het schuurt", "Zo doen wij het hier", "Naastencasus", "Drie maanden later",
                    "Eén keer per jaar", "Nieuwe collega's doen mee", "Meter samenwerken met naasten",
                    "Drie maanden later", "Het verhaal van Anja", "{teamafspraken}"):
        assert heading in text, heading


# --- legal and privacy corrections from the content review (issue 16); these must not regress --------

def _case(pack: Pack, case_id: str) -> Case:
    return next(c for c in pack.cases if c.id == case_id)


def _handout_text(training: Training, handout_id: str) -> str:
    handout = next(h for h in training.handouts if h.id == handout_id)
    return " ".join([handout.description or "", handout.content or "", *handout.items, handout.warning or ""])


def test_te_laat_asks_henk_before_anyone_calls_his_sister(pack: Pack, training: Training) -> None:
    case = _case(pack, "casus-te-laat")
    sister = next(layer for layer in case.layers if layer.id == "zus").text
    # He is asked first, and only then is Marga called.
    assert "vraagt of hij het goed vindt dat ze Marga belt" in sister
    assert sister.index("goed vindt") < sister.index("weet van niets")
    trainer = next(layer for layer in case.layers if layer.id == "trainer").text
    assert "toestemming" in trainer
    assert any(card.role.startswith("Henk") and "m4" in card.sessions for card in case.role_cards)
    m4 = _session(training, "m4")
    practice = next(item for item in m4.agenda if "casus-te-laat" in item.cases)
    assert "vraag Henk eerst" in (practice.assignment or "")


def test_sanne_case_has_the_kindcheck_and_the_five_meldcode_steps(pack: Pack, training: Training) -> None:
    case = _case(pack, "casus-sanne")
    layer = next(layer for layer in case.layers if layer.id == "kindcheck")
    assert layer.audience == ["trainers"]
    text = layer.text
    assert "Kindcheck" in text and "Meldcode huiselijk geweld en kindermishandeling" in text
    assert [line.split(".")[0] for line in text.splitlines() if line[:2] in {"1.", "2.", "3.", "4.", "5."}] == [
        "1", "2", "3", "4", "5"]
    for word in ("afwegingskader", "aandachtsfunctionaris Meldcode", "Veilig Thuis", "acute of structurele"):
        assert word in text, word
    # The trainer is told to discuss it in module 2, where the case is played.
    m2 = _session(training, "m2")
    practice = next(item for item in m2.agenda if "casus-sanne" in item.cases)
    assert any("Kindcheck" in (step.description or "") and "Meldcode" in (step.description or "")
               for step in practice.steps)


def test_noor_case_states_custody_information_rights_and_consent_from_12(pack: Pack) -> None:
    case = _case(pack, "casus-noor")
    assert any(f.label == "Gezag" and "samen het gezag" in f.value for f in case.facts)
    text = " ".join(next(layer for layer in case.layers if layer.id == "gezag").text.split())
    for words in ("1:377c", "ouder zónder gezag heeft recht op informatie", "12 tot 16",
                  "toestemming nodig van Noor én van haar ouders met gezag", "uitzonderingen", "jurist"):
        assert words in text, words
    father = next(card for card in case.role_cards if card.id == "rol-vader-noor")
    assert "gezag" in father.text


def test_privacy_baseline_is_written_and_correct(pack: Pack, training: Training) -> None:
    handout = next(h for h in training.handouts if h.id == "ho-privacy")
    assert handout.included and handout.content
    text = _handout_text(training, "ho-privacy")
    assert "Luisteren kan altijd" in text
    assert "alleen met toestemming" in text
    assert "uitzonderingen" in text.lower() and "nooit alleen" in text
    for who in ("privacyfunctionaris", "jurist", "aandachtsfunctionaris Meldcode"):
        assert who in text, who
    # The pack does not endorse sharing 'basic information' without consent.
    yusuf = _case(pack, "casus-yusuf")
    notes = " ".join(ref.note or "" for ref in yusuf.basis)
    assert "volgt dat niet" in notes
    trainer = next(layer for layer in yusuf.layers if layer.id == "trainer").text
    assert "Zonder toestemming van Yusuf" in trainer


def test_practice_log_and_caseload_homework_use_codes_not_names(training: Training) -> None:
    log = _handout_text(training, "ho-oefenlogboek")
    assert "initialen of code" not in log and "letterlijk" not in log.replace("geen letterlijke", "")
    assert "code" in log and "geen initialen" in log
    aftrap = _session(training, "aftrap")
    assert "code (A, B, C)" in aftrap.homework[0].text
    for session in training.sessions:
        for assignment in session.homework:
            assert "letterlijk wat" not in assignment.text, session.id


def test_evidence_caveat_reaches_the_handbook_reader(training: Training) -> None:
    background = training.background or ""
    assert "zes mensen op beleidsniveau" in background and "nog niet uitgeprobeerd" in background


def test_observer_card_is_written_and_every_trio_member_plays_the_professional(pack: Pack, training: Training) -> None:
    card = next(h for h in training.handouts if h.id == "ho-observatiekaart")
    assert len(card.items) == 3 and all(item.endswith("?") for item in card.items)
    roleplay = next(f for f in pack.work_formats if f.id == "wf-rollenspel-drietallen")
    rewind = next(v for v in roleplay.variants if v.id == "terugspoelen")
    assert "ander de rol van hulpverlener" in " ".join((rewind.description or "").split())
    assert "iedereen een keer de hulpverlener" in " ".join((rewind.description or "").split())
    m3 = _session(training, "m3")
    story = m3.agenda[1]
    assert "ho-verhaal-ahmed" in story.handouts

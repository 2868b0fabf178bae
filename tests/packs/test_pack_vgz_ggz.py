"""The vgz-ggz pack: a cross-sector training built on a research report (seed 002). Every element traces to
a section of the report (checked against the report's own headings), outcomes are taught and measured,
sessions fit their durations, the intervision format is reused from lvb-coaching, and nothing is copied."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from draaiboek.api import check_folder, load_pack, open_training
from draaiboek.catalog import Catalog
from draaiboek.model import Duration, Pack, SourceRef, Training
from draaiboek.refs import Resolver

from tests import copycheck
from tests.support import RunCli

ROOT = Path(__file__).resolve().parents[2]
PACK_DIR = ROOT / "content_packs" / "draaiboek_pack_vgz_ggz" / "pack"
REPORT = "trimbos-2022"
#: The title of the study the report belongs to: a publication name, cited rather than written.
STUDY_TITLE = ("Verbetering van de kennisinfrastructuur voor bewoners van vgz instellingen met psychiatrische "
               "problematiek")




SEED = "002-kennisdeling-vgz-ggz.txt"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK_DIR)


@pytest.fixture(scope="module")
def opened() -> tuple[Pack, Training, Resolver]:
    return open_training("vgz-ggz")


@pytest.fixture(scope="module")
def training(pack: Pack) -> Training:
    assert [t.id for t in pack.trainings] == ["over-de-grens"]
    return pack.trainings[0]


# --- the report's own structure, read from the seed -------------------------------------------------

@functools.cache
def report_sections() -> list[tuple[str, int, int]]:
    """(section label, first line, last line) for the summary, chapters, paragraphs and appendices."""
    [seed] = copycheck.require_seeds(SEED)  # read when a test needs it: a clone alone has no seeds
    lines = seed.read_text(encoding="utf-8", errors="replace").splitlines()
    starts: list[tuple[str, int]] = [("Samenvatting", 1)]
    for number, line in enumerate(lines, start=1):
        if (m := re.match(r"^ (\d)\s+[A-Z]", line)) or (m := re.match(r"^\s*(\d\.\d)\s+[A-Z]", line)):
            starts.append((m.group(1), number))
        elif m := re.match(r"^ Bijlage ([IVX]+)\b", line):
            starts.append((f"Bijlage {m.group(1)}", number))
    sections = []
    for i, (label, first) in enumerate(starts):
        last = starts[i + 1][1] - 1 if i + 1 < len(starts) else len(lines)
        sections.append((label, first, last))
    # A chapter spans all its paragraphs.
    for label, first, _ in list(sections):
        if re.fullmatch(r"\d", label):
            following = [s for s in starts if s[1] > first and not s[0].startswith(label + ".")]
            sections.append((label, first, following[0][1] - 1 if following else len(lines)))
    return sections



def _section_label(section: str) -> str:
    """'§6.1 Casuïstiek... (L..)' -> '6.1'; 'Bijlage II ...' -> 'Bijlage II'; 'Samenvatting, ...' -> 'Samenvatting'."""
    if m := re.match(r"§(\d(?:\.\d)?)\b", section):
        return m.group(1)
    if m := re.match(r"Bijlage ([IVX]+)\b", section):
        return f"Bijlage {m.group(1)}"
    assert section.startswith("Samenvatting"), f"not a report section: {section!r}"
    return "Samenvatting"


def _line_ranges(section: str) -> list[tuple[int, int]]:
    found = [(int(a), int(b or a)) for a, b in re.findall(r"L(\d+)(?:-(\d+))?", section)]
    assert found, f"no line reference in {section!r}"
    return found


def assert_points_into_report(basis: list[SourceRef], what: str) -> None:
    """At least one reference to the report; each names a real section whose lines hold the cited range."""
    report_refs = [ref for ref in basis if ref.source == REPORT]
    assert report_refs, f"{what} has no basis in the report"
    for ref in report_refs:
        assert ref.section, f"{what}: a reference without a section"
        label = _section_label(ref.section)
        spans = [(first, last) for name, first, last in report_sections() if name == label]
        assert spans, f"{what}: the report has no section {label}"
        for low, high in _line_ranges(ref.section):
            assert low <= high, f"{what}: reversed range in {ref.section!r}"
            assert any(low <= last and high >= first for first, last in spans), (
                f"{what}: lines {low}-{high} lie outside {label} ({spans})")


def _elements(pack: Pack, training: Training) -> Iterator[tuple[str, list[SourceRef]]]:
    yield f"training {training.id}", training.basis
    for session in training.sessions:
        yield f"session {session.id}", session.basis
        for outcome in session.learning_outcomes:
            yield f"outcome {outcome.id}", outcome.basis
        for item in session.agenda:
            yield f"agenda item {session.id}/{item.title}", item.basis
        for assignment in session.homework:
            yield f"homework {assignment.title}", assignment.basis
    for handout in training.handouts:
        yield f"handout {handout.id}", handout.basis
    for prep in training.preparation:
        yield f"preparation {prep.task[:30]}", prep.basis
    for after in training.aftercare:
        yield f"aftercare {after.title}", after.basis
    for fmt in pack.work_formats:
        yield f"work format {fmt.id}", fmt.basis
    for case in pack.cases:
        yield f"case {case.id}", case.basis
    for meter in pack.meters:
        yield f"meter {meter.id}", meter.basis
        for statement in meter.statements:
            yield f"statement {statement.id}", statement.basis
    for questionnaire in pack.questionnaires:
        yield f"questionnaire {questionnaire.id}", questionnaire.basis
    for note in pack.editorial_notes:
        yield f"editorial note {note.topic}", note.basis


# --- tests -------------------------------------------------------------------------------------------

def test_the_report_structure_is_read_correctly() -> None:
    labels = {name for name, _, _ in report_sections()}
    assert {"Samenvatting", "3.3", "4.2", "6.1", "6.2", "7.1", "Bijlage I", "Bijlage II"} <= labels
    six_one = next((first, last) for name, first, last in report_sections() if name == "6.1")
    assert six_one[0] < 2228 < six_one[1] < 2900  # the case discussions sit in 6.1, Centrum X in 6.2


def test_check_reports_nothing() -> None:
    checked = check_folder(PACK_DIR, Catalog.from_environment())
    assert checked.ok
    assert [d.format() for d in checked.diagnostics if d.accepted is None] == []


def test_every_element_refers_to_a_section_of_the_report(pack: Pack, training: Training) -> None:
    assert [s.id for s in pack.sources] == [REPORT, "redactie"]
    assert pack.sources[1].kind == "redactie" and "Geen bronfeit" in (pack.sources[1].note or "")
    source = pack.sources[0]
    assert source.publisher == "Trimbos-instituut" and source.year == 2022
    assert source.attribution and "Trimbos-instituut (2022)" in source.attribution
    elements = list(_elements(pack, training))
    assert len(elements) > 100
    for what, basis in elements:
        assert_points_into_report(basis, what)
        # An editorial addition says what the editors added and why.
        assert all(ref.note for ref in basis if ref.source == "redactie"), what


def test_every_outcome_is_taught_and_measured(pack: Pack, training: Training) -> None:
    outcomes = [o.id for s in training.sessions for o in s.learning_outcomes]
    assert len(outcomes) >= 10
    taught = {ref for s in training.sessions for item in s.agenda for ref in item.outcomes}
    measured = {ref for m in pack.meters for st in m.statements for ref in st.outcomes}
    assert [o for o in outcomes if o not in taught] == []
    assert [o for o in outcomes if o not in measured] == []
    assert taught | measured <= set(outcomes)  # no reference to an outcome that does not exist


def test_every_session_fits_its_stated_duration(training: Training) -> None:
    assert [s.number for s in training.sessions] == [1, 2, 3, 4, 5]
    for session in training.sessions:
        assert session.duration is not None, session.id
        assert session.agenda_duration == session.duration, session.id
        assert any(item.kind == "break" for item in session.agenda), session.id


def test_the_programme_covers_the_five_themes_of_the_issue(training: Training) -> None:
    titles = {s.id: " ".join([s.title, s.introduction or ""] + [i.title for i in s.agenda]) for s in training.sessions}
    assert "sector" in titles["b1-kennismaken"] and "Schotten" in titles["b1-kennismaken"]
    assert "signaleringskaart" in titles["b2-signaleren"] and "opschaalladder" in titles["b2-signaleren"]
    assert "crisis" in titles["b3-afspraken"] and "consult" in titles["b3-afspraken"].lower()
    assert "casusbespreking" in titles["b4-casus"].lower()
    assert "twee praktijken" in titles["b5-leren-borgen"]


def test_work_formats_named_in_the_issue_exist_with_a_category(pack: Pack, training: Training) -> None:
    formats = {f.id: f for f in pack.work_formats}
    expected = {
        "wf-werkbezoek": "uitwisseling",
        "wf-casusbespreking": "casusbespreking",
        "wf-consultatie-rollenspel": "rollenspel",
        "wf-signaleringskaart": "oefening",
        "wf-afspraak-schrijven": "ontwerp",
    }
    for fid, category in expected.items():
        assert formats[fid].category == category
    used = {item.work_format for s in training.sessions for item in s.agenda if item.work_format}
    assert set(formats) <= used  # every format of the pack is used somewhere in the programme


def test_case_discussion_has_a_fixed_structure_that_fills_its_slot(pack: Pack, training: Training) -> None:
    fmt = next(f for f in pack.work_formats if f.id == "wf-casusbespreking")
    assert len(fmt.steps) == 6 and all(step.minutes is not None for step in fmt.steps)
    total = Duration(0, 0)
    for step in fmt.steps:
        assert step.minutes is not None
        total = total + step.minutes
    assert total == fmt.duration
    for item in (i for s in training.sessions for i in s.agenda if i.work_format == fmt.id):
        variant = next(v for v in fmt.variants if v.id == item.variant)
        assert item.duration == variant.duration == fmt.duration


def test_intervision_is_reused_from_lvb_coaching(opened: tuple[Pack, Training, Resolver]) -> None:
    _, training, resolver = opened
    items = [i for s in training.sessions for i in s.agenda if i.work_format == "lvb-coaching:intervisie"]
    assert items, "no agenda item uses lvb-coaching:intervisie"
    fmt = resolver.work_format("lvb-coaching:intervisie")
    assert fmt is not None and fmt.category == "intervisie"
    for item in items:
        variant = next(v for v in fmt.variants if v.id == item.variant)
        assert variant.duration == item.duration


def test_cases_sit_between_the_sectors_with_layers_and_role_cards(pack: Pack, training: Training) -> None:
    sessions = {s.id for s in training.sessions}
    assert set(training.cases) == {c.id for c in pack.cases} and len(pack.cases) == 3
    used = {ref for s in training.sessions for item in s.agenda for ref in item.cases}
    assert used == set(training.cases)
    for case in pack.cases:
        assert len(case.layers) >= 3 and len(case.role_cards) >= 2, case.id
        assert any("trainers" in layer.audience and "participants" not in layer.audience for layer in case.layers)
        for layer in case.layers:
            assert all(r.session in sessions for r in layer.reveal), (case.id, layer.id)
        for card in case.role_cards:
            assert card.sessions and set(card.sessions) <= sessions, (case.id, card.id)
        roles = " ".join(card.role for card in case.role_cards)
        assert "VG" in roles or "GGZ" in roles, case.id


def test_meter_domains_come_from_the_reports_factors(pack: Pack) -> None:
    [meter] = pack.meters
    assert len(meter.domains) == 7
    described = " ".join(d.description or "" for d in meter.domains)
    for factor in ("korte lijnen", "wederzijds willen leren", "twee gescheiden werelden", "schotten",
                   "persoonsgebonden", "casuïstiekbespreking", "niet herkennen"):
        assert factor in described.lower(), factor
    assert all(any(st.domain == d.id for st in meter.statements) for d in meter.domains)
    assert [p.value for p in meter.scale.points] == [1, 2, 3, 4]
    assert all(len(p.label) > 3 for p in meter.scale.points)
    moments = {m.id: m for m in meter.moments}
    assert moments["voor"].session == "b1-kennismaken" and moments["na"].session == "b5-leren-borgen"
    assert {role for st in meter.statements for role in st.roles} == set(meter.roles) == {"vgz", "ggz"}


def test_scan_turns_every_factor_into_a_scale_statement(pack: Pack) -> None:
    scan = next(q for q in pack.questionnaires if q.kind == "scan")
    assert scan.scale is not None
    scale_questions = [q for section in scan.sections for q in section.questions if q.type == "scale"]
    assert len(scale_questions) == 3 + 6 + 4 + 4  # the report's table: helps/hinders, collaboration/sharing
    assert [s.title for s in scan.sections[:4]] == [
        "Samenwerking: wat helpt", "Samenwerking: wat hindert", "Kennisdeling: wat helpt", "Kennisdeling: wat hindert"]


def test_each_session_closes_with_its_own_evaluation(pack: Pack, training: Training) -> None:
    evaluations = {q.id: q for q in pack.questionnaires if q.kind == "evaluation"}
    for session in training.sessions:
        mine = [q for q in evaluations.values() if q.sessions == [session.id]]
        assert len(mine) == 1, session.id
        closing = session.agenda[-1]
        assert closing.kind == "closing" and mine[0].id in closing.instruments, session.id


def test_handouts_summarise_factors_and_warn_that_signals_are_not_a_diagnosis(training: Training) -> None:
    handouts = {h.id: h for h in training.handouts}
    factors = handouts["ho-factoren"].content or ""
    for word in ("Korte lijnen", "Schotten", "ervaringsdeskundigen", "Gebrek aan tijd"):
        assert word in factors, word
    signals = handouts["ho-signalen"]
    assert signals.warning is not None and "geen diagnostisch instrument" in signals.warning
    used = {ref for s in training.sessions for item in s.agenda for ref in item.handouts}
    assert {"ho-factoren", "ho-signalen"} <= used


def test_no_twelve_word_run_is_copied_from_the_report(pack: Pack) -> None:
    seeds = copycheck.require_seeds(SEED)
    assert copycheck.shared_runs(copycheck.iter_texts(pack), seeds, exceptions=[STUDY_TITLE]) == []


def test_show_and_handbook_present_the_whole_programme(run_cli: RunCli, tmp_path: Path, training: Training) -> None:
    shown = run_cli("show", "vgz-ggz")
    assert shown.exit_code == 0, shown.output
    out = tmp_path / "vgz.md"
    exported = run_cli("export", "handbook", "vgz-ggz", "-o", str(out))
    assert exported.exit_code == 0, exported.output
    handbook = out.read_text(encoding="utf-8")
    for session in training.sessions:
        assert session.title in shown.output and session.title in handbook
    for handout in training.handouts:
        assert handout.title in handbook
    assert "Aangepast intervisiemodel" in handbook  # the reused format is printed, not just named
    assert "Dit is geen diagnostisch instrument" in handbook


# --- legal corrections from the content review (issue 16); these must not regress -------------------

def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", text) if s.strip()]


def _handout(training: Training, handout_id: str) -> str:
    handout = next(h for h in training.handouts if h.id == handout_id)
    return " ".join([handout.content or "", *handout.items, handout.warning or ""])


def test_wlz_criterion_is_onset_in_youth_not_a_diagnosis_before_18(pack: Pack, training: Training) -> None:
    """The VG basis asks that the limitations arose early, with signs in the history; no diagnosis before 18."""
    for path, text in copycheck.iter_texts(pack):
        if path.startswith("$.editorial_notes") or ".basis[" in path:
            continue  # notes and basis notes record what was wrong before
        for sentence in _sentences(text):
            low = sentence.lower()
            about_age = re.search(r"\b18\b|achttiende|volwassen", low)
            about_proof = re.search(r"vastgesteld|diagnose|onderzoek|test", low)
            if about_age and about_proof:  # only to say that it is not required
                assert any(w in low for w in ("geen eis", "géén eis", "misverstand")), (path, sentence)
    laws = _handout(training, "ho-wetten")
    assert "voorgeschiedenis" in laws and "geen eis" in laws
    b1 = next(s for s in training.sessions if s.id == "b1-kennismaken")
    route = next(i for i in b1.agenda if i.title.startswith("Schotten"))
    explained = " ".join(step.description or "" for step in route.steps)
    assert "voorgeschiedenis" in explained and "géén eis" in explained
    samira = next(c for c in pack.cases if c.id == "casus-samira")
    trainer = next(layer for layer in samira.layers if layer.id == "trainer")
    assert "voorgeschiedenis" in trainer.text and "misverstand" in trainer.text


def test_cot_is_only_for_wlz_clients_on_a_vg_basis_referred_for_crisis_placement(
        pack: Pack, training: Training) -> None:
    [meter] = pack.meters
    a3 = next(st for st in meter.statements if st.id == "a3")
    laws = _handout(training, "ho-wetten")
    cot_bullet = next(p for p in laws.split("\n\n") if "(COT)" in p)
    begrippen = next(f for f in pack.work_formats if f.id == "wf-begrippenspel")
    b3 = next(s for s in training.sessions if s.id == "b3-afspraken")
    henk_evening = next(i for i in b3.agenda if i.title.startswith("Vrijdagavond"))
    texts = {
        "meter a3": a3.text,
        "hand-out wetten": cot_bullet,
        "begrippenspel": " ".join(begrippen.tips),
        "bijeenkomst 3": " ".join(step.description or "" for step in henk_evening.steps),
    }
    for where, text in texts.items():
        assert "Wlz" in text and "crisisplaatsing" in text, where
        if where != "begrippenspel":  # a trainer tip; the others also say who decides
            assert "crisisregisseur" in text, where
    assert "48 uur" in cot_bullet and "niet voor acute nood" in cot_bullet


def test_an_outside_visitor_needs_the_clients_consent_and_signs_confidentiality(pack: Pack) -> None:
    visit = next(f for f in pack.work_formats if f.id == "wf-werkbezoek")
    preparation = " ".join(visit.preparation)
    assert "toestemming aan de bewoners of patiënten" in preparation
    assert "WGBO" in preparation and "geheimhoudingsverklaring" in preparation
    assert "wordt niet bezocht" in preparation  # no consent, no visit
    assert "toestemming" in (visit.description or "")
    note = next(n for n in pack.editorial_notes if n.id == "en-werkbezoek-toestemming")
    assert "7:459" in " ".join(ref.note or "" for ref in note.basis)


def test_signalling_starts_with_physical_causes(training: Training, pack: Pack) -> None:
    signals = _handout(training, "ho-signalen")
    for cause in ("pijn", "horen of zien", "bijwerkingen", "dementie"):
        assert cause in signals, cause
    card = _handout(training, "ho-signaleringskaart")
    assert "lichaam" in card


def test_sessions_are_scheduled_and_the_fishbowl_uses_a_case_with_material(training: Training, pack: Pack) -> None:
    assert all(s.timing for s in training.sessions)
    cases = {c.id: c for c in pack.cases}
    b4 = next(s for s in training.sessions if s.id == "b4-casus")
    for item in b4.agenda:
        for ref in item.cases:
            assert any("b4-casus" in card.sessions for card in cases[ref].role_cards), ref


def test_the_ggz_side_has_its_own_material(training: Training, pack: Pack) -> None:
    ggz = _handout(training, "ho-ggz-beperking")
    for topic in ("SCIL", "zonder te overvragen", "EMDR", "cognitieve gedragstherapie", "consult"):
        assert topic.lower() in ggz.lower(), topic
    b2 = next(s for s in training.sessions if s.id == "b2-signaleren")
    assert "GGZ-kaart" in b2.homework[0].text
    centre = _handout(training, "ho-leeskaart-centrum")
    assert "Meerzorg" in centre

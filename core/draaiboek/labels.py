"""Fixed labels in generated output, in the pack's language (Dutch and English; English is the fallback)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "programme": {"nl": "Programma", "en": "Programme"},
    "learning_outcomes": {"nl": "Leerdoelen", "en": "Learning outcomes"},
    "goals": {"nl": "Doelen", "en": "Goals"},
    "goal": {"nl": "Doel", "en": "Goal"},
    "break": {"nl": "Pauze", "en": "Break"},
    "evaluation": {"nl": "Evaluatie", "en": "Evaluation"},
    "homework": {"nl": "Huiswerk", "en": "Homework"},
    "preparation": {"nl": "Voorbereiding", "en": "Preparation"},
    "materials": {"nl": "Materialen", "en": "Materials"},
    "tips": {"nl": "Tips", "en": "Tips"},
    "steps": {"nl": "Stappen", "en": "Steps"},
    "time": {"nl": "Tijd", "en": "Time"},
    "minutes": {"nl": "min", "en": "min"},
    "grouping": {"nl": "Werkvorm", "en": "Grouping"},
    "work_format": {"nl": "Werkvorm", "en": "Work format"},
    "work_formats": {"nl": "Werkvormen", "en": "Work formats"},
    "case": {"nl": "Casus", "en": "Case"},
    "cases": {"nl": "Casuïstiek", "en": "Cases"},
    "instruments": {"nl": "Instrumenten", "en": "Instruments"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "attribution": {"nl": "Bronvermelding", "en": "Attribution"},
    "closing": {"nl": "Afsluiting", "en": "Closing"},
    "session": {"nl": "Bijeenkomst", "en": "Session"},
    "trainer": {"nl": "Trainer", "en": "Trainer"},
    "date": {"nl": "Datum", "en": "Date"},
    "debrief_questions": {"nl": "Nabespreking", "en": "Debrief questions"},
    "cautions": {"nl": "Let op", "en": "Cautions"},
    "continued": {"nl": "vervolg", "en": "continued"},
    "plenary": {"nl": "plenair", "en": "plenary"},
    "subgroups": {"nl": "in subgroepen", "en": "in subgroups"},
    "pairs": {"nl": "in tweetallen", "en": "in pairs"},
    "trios": {"nl": "in drietallen", "en": "in threes"},
    "individual": {"nl": "individueel", "en": "individually"},
    "parallel_groups": {"nl": "in parallelle groepen", "en": "in parallel groups"},
    "teams": {"nl": "in teams", "en": "in teams"},
    "mixed": {"nl": "wisselend", "en": "mixed"},
    "participants": {"nl": "deelnemers", "en": "participants"},
    "trainers": {"nl": "trainers", "en": "trainers"},
    "actor": {"nl": "acteur", "en": "actor"},
    "role_player": {"nl": "rollenspeler", "en": "role player"},
    "observers": {"nl": "observatoren", "en": "observers"},
    "experience_expert": {"nl": "ervaringsdeskundige", "en": "experience expert"},
    "commissioner": {"nl": "opdrachtgever", "en": "commissioning party"},
    "not_included": {"nl": "niet bijgevoegd", "en": "not included"},
    "follow_up": {"nl": "Vervolg", "en": "Follow-up"},
}


def label(key: str, language: str, own: dict[str, dict[str, str]] | None = None) -> str:
    """The label for ``key`` in ``language`` ('nl', 'nl-NL', 'en'...): from an exporter's ``own`` table first,
    then the common labels; English when the language has none, the key when nothing has it."""
    entry = (own or {}).get(key) or LABELS.get(key)
    if entry is None:
        return key
    base = language.split("-")[0].lower()
    return entry.get(base) or entry.get("en") or key

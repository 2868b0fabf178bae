"""Fixed labels in generated output, in the pack's language (Dutch and English; English is the fallback).

One table shape for core and plugins: key -> language -> text. Terms more than one exporter prints live here,
translated once; a plugin's own table holds only what nobody else prints.
"""

from __future__ import annotations

from collections.abc import Mapping

LabelTable = Mapping[str, Mapping[str, str]]

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
    "grouping": {"nl": "Groepsindeling", "en": "Grouping"},
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
    "optional_item": {"nl": "als er tijd is", "en": "if time allows"},
    "roles": {"nl": "Benodigde rollen", "en": "Required roles"},
    "role_cards": {"nl": "Rolkaarten", "en": "Role cards"},
    "role": {"nl": "Rol", "en": "Role"},
    "n_layers": {"nl": "lagen", "en": "layers"},
    "handout": {"nl": "Hand-out", "en": "Handout"},
    "handouts": {"nl": "Hand-outs", "en": "Handouts"},
    "assignment": {"nl": "Opdracht", "en": "Assignment"},
    "group_size": {"nl": "groepsgrootte", "en": "group size"},
    "domains": {"nl": "domeinen", "en": "domains"},
    "statements": {"nl": "stellingen", "en": "statements"},
    "n_questions": {"nl": "vragen", "en": "questions"},
    "questions": {"nl": "Vragen", "en": "Questions"},
    "start": {"nl": "Begin", "en": "Start"},
    "end": {"nl": "Eind", "en": "End"},
    "duration": {"nl": "Duur", "en": "Duration"},
    "agenda": {"nl": "agenda", "en": "agenda"},
    "kind_activity": {"nl": "activiteit", "en": "activity"},
    "kind_opening": {"nl": "opening", "en": "opening"},
    "kind_introduction": {"nl": "introductie", "en": "introduction"},
    "kind_closing": {"nl": "afsluiting", "en": "closing"},
    "kind_evaluation": {"nl": "evaluatie", "en": "evaluation"},
    "kind_break": {"nl": "pauze", "en": "break"},
    "kind_assessment": {"nl": "meting", "en": "assessment"},
    "form_evaluation": {"nl": "evaluatieformulier", "en": "evaluation form"},
    "form_observation": {"nl": "observatieformulier", "en": "observation form"},
    "form_feedback": {"nl": "feedbackformulier", "en": "feedback form"},
    "form_reflection": {"nl": "reflectieformulier", "en": "reflection form"},
    "form_scan": {"nl": "scan", "en": "scan"},
    "form_intake": {"nl": "intakeformulier", "en": "intake form"},
    "form_other": {"nl": "formulier", "en": "form"},
    "category": {"nl": "soort", "en": "kind"},
    "glossary": {"nl": "Begrippen", "en": "Glossary"},
    "to_fill_in": {"nl": "in te vullen", "en": "to fill in"},
}


def label(key: str, language: str, own: LabelTable | None = None) -> str:
    """The label for ``key`` in ``language`` ('nl', 'nl-NL', 'en'...): from an exporter's ``own`` table first,
    then the common labels; English when the language has none, the key when nothing has it."""
    entry = (own or {}).get(key) or LABELS.get(key)
    if entry is None:
        return key
    base = language.split("-")[0].lower()
    return entry.get(base) or entry.get("en") or key


class Labels:
    """Label lookup for one language: ``t = Labels("nl", MY_TABLE); t("materials")``.

    Tables are searched in order (a plugin's own first), then the common :data:`LABELS`.
    """

    def __init__(self, language: str, *own: LabelTable) -> None:
        self.language = language or "nl"
        self._tables = own

    def __call__(self, key: str) -> str:
        for table in self._tables:
            if key in table:
                return label(key, self.language, table)
        return label(key, self.language)

    def with_table(self, *own: LabelTable) -> Labels:
        """The same language with further tables searched first."""
        return Labels(self.language, *own, *self._tables)

"""Fixed texts on slides: the core's common labels plus the few only decks need (Dutch and English)."""

from __future__ import annotations

from draaiboek.labels import Labels

SLIDE_LABELS: dict[str, dict[str, str]] = {
    "instrument": {"nl": "Instrument", "en": "Instrument"},
    "facts": {"nl": "Gegevens", "en": "Facts"},
    "played_by": {"nl": "gespeeld door", "en": "played by"},
    "arc_goal": {"nl": "Doel van het gesprek", "en": "Goal of the conversation"},
    "trainer_only": {"nl": "Alleen voor de trainer", "en": "For the trainer only"},
    "timing": {"nl": "Tijd", "en": "Timing"},
    "total": {"nl": "Totaal", "en": "Total"},
    "ends_at": {"nl": "einde", "en": "ends at"},
    "next_preparation": {"nl": "Voorbereiding volgende bijeenkomst", "en": "Preparation for next session"},
    "due": {"nl": "voor", "en": "due"},
    "rules": {"nl": "Spelregels", "en": "Rules"},
    "variant": {"nl": "Variant", "en": "Variant"},
    "trainer_preparation": {"nl": "Voorbereiding trainer", "en": "Trainer preparation"},
    "introduction": {"nl": "Inleiding", "en": "Introduction"},
    "session_notes": {"nl": "Aantekeningen", "en": "Notes"},
    "left_out": {"nl": "Niet (volledig) op de dia", "en": "Not (fully) on the slide"},
    "next_session": {"nl": "Volgende keer", "en": "Next time"},
    "worked_on_in": {"nl": "Hieraan werken we in", "en": "Worked on in"},
    "resume_at": {"nl": "We gaan verder om", "en": "We continue at"},
    "licence": {"nl": "Licentie", "en": "Licence"},
    "aftercare": {"nl": "Nazorg", "en": "Aftercare"},
    "background": {"nl": "Achtergrond", "en": "Background"},
    "slide_cue": {"nl": "Dia", "en": "Slide"},
    "summary": {"nl": "Samenvatting", "en": "Summary"},
    "thanks": {"nl": "Bedankt voor je inzet", "en": "Thank you"},
    "program_points": {"nl": "Programmapunten", "en": "Programme points"},
    "instructions": {"nl": "Instructie", "en": "Instructions"},
    "evaluation_form": {"nl": "Evaluatieformulier", "en": "Evaluation form"},
    "months": {
        "nl": "januari februari maart april mei juni juli augustus september oktober november december",
        "en": "January February March April May June July August September October November December",
    },
}


def text(key: str, language: str) -> str:
    """A deck label: the plugin's own table first, then the common labels."""
    return Labels(language, SLIDE_LABELS)(key)

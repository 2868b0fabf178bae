"""Words only the printed materials use (shared terms come from the core table)."""

from __future__ import annotations

from draaiboek.labels import label

LABELS: dict[str, dict[str, str]] = {
    "file_participants": {"nl": "deelnemers", "en": "participants"},
    "file_role_cards": {"nl": "rolkaarten", "en": "role-cards"},
    "file_meter": {"nl": "meter", "en": "meter"},
    "for_participants": {"nl": "Voor deelnemers", "en": "For participants"},
    "role_card": {"nl": "Rolkaart", "en": "Role card"},
    "played_by": {"nl": "Gespeeld door", "en": "Played by"},
    "a_participant": {"nl": "een deelnemer", "en": "a participant"},
    "what_you_know": {"nl": "Wat je weet", "en": "What you know"},
    "your_role": {"nl": "Jouw rol", "en": "Your role"},
    "keep_secret": {"nl": "Alleen voor jou: laat deze kaart niet aan anderen zien.",
                    "en": "For your eyes only: do not show this card to others."},
    "forms": {"nl": "Formulieren", "en": "Forms"},
    "name": {"nl": "Naam", "en": "Name"},
    "answer": {"nl": "Antwoord", "en": "Answer"},
    "notes": {"nl": "Aantekeningen", "en": "Notes"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "scale": {"nl": "Schaal", "en": "Scale"},
    "moment": {"nl": "Meetmoment", "en": "Measurement moment"},
    "statement": {"nl": "Stelling", "en": "Statement"},
    "number": {"nl": "Nr.", "en": "No."},
    "meter_tick": {"nl": "Zet per stelling één kruisje in de kolom die het best bij je past.",
                   "en": "Put one cross per statement in the column that fits you best."},
    "strengths": {"nl": "Mijn {n} sterkste punten (nummers en korte omschrijving)",
                  "en": "My {n} strongest points (numbers and a short description)"},
    "challenges": {"nl": "Mijn {n} belangrijkste uitdagingen (nummers en korte omschrijving)",
                   "en": "My {n} main challenges (numbers and a short description)"},
    "action_plan": {"nl": "Plan van aanpak", "en": "Action plan"},
    "look_for": {"nl": "Let op", "en": "Look for"},
    "due": {"nl": "Klaar voor", "en": "Due for"},
    "competence_meter": {"nl": "Competentiemeter", "en": "Competence meter"},
}


def t(key: str, language: str) -> str:
    return label(key, language, LABELS)

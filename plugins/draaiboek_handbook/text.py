"""Labels and small Markdown helpers for the handbook."""

from __future__ import annotations

from collections.abc import Iterable

from draaiboek.labels import label as core_label

LABELS: dict[str, dict[str, str]] = {
    "about": {"nl": "Over deze training", "en": "About this training"},
    "setting": {"nl": "Instelling", "en": "Setting"},
    "explanation": {"nl": "Toelichting", "en": "Explanation"},
    "fill_in": {"nl": "Invullen", "en": "Fill in"},
    "optional_setting": {"nl": "niet verplicht", "en": "optional"},
    "audience": {"nl": "Doelgroep", "en": "Audience"},
    "trainer_prerequisites": {"nl": "Wat de trainer moet kunnen en weten", "en": "Trainer prerequisites"},
    "checklist": {"nl": "Voorbereidingschecklist", "en": "Preparation checklist"},
    "intake": {"nl": "Intakegesprek", "en": "Intake conversation"},
    "parameters": {"nl": "In te vullen door de organisatie", "en": "To be filled in by the organisation"},
    "runbook": {"nl": "Draaiboek", "en": "Runbook"},
    "participant_preparation": {"nl": "Voorbereiding deelnemers", "en": "Participant preparation"},
    "trainer_preparation": {"nl": "Voorbereiding trainer", "en": "Trainer preparation"},
    "rules": {"nl": "Spelregels", "en": "Rules"},
    "variants": {"nl": "Varianten", "en": "Variants"},
    "techniques": {"nl": "Gebruikt techniek", "en": "Uses technique"},
    "layers": {"nl": "Informatie per publiek", "en": "Information by audience"},
    "arc": {"nl": "Verloop over de bijeenkomsten", "en": "Arc across sessions"},
    "revealed_in": {"nl": "vanaf", "en": "from"},
    "after": {"nl": "na", "en": "after"},
    "at": {"nl": "bij", "en": "at"},
    "for": {"nl": "voor", "en": "for"},
    "choice": {"nl": "Keuze", "en": "Choice"},
    "name_variants": {"nl": "Ook te gebruiken als", "en": "Also usable as"},
    "scale": {"nl": "Schaal", "en": "Scale"},
    "moments": {"nl": "Meetmomenten", "en": "Measurement moments"},
    "analysis": {"nl": "Analyse", "en": "Analysis"},
    "strengths_challenges": {"nl": "sterkste {s} en zwakste {c} stellingen", "en": "top {s} and bottom {c} statements"},
    "action_plan": {"nl": "Plan van aanpak", "en": "Action plan"},
    "aftercare": {"nl": "Nazorg", "en": "Aftercare"},
    "trainer_tips": {"nl": "Tips voor trainers", "en": "Tips for trainers"},
    "literature": {"nl": "Literatuur", "en": "Literature"},
    "participant_reading": {"nl": "Voor deelnemers", "en": "Participant reading"},
    "trainer_background": {"nl": "Achtergrond voor de trainer", "en": "Trainer background"},
    "further_reading": {"nl": "Verder lezen", "en": "Further reading"},
    "order_only": {"nl": "Te bestellen", "en": "To order"},
    "editorial": {"nl": "Redactionele keuzes", "en": "Editorial decisions"},
    "licence": {"nl": "Licentie", "en": "Licence"},
    "version": {"nl": "Versie", "en": "Version"},
    "authors": {"nl": "Auteurs", "en": "Authors"},
    "total": {"nl": "Totaal", "en": "Total"},
    "due": {"nl": "voor", "en": "due"},
    "distribute": {"nl": "Uitdelen", "en": "Hand out"},
    "where": {"nl": "Te vinden", "en": "Where to get it"},
    "template": {"nl": "Sjabloon", "en": "Template"},
    "fields": {"nl": "Velden", "en": "Fields"},
    "subject": {"nl": "Onderwerp", "en": "Subject"},
    "outcomes": {"nl": "Leerdoelen", "en": "Outcomes"},
    "basis": {"nl": "Onderbouwing", "en": "Basis"},
    "optional": {"nl": "optioneel", "en": "optional"},
    "reason": {"nl": "Reden", "en": "Reason"},
}


def t(key: str, language: str) -> str:
    """A handbook label: this plugin's table first, then the common labels."""
    return core_label(key, language, LABELS)


def block(text: str | None) -> str:
    """Markdown prose as a paragraph (trailing whitespace trimmed)."""
    return (text or "").strip()


def bullets(items: Iterable[str], indent: int = 0) -> list[str]:
    pad = " " * indent
    lines = []
    for item in items:
        first, *rest = block(item).splitlines() or [""]
        lines.append(f"{pad}- {first}")
        lines.extend(f"{pad}  {line}" for line in rest)
    return lines


def numbered(items: Iterable[str]) -> list[str]:
    """A numbered Markdown list whose items may hold several lines (and lists of their own)."""
    lines = []
    for number, item in enumerate(items, 1):
        first, *rest = block(item).splitlines() or [""]
        lines.append(f"{number}. {first}")
        lines.extend(f"   {line}" if line.strip() else "" for line in rest)
    return lines


def cell(text: str | None) -> str:
    """Text fit for a Markdown table cell."""
    return " ".join((text or "").split()).replace("|", "\\|")


def para(line: str | None) -> list[str]:
    """A line of its own followed by a blank line, or nothing."""
    return [line, ""] if line else []

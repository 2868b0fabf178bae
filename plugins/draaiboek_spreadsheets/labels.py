"""The spreadsheet plugin's own labels (terms only its workbooks print), in the core's table shape.

Shared terms (kinds, groupings, materials, start, end...) come from draaiboek.labels, translated once there.
"""

from __future__ import annotations

from draaiboek.labels import label

LABELS: dict[str, dict[str, str]] = {
    "sheet_instructions": {"nl": "Uitleg", "en": "Instructions"},
    "sheet_fill": {"nl": "Invullen", "en": "Scores"},
    "sheet_scale": {"nl": "Schaal", "en": "Scale"},
    "sheet_analysis": {"nl": "Krachten en uitdagingen", "en": "Strengths and challenges"},
    "sheet_plan": {"nl": "Actieplan", "en": "Action plan"},
    "sheet_overview": {"nl": "Overzicht", "en": "Overview"},
    "name": {"nl": "Naam of code", "en": "Name or code"},
    "statement": {"nl": "Stelling", "en": "Statement"},
    "remark": {"nl": "Opmerking", "en": "Remark"},
    "score": {"nl": "Score", "en": "Score"},
    "value": {"nl": "Waarde", "en": "Value"},
    "meaning": {"nl": "Betekenis", "en": "Meaning"},
    "choice": {"nl": "Keuze in de lijst", "en": "Choice in the list"},
    "strengths": {"nl": "Krachten", "en": "Strengths"},
    "challenges": {"nl": "Uitdagingen", "en": "Challenges"},
    "top": {"nl": "hoogste scores", "en": "highest scores"},
    "bottom": {"nl": "laagste scores", "en": "lowest scores"},
    "rank": {"nl": "Nr", "en": "No"},
    "domain": {"nl": "Domein", "en": "Domain"},
    "average": {"nl": "Gemiddeld", "en": "Average"},
    "all_statements": {"nl": "Alle stellingen", "en": "All statements"},
    "chart_title": {"nl": "Gemiddelde per domein", "en": "Average per domain"},
    "your_answer": {"nl": "Jouw antwoord", "en": "Your answer"},
    "fill_hint": {
        "nl": "Kies per stelling een score in de kolom van het meetmoment. De lijst toont de schaal.",
        "en": "Choose a score for each statement in the column of the measurement moment. The list shows the scale.",
    },
    "fill_moment": {"nl": "Vul nu de kolom '{moment}' in.", "en": "Fill in the column '{moment}' now."},
    "step_fill": {
        "nl": "1. Vul op het blad '{sheet}' per stelling je score in.",
        "en": "1. On the sheet '{sheet}', score each statement.",
    },
    "step_analysis": {
        "nl": "2. Op het blad '{sheet}' zie je direct je {n} hoogste en {m} laagste scores.",
        "en": "2. The sheet '{sheet}' shows your {n} highest and {m} lowest scores straight away.",
    },
    "step_plan": {
        "nl": "3. Werk op het blad '{sheet}' je ontwikkelpunten uit.",
        "en": "3. Work out your development points on the sheet '{sheet}'.",
    },
    "step_overview": {
        "nl": "4. Het blad '{sheet}' vergelijkt de meetmomenten per domein.",
        "en": "4. The sheet '{sheet}' compares the moments per domain.",
    },
    "scale_title": {"nl": "De schaal", "en": "The scale"},
    "ties": {
        "nl": "Bij gelijke scores gaat de stelling die eerder in de lijst staat voor.",
        "en": "When scores are equal, the statement that comes first in the list comes first.",
    },
    "smart": {
        "nl": "Maak je ontwikkelpunten SMART: specifiek, meetbaar, acceptabel, realistisch, tijdgebonden.",
        "en": "Make your development points SMART: specific, measurable, acceptable, realistic, time-bound.",
    },
    "default_prompt_now": {"nl": "Waar sta ik nu?", "en": "Where am I now?"},
    "default_prompt_goal": {"nl": "Wat wil ik straks kunnen?", "en": "What do I want to be able to do?"},
    "default_prompt_resources": {"nl": "Wat zijn hierbij hulpbronnen?", "en": "What resources help me?"},
    "default_prompt_obstacles": {"nl": "Wat zijn hierin belemmeringen?", "en": "What are the obstacles?"},
    "protected": {
        "nl": "De bladen zijn beveiligd zonder wachtwoord, zodat formules niet per ongeluk veranderen.",
        "en": "The sheets are protected without a password so formulas are not changed by accident.",
    },
    "source": {"nl": "Bron", "en": "Source"},
    "only_for": {"nl": "Alleen voor: {roles}", "en": "Only for: {roles}"},
    "prompt_title": {"nl": "Kies je score", "en": "Choose your score"},
    "prompt": {
        "nl": "Kies in de lijst wat het best past, van {low} tot {high}.",
        "en": "Choose what fits best in the list, from {low} to {high}.",
    },
    "page": {"nl": "Pagina &P van &N", "en": "Page &P of &N"},
    "sheet_sessions": {"nl": "Bijeenkomsten", "en": "Sessions"},
    "item": {"nl": "Onderdeel", "en": "Item"},
    "kind": {"nl": "Soort", "en": "Kind"},
    "group_setup": {"nl": "Groepsindeling", "en": "Grouping"},
    "checklist": {"nl": "Wat neem je mee?", "en": "What to bring:"},
    "sheet_checklist": {"nl": "Materialenlijst", "en": "Materials checklist"},
    "materials_handouts": {"nl": "Materialen en hand-outs", "en": "Materials and handouts"},
    "needed_at": {"nl": "Nodig bij", "en": "Needed at"},
    "whole_session": {"nl": "hele bijeenkomst", "en": "whole session"},
    "thing": {"nl": "Wat", "en": "What"},
    "done": {"nl": "Klaar", "en": "Done"},
    "print": {"nl": "Afdrukken", "en": "Print"},
    "no_agenda": {
        "nl": "Deze bijeenkomst heeft geen uitgewerkte agenda.",
        "en": "This session has no detailed agenda.",
    },
    "nothing_to_bring": {"nl": "Geen materialen genoemd.", "en": "No materials listed."},
    "when": {"nl": "Wanneer", "en": "When"},
    "sheet": {"nl": "Blad", "en": "Sheet"},
    "sheet_summary": {"nl": "Samenvatting", "en": "Summary"},
    "sheet_statements": {"nl": "Stellingen", "en": "Statements"},
    "sheet_domains": {"nl": "Domeinen", "en": "Domains"},
    "sheet_participants": {"nl": "Deelnemers", "en": "Participants"},
    "sheet_group": {"nl": "Groepskrachten", "en": "Group strengths"},
    "sheet_pairs": {"nl": "Coachparen", "en": "Coach pairs"},
    "sheet_problems": {"nl": "Problemen", "en": "Problems"},
    "participant": {"nl": "Deelnemer", "en": "Participant"},
    "moment": {"nl": "Meetmoment", "en": "Moment"},
    "mean": {"nl": "gemiddelde", "en": "mean"},
    "sd": {"nl": "spreiding (sd)", "en": "spread (sd)"},
    "change": {"nl": "verandering", "en": "change"},
    "overall": {"nl": "Totaal", "en": "Overall"},
    "coach": {"nl": "Kan coachen (score)", "en": "Can coach (score)"},
    "learner": {"nl": "Kan leren van (score)", "en": "Can learn from (score)"},
    "withheld": {"nl": "achtergehouden (n < {n})", "en": "withheld (n < {n})"},
    "file": {"nl": "Bestand", "en": "File"},
    "problem": {"nl": "Probleem", "en": "Problem"},
    "no_problems": {"nl": "Geen problemen.", "en": "No problems."},
    "files_read": {"nl": "Ingelezen bestanden", "en": "Files read"},
    "participants_n": {"nl": "Deelnemers", "en": "Participants"},
    "meter": {"nl": "Meter", "en": "Meter"},
    "pack": {"nl": "Pakket", "en": "Pack"},
    "version": {"nl": "Versie", "en": "Version"},
    "min_group": {"nl": "Minimale groepsgrootte", "en": "Minimum group size"},
    "anonymised": {"nl": "Namen vervangen door codes", "en": "Names replaced by codes"},
}


def text(key: str, language: str, **fields: object) -> str:
    """The label for ``key`` in ``language`` (this plugin's table first, then the core's), fields filled in."""
    chosen = label(key, language, LABELS)
    return chosen.format(**fields) if fields else chosen

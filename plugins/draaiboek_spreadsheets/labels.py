"""Fixed labels of the spreadsheet plugin, in Dutch and English (English is the fallback)."""

from __future__ import annotations

from draaiboek.labels import label as core_label

LABELS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "sheet_instructions": ("Uitleg", "Instructions"),
    "sheet_fill": ("Invullen", "Scores"),
    "sheet_scale": ("Schaal", "Scale"),
    "sheet_analysis": ("Krachten en uitdagingen", "Strengths and challenges"),
    "sheet_plan": ("Actieplan", "Action plan"),
    "sheet_overview": ("Overzicht", "Overview"),
    "name": ("Naam of code", "Name or code"),
    "statement": ("Stelling", "Statement"),
    "remark": ("Opmerking", "Remark"),
    "score": ("Score", "Score"),
    "value": ("Waarde", "Value"),
    "meaning": ("Betekenis", "Meaning"),
    "choice": ("Keuze in de lijst", "Choice in the list"),
    "strengths": ("Krachten", "Strengths"),
    "challenges": ("Uitdagingen", "Challenges"),
    "top": ("hoogste scores", "highest scores"),
    "bottom": ("laagste scores", "lowest scores"),
    "rank": ("Nr", "No"),
    "domain": ("Domein", "Domain"),
    "average": ("Gemiddeld", "Average"),
    "all_statements": ("Alle stellingen", "All statements"),
    "chart_title": ("Gemiddelde per domein", "Average per domain"),
    "your_answer": ("Jouw antwoord", "Your answer"),
    "fill_hint": (
        "Kies per stelling een score in de kolom van het meetmoment. De lijst toont de schaal.",
        "Choose a score for each statement in the column of the measurement moment. The list shows the scale.",
    ),
    "fill_moment": ("Vul nu de kolom '{moment}' in.", "Fill in the column '{moment}' now."),
    "step_fill": ("1. Vul op het blad '{sheet}' per stelling je score in.", "1. On the sheet '{sheet}', score each statement."),
    "step_analysis": (
        "2. Op het blad '{sheet}' zie je direct je {n} hoogste en {m} laagste scores.",
        "2. The sheet '{sheet}' shows your {n} highest and {m} lowest scores straight away.",
    ),
    "step_plan": ("3. Werk op het blad '{sheet}' je ontwikkelpunten uit.", "3. Work out your development points on the sheet '{sheet}'."),
    "step_overview": ("4. Het blad '{sheet}' vergelijkt de meetmomenten per domein.", "4. The sheet '{sheet}' compares the moments per domain."),
    "scale_title": ("De schaal", "The scale"),
    "ties": (
        "Bij gelijke scores gaat de stelling die eerder in de lijst staat voor.",
        "When scores are equal, the statement that comes first in the list comes first.",
    ),
    "smart": (
        "Maak je ontwikkelpunten SMART: specifiek, meetbaar, acceptabel, realistisch, tijdgebonden.",
        "Make your development points SMART: specific, measurable, acceptable, realistic, time-bound.",
    ),
    "default_prompt_now": ("Waar sta ik nu?", "Where am I now?"),
    "default_prompt_goal": ("Wat wil ik straks kunnen?", "What do I want to be able to do?"),
    "default_prompt_resources": ("Wat zijn hierbij hulpbronnen?", "What resources help me?"),
    "default_prompt_obstacles": ("Wat zijn hierin belemmeringen?", "What are the obstacles?"),
    "protected": (
        "De bladen zijn beveiligd zonder wachtwoord, zodat formules niet per ongeluk veranderen.",
        "The sheets are protected without a password so formulas are not changed by accident.",
    ),
    "source": ("Bron", "Source"),
    "only_for": ("Alleen voor: {roles}", "Only for: {roles}"),
    "prompt_title": ("Kies je score", "Choose your score"),
    "prompt": ("Kies in de lijst wat het best past, van {low} tot {high}.",
               "Choose what fits best in the list, from {low} to {high}."),
    "page": ("Pagina &P van &N", "Page &P of &N"),
    # runbook
    "sheet_sessions": ("Bijeenkomsten", "Sessions"),
    "start": ("Begin", "Start"),
    "end": ("Eind", "End"),
    "duration": ("Duur", "Duration"),
    "item": ("Onderdeel", "Item"),
    "kind": ("Soort", "Kind"),
    "handouts": ("Hand-outs en formulieren", "Handouts and forms"),
    "handout": ("Hand-out", "Handout"),
    "grouping": ("Groepsindeling", "Grouping"),
    "kind_opening": ("opening", "opening"),
    "kind_introduction": ("introductie", "introduction"),
    "kind_closing": ("afsluiting", "closing"),
    "kind_evaluation": ("evaluatie", "evaluation"),
    "kind_break": ("pauze", "break"),
    "kind_assessment": ("meting", "assessment"),
    "checklist": ("Materialenlijst: wat neem je mee?", "Materials checklist: what to bring"),
    "done": ("Klaar", "Done"),
    "print": ("Afdrukken", "Print"),
    "no_agenda": ("Deze bijeenkomst heeft geen uitgewerkte agenda.", "This session has no detailed agenda."),
    "nothing_to_bring": ("Geen materialen genoemd.", "No materials listed."),
    "when": ("Wanneer", "When"),
    "sheet": ("Blad", "Sheet"),
    # results report
    "sheet_summary": ("Samenvatting", "Summary"),
    "sheet_statements": ("Stellingen", "Statements"),
    "sheet_domains": ("Domeinen", "Domains"),
    "sheet_participants": ("Deelnemers", "Participants"),
    "sheet_group": ("Groepskrachten", "Group strengths"),
    "sheet_pairs": ("Coachparen", "Coach pairs"),
    "sheet_problems": ("Problemen", "Problems"),
    "participant": ("Deelnemer", "Participant"),
    "moment": ("Meetmoment", "Moment"),
    "mean": ("gemiddelde", "mean"),
    "sd": ("spreiding (sd)", "spread (sd)"),
    "change": ("verandering", "change"),
    "overall": ("Totaal", "Overall"),
    "coach": ("Kan coachen (score)", "Can coach (score)"),
    "learner": ("Kan leren van (score)", "Can learn from (score)"),
    "withheld": ("achtergehouden (n < {n})", "withheld (n < {n})"),
    "file": ("Bestand", "File"),
    "problem": ("Probleem", "Problem"),
    "no_problems": ("Geen problemen.", "No problems."),
    "files_read": ("Ingelezen bestanden", "Files read"),
    "participants_n": ("Deelnemers", "Participants"),
    "meter": ("Meter", "Meter"),
    "pack": ("Pakket", "Pack"),
    "version": ("Versie", "Version"),
    "min_group": ("Minimale groepsgrootte", "Minimum group size"),
    "anonymised": ("Namen vervangen door codes", "Names replaced by codes"),
}


def text(key: str, language: str, **fields: object) -> str:
    """The label for ``key`` in ``language``; falls back to the core labels, then the key."""
    pair = LABELS.get(key)
    if pair is None:
        return core_label(key, language)
    chosen = pair[0] if language.split("-")[0].lower() == "nl" else pair[1]
    return chosen.format(**fields) if fields else chosen

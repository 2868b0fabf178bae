"""Forms on paper: questionnaires, the competence meter, the action plan and homework, with room to write."""

from __future__ import annotations

from draaiboek.model import Assignment, Meter, Question, Questionnaire
from draaiboek_handbook.document import Block, Heading, Table, Text, WriteSpace
from draaiboek_materials.labels import t

BOX = "☐"
_ROOM = {"open": 4, "scale": 0, "choice": 0, "multiple_choice": 0, "checklist": 0, "yes_no": 0}


def name_line(language: str, with_date: bool = True) -> Block:
    """Name (and date) to fill in at the top of a form."""
    cells = [f"**{t('name', language)}**:", ""] + ([f"**{t('date', language)}**:", ""] if with_date else [])
    return Table(tuple(cells), (), (1.0, 4.0, 1.0, 2.0) if with_date else (1.0, 7.0))


def questionnaire_blocks(form: Questionnaire, language: str) -> list[Block]:
    """A questionnaire to fill in: each question with boxes to tick or room to write."""
    blocks: list[Block] = [Heading(form.title, 1, new_page=True), name_line(language)]
    if form.instructions:
        blocks.append(Text(form.instructions))
    if form.scale:
        points = "   ".join(f"{p.value} = {p.label}" for p in form.scale.points)
        blocks.append(Text(f"**{t('scale', language)}**: {points}"))
    number = 0
    for section in form.sections:
        blocks.append(Heading(section.title, 2))
        if section.description:
            blocks.append(Text(section.description))
        for question in section.questions:
            number += 1
            blocks += question_blocks(question, number, form, language)
    return blocks


def question_blocks(question: Question, number: int, form: Questionnaire, language: str) -> list[Block]:
    # Everything of a question stays on one page with the boxes or the room its answer goes in.
    blocks: list[Block] = [Text(f"**{number}. {_inline(question.text)}**", keep_with_next=True)]
    if question.help:
        blocks.append(Text(question.help, "note", keep_with_next=True))
    if question.indicators:
        boxes = "  \n".join(f"{BOX} {i}" for i in question.indicators)
        blocks.append(Text(f"*{t('look_for', language)}*:  \n{boxes}", keep_with_next=True))
    if question.type == "scale" and form.scale:  # one box per point, side by side, each with its label
        blocks.append(Table((), ((*(f"{BOX} {p.value}  \n{p.label}" for p in form.scale.points),),)))
    elif question.type == "yes_no":
        blocks.append(Text(f"{BOX} {t('yes', language)}     {BOX} {t('no', language)}"))
    elif question.options:
        blocks.append(Text("  \n".join(f"{BOX} {option}" for option in question.options)))
    room = _ROOM.get(question.type, 3) or (2 if question.indicators else 0)
    if room:
        blocks.append(WriteSpace(room))
    return blocks


def meter_blocks(meter: Meter, language: str) -> list[Block]:
    """The competence meter on paper: a tick table per domain, then the analysis and the action plan."""
    blocks: list[Block] = [Heading(meter.title, 1, new_page=True), name_line(language)]
    moments = "     ".join(f"{BOX} {m.label}" for m in meter.moments)
    if moments:
        blocks.append(Text(f"**{t('moment', language)}**: {moments}"))
    if meter.instructions:
        blocks.append(Text(meter.instructions))
    blocks.append(Text(t("meter_tick", language)))
    points = meter.scale.points
    legend = "; ".join(f"{p.value} = {p.label}" for p in points)
    blocks.append(Text(f"**{t('scale', language)}**: {legend}"))
    widths = (0.7, 6.0, *(0.55,) * len(points))
    for domain in meter.domains:
        rows = tuple((s.id, _inline(s.text) + (f" *({', '.join(s.roles)})*" if s.roles else ""), *("",) * len(points))
                     for s in meter.statements if s.domain == domain.id)
        if not rows:
            continue
        blocks.append(Heading(domain.title, 2))
        header = (t("number", language), t("statement", language), *(str(p.value) for p in points))
        blocks.append(Table(header, rows, widths))
    analysis = meter.analysis
    blocks.append(Heading(t("notes", language), 2, new_page=True))
    blocks.append(WriteSpace(4, f"**{t('strengths', language).format(n=analysis.strengths)}**"))
    blocks.append(WriteSpace(4, f"**{t('challenges', language).format(n=analysis.challenges)}**"))
    blocks += action_plan_blocks(meter, language)
    return blocks


def action_plan_blocks(meter: Meter, language: str) -> list[Block]:
    if not meter.action_plan:
        return []
    blocks: list[Block] = [Heading(t("action_plan", language), 2)]
    for prompt in meter.action_plan:
        blocks.append(WriteSpace(3, f"**{_inline(prompt.text)}**"))
        if prompt.help:
            blocks.append(Text(prompt.help, "note"))
    return blocks


def homework_blocks(homework: list[Assignment], due_names: dict[str, str], language: str) -> list[Block]:
    if not homework:
        return []
    blocks: list[Block] = [Heading(t("homework", language), 1, new_page=True)]
    for task in homework:
        blocks.append(Heading(task.title, 2))
        if task.due and task.due in due_names:
            blocks.append(Text(f"*{t('due', language)}: {due_names[task.due]}*"))
        blocks.append(Text(task.text))
        for number, question in enumerate(task.questions, 1):
            blocks.append(WriteSpace(3, f"**{number}. {_inline(question)}**"))
    return blocks


def _inline(text: str) -> str:
    """A one-line text for a bold label or table cell."""
    return " ".join(text.split())

"""Participant-facing slides for agenda items: one task slide each, breaks, and cases where they are used."""

from __future__ import annotations

from draaiboek.markdown import Para, Run, heading, labelled, parse, plain
from draaiboek.model import Case, Meter, Questionnaire
from draaiboek.timing import format_minutes
from draaiboek.views import ItemView, SessionView
from draaiboek.views.timeline import clock
from draaiboek_slides import notes
from draaiboek_slides.deck import Context, Role, SlidePlan
from draaiboek_slides.editorial import clean, without_answers
from draaiboek_slides.fit import sentences, word_count

#: Words of the task text on a task slide; the notes carry the rest.
TASK_WORDS = 35
STEP_LINES = 6

#: Per deck: the case layers the room has seen so far, by case id.
Shown = dict[str, set[str]]


def grouping_text(ctx: Context, grouping: str | None, size: str | None = None) -> str | None:
    if not grouping:
        return None
    return f"{ctx.t(grouping)}, {size}" if size else ctx.t(grouping)


def span(item: ItemView) -> str:
    return f"{clock(item.start)}–{clock(item.end)}"


def meta_line(ctx: Context, item: ItemView) -> Para:
    """``in pairs · 20 min · 10:00–10:20``: grouping, how long, when."""
    grouping = grouping_text(ctx, item.grouping, item.group_size)
    when = f"{format_minutes(item.duration.low, item.duration.high)} · {span(item)}"
    return Para((Run(" · ".join(p for p in (grouping, when) if p), italic=True),))


def brief(paras: list[Para], limit: int = TASK_WORDS) -> list[Para]:
    """The start of a text in whole sentences (list items by their first sentence), at most ``limit`` words."""
    out: list[Para] = []
    for para in paras:
        if para.level > 1:
            continue
        parts = sentences(para) if para.level == 0 else sentences(para)[:1]
        for part in parts:
            if out and word_count(out + [part]) > limit:
                return out
            out.append(part)
            if word_count(out) >= limit:
                return out
    return out


def _merge(paras: list[Para]) -> list[Para]:
    """Sentences of the same prose paragraph back into one paragraph."""
    out: list[Para] = []
    for para in paras:
        if out and para.level == 0 and out[-1].level == 0 and not para.heading and not out[-1].heading \
                and out[-1].bullet == "none" and para.bullet == "none":
            out[-1] = Para(out[-1].runs + (Run(" "),) + para.runs, 0)
        else:
            out.append(para)
    return out


def task_text(item: ItemView) -> tuple[list[Para], bool]:
    """What to do, in short (with the key question), and whether the full text is longer (the notes hold it)."""
    source = item.assignment or item.goal or item.description
    full = clean(without_answers(parse(source)))
    short = _merge(brief(full))
    if not any("?" in p.text for p in short):
        question = next((s for p in full for s in sentences(p) if s.text.rstrip().endswith("?")), None)
        if question is not None:
            short.append(Para(tuple(Run(r.text.strip() if i == 0 else r.text, bold=True) for i, r in
                                    enumerate(question.runs)), 0))
    return short, word_count(short) < word_count(parse(source))


def item_slides(ctx: Context, session: SessionView, item: ItemView, shown: Shown) -> list[SlidePlan]:
    """The item's task slide, then a slide for each case it uses with what the room has not seen yet."""
    if item.is_break:
        return [break_slide(ctx, item)]
    what, shortened = task_text(item)
    body = [meta_line(ctx, item), *what, *instrument_lines(ctx, session, item)]
    cases = [case for case in item.cases if ctx.shows(case)]
    body.extend(labelled(ctx.t("case"), case.title) for case in cases)
    steps = step_lines(ctx, item)
    item_notes = notes.item_notes(ctx, item, shortened)
    if not steps and len(body) == 1:  # nothing to read: a divider with the time, not an empty content slide
        return [SlidePlan("section", "activity", item.title, body, notes=item_notes)]
    role: Role = "two_columns" if steps else "content"
    kind = "evaluation" if item.kind == "evaluation" else "activity"
    slides = [SlidePlan(role, kind, item.title, body, steps, item_notes)]
    for case in cases:
        slide = case_slide(ctx, item, case, shown)
        if slide is not None:
            slides.append(slide)
    return slides


def step_lines(ctx: Context, item: ItemView) -> list[Para]:
    """The steps, short: title (or first sentence), grouping and minutes; numbered as literal text."""
    lines: list[str] = []
    for step in item.steps:
        minutes = format_minutes(step.minutes.low, step.minutes.high) if step.minutes else None
        detail = ", ".join(d for d in (grouping_text(ctx, step.grouping, step.group_size), minutes) if d)
        first = parse(step.text)
        label = step.title or (sentences(first[0])[0].text if first else "")
        if label.strip():
            lines.append(f"{label} ({detail})" if detail else label)
    lines = lines[:STEP_LINES]
    return [heading(ctx.t("steps")), *(Para((Run(line),), 1, "number", n) for n, line in enumerate(lines, 1))] \
        if lines else []


def for_participants(found: Meter | Questionnaire) -> bool:
    """The trainer's own instruments (fieldnotes, observation lists for trainers) stay off the slides."""
    return isinstance(found, Meter) or "participants" in found.audience


def instrument_lines(ctx: Context, session: SessionView, item: ItemView) -> list[Para]:
    lines: list[Para] = []
    forms: list[Meter | Questionnaire] = [*item.meters, *item.questionnaires]
    for found in forms:
        if not for_participants(found):
            continue
        moment = None
        if isinstance(found, Meter):
            moment = next((m.label for m in found.moments
                           if m.session and ctx.view.session_index(m.session) == session.index), None)
        lines.append(labelled(ctx.t("instrument"), f"{found.title} ({moment})" if moment else found.title))
    return lines


def break_slide(ctx: Context, item: ItemView) -> SlidePlan:
    title = item.title if item.title.strip() else ctx.t("break")
    sub = [plain(f"{span(item)} · {format_minutes(item.minutes)}"), plain(f"{ctx.t('resume_at')} {clock(item.end)}")]
    return SlidePlan("section", "break", title, sub, notes=notes.break_notes(ctx, item))


def case_slide(ctx: Context, item: ItemView, case: Case, shown: Shown) -> SlidePlan | None:
    """One slide at the item that uses the case: what participants may see at its start, short, with the facts
    as a compact column. Seen before in this deck: only the layers revealed since, or no slide at all."""
    visible = ctx.view.visible_layers(case, "participants", item.moment)
    seen = shown.get(case.id)
    new = [layer for layer in visible if seen is None or layer.id not in seen]
    shown[case.id] = {layer.id for layer in visible}
    if seen is not None and not new:
        return None
    body: list[Para] = brief(clean(parse(case.summary)), 30) if seen is None else []
    for layer in new:
        text = brief(clean(parse(layer.text)), 30 if seen is None else 45)
        if text and text[0].level == 0:  # prose runs on after the layer's name; a list goes under it
            body.append(Para((Run(f"{layer.title}: ", bold=True), *text[0].runs)))
            body.extend(text[1:])
        else:
            body.extend([heading(layer.title), *text])
    facts = [p for fact in case.facts for p in clean([labelled(fact.label, fact.value)])] if seen is None else []
    title = f"{ctx.t('case')}: {case.title}"
    notes_ = notes.case_notes(ctx, item, case)
    if facts and body:
        return SlidePlan("two_columns", "case", title, body, [heading(ctx.t("facts")), *facts], notes_)
    return SlidePlan("content", "case", title, body + facts, notes=notes_)

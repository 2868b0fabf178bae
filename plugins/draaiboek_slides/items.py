"""Participant-facing slides for agenda items: activities, breaks, evaluations and cases."""

from __future__ import annotations

from draaiboek.model import AgendaItem, Case, Meter, Session, Variant, WorkFormat
from draaiboek.timing import TimedItem, format_minutes
from draaiboek.views import Moment

from draaiboek_slides import notes
from draaiboek.markdown import Para, Run, heading, labelled, parse, plain
from draaiboek_slides.plan import Context, SlidePlan


def work_format_of(ctx: Context, item: AgendaItem) -> tuple[WorkFormat | None, Variant | None]:
    fmt = ctx.resolver.work_format(item.work_format) if item.work_format else None
    variant = next((v for v in fmt.variants if v.id == item.variant), None) if fmt and item.variant else None
    return fmt, variant


def grouping_text(ctx: Context, grouping: str | None, size: str | None = None) -> str | None:
    if not grouping:
        return None
    return f"{ctx.t(grouping)}, {size}" if size else ctx.t(grouping)


def meta_line(ctx: Context, entry: TimedItem, fmt: WorkFormat | None, variant: Variant | None) -> Para:
    """``Werkvorm: name · in pairs · 20 min · 10:00–10:20``."""
    item = entry.item
    runs: list[Run] = []
    if fmt and fmt.name.strip().lower() != item.title.strip().lower():
        name = f"{fmt.name} – {variant.name}" if variant else fmt.name
        runs += [Run(f"{ctx.t('work_format')}: ", bold=True, italic=True), Run(name, italic=True)]
    grouping = grouping_text(ctx, item.grouping or (fmt.grouping if fmt else None), fmt.group_size if fmt else None)
    when = f"{format_minutes(item.duration.low, item.duration.high)} · {entry.start}–{entry.end}"
    for part in (grouping, when):
        if part:
            runs.append(Run(f" · {part}" if runs else part, italic=True))
    return Para(tuple(runs))


def item_slides(ctx: Context, session: Session, entry: TimedItem, shown: set[str] | None = None) -> list[SlidePlan]:
    """The item's slide(s) plus one slide per case not yet shown in this session (``shown`` tracks them)."""
    shown = set() if shown is None else shown
    item = entry.item
    if item.kind == "break":
        return [break_slide(ctx, entry)]
    fmt, variant = work_format_of(ctx, item)
    body = [meta_line(ctx, entry, fmt, variant)]
    assignment = item.assignment or (fmt.assignment if fmt else None)
    goal = item.goal or (fmt.goal if fmt else None)
    if assignment:
        body.extend(parse(assignment))
    elif goal:
        body.append(heading(ctx.t("goal")))
        body.extend(parse(goal))
    body.extend(instrument_lines(ctx, session, item))
    cases = [c for c in (ctx.resolver.case(ref) for ref in item.cases) if c is not None]
    body.extend(labelled(ctx.t("case"), case.title) for case in cases if case.id in shown)
    steps = step_lines(ctx, item, fmt, variant)
    role = "two_columns" if steps and len(body) > 1 else "content"
    left, right = (body, steps) if role == "two_columns" else (body + steps, [])
    kind = "evaluation" if item.kind == "evaluation" else "activity"
    slides = [SlidePlan(role, kind, item.title, left, right, notes.item_notes(ctx, entry, fmt, variant))]
    for case in cases:
        if case.id not in shown:
            shown.add(case.id)
            slides.append(case_slide(ctx, session, case, session.agenda.index(item)))
    return slides


def step_lines(ctx: Context, item: AgendaItem, fmt: WorkFormat | None, variant: Variant | None) -> list[Para]:
    """The steps participants follow: the agenda item's own, else the (variant of the) work format's."""
    lines: list[Para] = []
    for step in item.steps:
        detail = [grouping_text(ctx, step.grouping, step.group_size), format_minutes(step.minutes.low, step.minutes.high)]
        lines.append(Para((Run(step.title, bold=True), Run(" — " + ", ".join(d for d in detail if d))), 1, "bullet"))
    format_steps = (variant.steps if variant and variant.steps else fmt.steps if fmt else []) if not item.steps else []
    for number, fstep in enumerate(format_steps, 1):
        detail = [grouping_text(ctx, fstep.grouping)] + ([format_minutes(fstep.minutes.low, fstep.minutes.high)] if fstep.minutes else [])
        extra = ", ".join(d for d in detail if d)
        if fstep.title:
            lines.append(Para((Run(fstep.title, bold=True), Run(f" — {extra}" if extra else "")), 1, "number", number))
        else:
            lines.extend(parse(fstep.text, 1)[:1] or [plain(fstep.text, level=1)])
    return [heading(ctx.t("steps")), *lines] if lines else []


def instrument_lines(ctx: Context, session: Session, item: AgendaItem) -> list[Para]:
    lines: list[Para] = []
    for ref in item.instruments:
        found = ctx.resolver.instrument(ref)
        if found is None:
            continue
        moment = None
        if isinstance(found, Meter):
            now = ctx.position(session.id)
            moment = next((m.label for m in found.moments if m.session and ctx.position(m.session) == now), None)
        lines.append(labelled(ctx.t("instrument"), f"{found.title} ({moment})" if moment else found.title))
        if item.kind in ("evaluation", "assessment", "closing"):
            lines.extend(parse(found.instructions))
    return lines


def break_slide(ctx: Context, entry: TimedItem) -> SlidePlan:
    item = entry.item
    title = item.title if item.title.strip() else ctx.t("break")
    sub = [plain(f"{entry.start}–{entry.end} · {format_minutes(entry.minutes)}"),
           plain(f"{ctx.t('resume_at')} {entry.end}")]
    return SlidePlan("section", "break", title, sub, notes=notes.break_notes(ctx, entry))


def case_slide(ctx: Context, session: Session, case: Case, item_index: int) -> SlidePlan:
    """Summary and the layers participants may see at the item that uses the case; facts in a second column."""
    body: list[Para] = list(parse(case.summary))
    at = Moment(ctx.position(session.id) or 0, item_index)
    for layer in ctx.view.visible_layers(case, "participants", at):
        body.append(heading(layer.title))
        body.extend(parse(layer.text))
    facts = [labelled(fact.label, fact.value, 1) for fact in case.facts]
    title, notes_ = f"{ctx.t('case')}: {case.title}", notes.case_notes(ctx, session, case)
    if facts and body:
        return SlidePlan("two_columns", "case", title, body, [heading(ctx.t("facts")), *facts], notes_)
    return SlidePlan("content", "case", title, body + facts, notes=notes_)

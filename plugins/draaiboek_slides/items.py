"""Participant-facing slides for agenda items: one task slide each, breaks, and cases where they are used."""

from __future__ import annotations

from draaiboek.model import (
    AgendaItem,
    Case,
    Meter,
    Questionnaire,
    Session,
    Variant,
    WorkFormat,
)
from draaiboek.timing import TimedItem, format_minutes

from draaiboek_slides import notes
from draaiboek_slides.deck import Context, Role, SlidePlan
from draaiboek_slides.editorial import clean, without_answers
from draaiboek_slides.fit import sentences, word_count
from draaiboek_slides.markdown import Para, Run, heading, labelled, parse, plain

#: Words of the task text on a task slide; the notes carry the rest.
TASK_WORDS = 35
STEP_LINES = 6


def work_format_of(ctx: Context, item: AgendaItem) -> tuple[WorkFormat | None, Variant | None]:
    fmt = ctx.resolver.work_format(item.work_format) if item.work_format else None
    variant = next((v for v in fmt.variants if v.id == item.variant), None) if fmt and item.variant else None
    return fmt, variant


def grouping_text(ctx: Context, grouping: str | None, size: str | None = None) -> str | None:
    if not grouping:
        return None
    return f"{ctx.t(grouping)}, {size}" if size else ctx.t(grouping)


def meta_line(ctx: Context, entry: TimedItem, fmt: WorkFormat | None) -> Para:
    """``in pairs · 20 min · 10:00–10:20``: grouping, how long, when."""
    item = entry.item
    grouping = grouping_text(ctx, item.grouping or (fmt.grouping if fmt else None),
                             item.group_size or (fmt.group_size if fmt else None))
    when = f"{format_minutes(item.duration.low, item.duration.high)} · {entry.start}–{entry.end}"
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


def task_text(ctx: Context, item: AgendaItem, fmt: WorkFormat | None) -> tuple[list[Para], bool]:
    """What to do, in short (with the key question), and whether the full text is longer (the notes hold it)."""
    source = item.assignment or (fmt.assignment if fmt else None) or item.goal or (fmt.goal if fmt else None) \
        or item.description
    full = clean(without_answers(parse(source)))
    short = _merge(brief(full))
    if not any("?" in p.text for p in short):
        question = next((s for p in full for s in sentences(p) if s.text.rstrip().endswith("?")), None)
        if question is not None:
            short.append(Para(tuple(Run(r.text.strip() if i == 0 else r.text, bold=True) for i, r in
                                    enumerate(question.runs)), 0))
    return short, word_count(short) < word_count(parse(source))


def item_slides(ctx: Context, session: Session, entry: TimedItem, shown: set[str] | None = None) -> list[SlidePlan]:
    """The item's task slide plus a slide for each case it uses that this deck has not shown yet."""
    shown = set() if shown is None else shown
    item = entry.item
    if item.kind == "break":
        return [break_slide(ctx, entry)]
    fmt, variant = work_format_of(ctx, item)
    what, shortened = task_text(ctx, item, fmt)
    body = [meta_line(ctx, entry, fmt), *what]
    body.extend(instrument_lines(ctx, session, item))
    cases = [c for c in (ctx.resolver.case(ref) for ref in item.cases) if c is not None and ctx.shows(c)]
    body.extend(labelled(ctx.t("case"), case.title) for case in cases)
    steps = step_lines(ctx, item, fmt, variant)
    if not steps and len(body) == 1:  # nothing to read: a divider with the time, not an empty content slide
        return [SlidePlan("section", "activity", item.title, body, notes=notes.item_notes(ctx, entry, fmt, variant))]
    role: Role = "two_columns" if steps else "content"
    kind = "evaluation" if item.kind == "evaluation" else "activity"
    slides = [SlidePlan(role, kind, item.title, body, steps, notes.item_notes(ctx, entry, fmt, variant, shortened))]
    for case in cases:
        if case.id not in shown:
            shown.add(case.id)
            slides.append(case_slide(ctx, session, case))
    return slides


def step_lines(ctx: Context, item: AgendaItem, fmt: WorkFormat | None, variant: Variant | None) -> list[Para]:
    """The steps, short: title (or first sentence), grouping and minutes; numbered as literal text."""
    lines: list[str] = []
    for step in item.steps:
        parts = [grouping_text(ctx, step.grouping, step.group_size), format_minutes(step.minutes.low, step.minutes.high)]
        lines.append(f"{step.title} ({', '.join(d for d in parts if d)})")
    format_steps = (variant.steps if variant and variant.steps else fmt.steps if fmt else []) if not item.steps else []
    for fstep in format_steps:
        minutes = format_minutes(fstep.minutes.low, fstep.minutes.high) if fstep.minutes else None
        detail = ", ".join(d for d in (grouping_text(ctx, fstep.grouping), minutes) if d)
        label = fstep.title or (sentences(parse(fstep.text)[0])[0].text if parse(fstep.text) else "")
        lines.append(f"{label} ({detail})" if detail else label)
    lines = [line for line in lines if line.strip()][:STEP_LINES]
    return [heading(ctx.t("steps")), *(Para((Run(line),), 1, "number", n) for n, line in enumerate(lines, 1))] \
        if lines else []


def for_participants(found: Meter | Questionnaire) -> bool:
    """The trainer's own instruments (fieldnotes, observation lists for trainers) stay off the slides."""
    return isinstance(found, Meter) or "participants" in found.audience


def instrument_lines(ctx: Context, session: Session, item: AgendaItem) -> list[Para]:
    lines: list[Para] = []
    for ref in item.instruments:
        found = ctx.resolver.instrument(ref)
        if found is None or not for_participants(found):
            continue
        moment = None
        if isinstance(found, Meter):
            now = ctx.position(session.id)
            moment = next((m.label for m in found.moments if m.session and ctx.position(m.session) == now), None)
        lines.append(labelled(ctx.t("instrument"), f"{found.title} ({moment})" if moment else found.title))
    return lines


def break_slide(ctx: Context, entry: TimedItem) -> SlidePlan:
    item = entry.item
    title = item.title if item.title.strip() else ctx.t("break")
    sub = [plain(f"{entry.start}–{entry.end} · {format_minutes(entry.minutes)}"),
           plain(f"{ctx.t('resume_at')} {entry.end}")]
    return SlidePlan("section", "break", title, sub, notes=notes.break_notes(ctx, entry))


def revealed(ctx: Context, reveal: str | None, session: Session) -> bool:
    """A layer is shown from its reveal session on; an unknown reveal session keeps it hidden."""
    if reveal is None:
        return True
    at, now = ctx.position(reveal), ctx.position(session.id)
    return at is not None and now is not None and at <= now


def case_slide(ctx: Context, session: Session, case: Case) -> SlidePlan:
    """One slide: the summary and what participants may see now, short; the facts as a compact column."""
    body: list[Para] = brief(clean(parse(case.summary)), 30)
    for layer in case.layers:
        if "participants" in layer.audience and revealed(ctx, layer.reveal, session):
            body.append(Para((Run(f"{layer.title}: ", bold=True),) + tuple(
                r for p in brief(clean(parse(layer.text)), 25)[:1] for r in p.runs)))
    facts = [p for fact in case.facts for p in clean([labelled(fact.label, fact.value)])]
    hidden = [(layer.title, layer.text) for layer in case.layers if "participants" not in layer.audience
              and "trainers" in layer.audience and revealed(ctx, layer.reveal, session)]
    title, notes_ = f"{ctx.t('case')}: {case.title}", notes.case_notes(ctx, session, case, hidden)
    if facts and body:
        return SlidePlan("two_columns", "case", title, body, [heading(ctx.t("facts")), *facts], notes_)
    return SlidePlan("content", "case", title, body + facts, notes=notes_)

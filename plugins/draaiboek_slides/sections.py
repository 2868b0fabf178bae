"""The slides around the agenda: title, goals, programme, section, homework, evaluation and closing."""

from __future__ import annotations

from draaiboek.model import Questionnaire, Session, Source
from draaiboek.timing import schedule

from draaiboek_slides import items, notes
from draaiboek.markdown import Para, Run, heading, labelled, parse, plain
from draaiboek_slides.plan import Context, SlidePlan


def title_slide(ctx: Context, session: Session | None) -> SlidePlan:
    training = ctx.training
    lines = [plain(ctx.session_name(session))] if session else ([plain(training.subtitle)] if training.subtitle else [])
    when = ctx.long_date()
    if when:
        lines.append(plain(when))
    if ctx.options.trainer:
        lines.append(plain(f"{ctx.t('trainer')}: {ctx.options.trainer}"))
    return SlidePlan("title", "title", training.title, lines, notes=notes.title_notes(ctx, session))


def goals_slide(ctx: Context) -> SlidePlan:
    body = [p for goal in ctx.training.goals for p in parse(goal, 1) or [plain(goal, level=1)]]
    return SlidePlan("content", "goals", ctx.t("goals"), body, notes=notes.goals_notes(ctx))


def section_slide(ctx: Context, session: Session) -> SlidePlan:
    timed = schedule(session, ctx.options.start)
    sub = [plain(f"{timed[0].start}–{timed[-1].end}")] if timed else []
    if session.timing:
        sub.append(plain(session.timing))
    return SlidePlan("section", "section", ctx.session_name(session), sub, notes=notes.section_notes(ctx, session))


def session_slides(ctx: Context, session: Session, with_goals: bool) -> list[SlidePlan]:
    slides: list[SlidePlan] = []
    outcomes = outcomes_slide(ctx, session, with_goals)
    if outcomes:
        slides.append(outcomes)
    timed = schedule(session, ctx.options.start)
    if timed:
        slides.append(programme_slide(ctx, session))
    shown: set[str] = set()
    for entry in timed:
        slides.extend(items.item_slides(ctx, session, entry, shown))
    if not any(entry.item.kind == "evaluation" for entry in timed):
        referenced = {ref.split(":")[-1] for entry in timed for ref in entry.item.instruments}
        forms = [q for q in ctx.pack.questionnaires
                 if q.kind == "evaluation" and q.id not in referenced and _used_in(ctx, q, session)]
        if forms:
            slides.append(evaluation_slide(ctx, session, forms))
    homework = homework_slide(ctx, session)
    if homework:
        slides.append(homework)
    return slides


def _used_in(ctx: Context, questionnaire: Questionnaire, session: Session) -> bool:
    return "participants" in questionnaire.audience and any(
        ctx.position(ref) == ctx.position(session.id) for ref in questionnaire.sessions)


def outcomes_slide(ctx: Context, session: Session, with_goals: bool) -> SlidePlan | None:
    outcomes = [p for lo in session.learning_outcomes for p in parse(lo.text, 1) or [plain(lo.text, level=1)]]
    goals = [p for g in ctx.training.goals for p in parse(g, 1) or [plain(g, level=1)]] if with_goals else []
    note = notes.outcomes_notes(ctx, session)
    if goals and outcomes:
        return SlidePlan("two_columns", "outcomes", ctx.t("learning_outcomes"),
                         [heading(ctx.t("goals")), *goals], [heading(ctx.t("learning_outcomes")), *outcomes], note)
    if goals or outcomes:
        title = ctx.t("learning_outcomes") if outcomes else ctx.t("goals")
        return SlidePlan("content", "outcomes", title, outcomes or goals, notes=note)
    return None


def programme_slide(ctx: Context, session: Session) -> SlidePlan:
    body: list[Para] = []
    for entry in schedule(session, ctx.options.start):
        pause = entry.item.kind == "break"
        body.append(Para((Run(f"{entry.start}–{entry.end}", bold=True),
                          Run(f"\t{entry.item.title}", italic=pause))))
    return SlidePlan("content", "programme", ctx.t("programme"), body, notes=notes.programme_notes(ctx, session))


def evaluation_slide(ctx: Context, session: Session, forms: list[Questionnaire]) -> SlidePlan:
    body: list[Para] = []
    for form in forms:
        body.append(heading(form.title))
        body.extend(parse(form.instructions))
    return SlidePlan("content", "evaluation", ctx.t("evaluation"), body,
                     notes=notes.questionnaire_notes(ctx, forms, session))


def homework_slide(ctx: Context, session: Session) -> SlidePlan | None:
    body: list[Para] = []
    for task in session.homework:
        due = ctx.training.session(task.due.split(":")[-1]) if task.due else None
        body.append(heading(f"{task.title} ({ctx.t('due')} {due.title})" if due else task.title))
        body.extend(parse(task.text))
        body.extend(plain(q, level=1) for q in task.questions)
    index = ctx.position(session.id)
    following = ctx.training.sessions[index + 1] if index is not None and index + 1 < len(ctx.training.sessions) else None
    if following and following.preparation:
        body.append(heading(f"{ctx.t('next_preparation')}: {following.title}"))
        for prep in following.preparation:
            body.extend(parse(prep.text, 1) or [plain(prep.text, level=1)])
            body.extend(plain(q, level=2) for q in prep.questions)
    if not body:
        return None
    return SlidePlan("content", "homework", ctx.t("homework"), body, notes=notes.homework_notes(ctx, session))


def source_line(source: Source) -> Para:
    parts = [", ".join(source.authors)] if source.authors else []
    if source.year:
        parts.append(f"({source.year})")
    head = " ".join(parts)
    runs = [Run(f"{head}. " if head else ""), Run(source.title, italic=True)]
    if source.publisher:
        runs.append(Run(f". {source.publisher}"))
    if source.licence:
        runs.append(Run(f". {source.licence}"))
    return Para(tuple(r for r in runs if r.text), 1, "bullet")


def closing_slide(ctx: Context, last: Session) -> SlidePlan:
    pack = ctx.pack
    body: list[Para] = []
    if pack.sources:
        body.append(heading(ctx.t("sources")))
        for source in pack.sources:
            body.append(source_line(source))
            if source.attribution:
                body.extend(parse(source.attribution, 2) or [plain(source.attribution, level=2)])
    if pack.attribution:
        body.append(heading(ctx.t("attribution")))
        body.extend(parse(pack.attribution))
    body.append(labelled(ctx.t("licence"), f"{pack.title} {pack.version} — {pack.licence}"))
    return SlidePlan("closing", "closing", ctx.t("closing"), body, notes=notes.closing_notes(ctx, last))

"""The deck around the agenda: title, one goals slide, programme, section, evaluation, closing, sources."""

from __future__ import annotations

from dataclasses import replace

from draaiboek.markdown import Para, Run, heading, labelled, parse, plain
from draaiboek.model import Questionnaire, Session, Source
from draaiboek.refs import split_ref
from draaiboek.views.timeline import clock
from draaiboek_slides import items, notes
from draaiboek_slides.deck import Context, SlidePlan
from draaiboek_slides.editorial import clean
from draaiboek_slides.fit import sentences


def deck_slides(ctx: Context, sessions: list[Session]) -> list[SlidePlan]:
    """Title, goals, then per session its programme, task slides and pauses; closing and sources last."""
    single = len(sessions) == 1
    slides = [title_slide(ctx, sessions[0] if single else None)]
    goals = goals_slide(ctx, sessions[0] if single else None)
    if goals:
        slides.append(goals)
    shown: items.Shown = {}
    for number, session in enumerate(sessions):
        if not single:
            slides.append(section_slide(ctx, session))
        slides.extend(session_slides(ctx, session, shown))
        if number < len(sessions) - 1:
            homework = homework_slide(ctx, session)
            if homework:
                slides.append(homework)
    closing = closing_slide(ctx, sessions[-1])
    if not (_only_thanks(ctx, closing) and _ends_with_closing(ctx, sessions[-1])):
        slides.append(closing)
    sources = sources_slide(ctx)
    if sources:
        slides.append(sources)
    return [replace(s, body=clean(s.body), right=clean(s.right)) if s.role != "title" else s for s in slides]


def _only_thanks(ctx: Context, slide: SlidePlan) -> bool:
    return [p.text for p in slide.body] == [ctx.t("thanks")]


def _ends_with_closing(ctx: Context, session: Session) -> bool:
    """The agenda's last item is itself the closing: a second, empty closing slide would only repeat it."""
    last = session.agenda[-1] if session.agenda else None
    return last is not None and (last.kind == "closing" or last.title.strip().lower() == ctx.t("closing").lower())


def title_slide(ctx: Context, session: Session | None) -> SlidePlan:
    training = ctx.training
    lines = [plain(ctx.session(session).name)] if session else ([plain(training.subtitle)] if training.subtitle else [])
    when = ctx.long_date()
    if when:
        lines.append(plain(when))
    if ctx.options.trainer:
        lines.append(plain(f"{ctx.t('trainer')}: {ctx.options.trainer}"))
    return SlidePlan("title", "title", training.title, lines, notes=notes.title_notes(ctx, session))


def _short_lines(texts: list[str]) -> list[Para]:
    """One short bullet per goal: its first sentence, without Markdown lists inside."""
    out: list[Para] = []
    for text in texts:
        paras = parse(text) or [plain(text)]
        first = sentences(paras[0])[0]
        out.append(Para(first.runs, 1, "bullet"))
    return out


def goals_slide(ctx: Context, session: Session | None) -> SlidePlan | None:
    """The one goals slide: a session's learning outcomes (else the training's goals), without codes."""
    outcomes = [lo.text for lo in session.learning_outcomes] if session else []
    texts = outcomes or list(ctx.training.goals)
    if not texts:
        return None
    title = ctx.t("learning_outcomes") if outcomes else ctx.t("goals")
    return SlidePlan("content", "goals", title, _short_lines(texts), notes=notes.goals_notes(ctx, session),
                     list_like=True)


def section_slide(ctx: Context, session: Session) -> SlidePlan:
    view = ctx.session(session)
    sub = [plain(f"{clock(view.start)}–{clock(view.end)}")] if view.items else []
    if session.timing:
        sub.append(plain(session.timing))
    return SlidePlan("section", "section", view.name, sub, notes=notes.section_notes(ctx, session))


def session_slides(ctx: Context, session: Session, shown: items.Shown) -> list[SlidePlan]:
    view = ctx.session(session)
    slides: list[SlidePlan] = []
    if view.items:
        slides.append(programme_slide(ctx, session))
    for item in view.items:
        slides.extend(items.item_slides(ctx, view, item, shown))
    if not any(item.kind == "evaluation" for item in view.items):
        used = {q.id for item in view.items for q in item.questionnaires}
        forms = [q for q in ctx.view.questionnaires_in(view)
                 if q.kind == "evaluation" and q.id not in used and "participants" in q.audience]
        if forms:
            slides.append(evaluation_slide(ctx, session, forms))
    return slides


def programme_slide(ctx: Context, session: Session) -> SlidePlan:
    """One line per agenda item: clock times, then the title (pauses in italics)."""
    body = [Para((Run(items.span(item), bold=True), Run(f"\t{item.title}", italic=item.is_break)))
            for item in ctx.session(session).items]
    return SlidePlan("content", "programme", ctx.t("programme"), body, notes=notes.programme_notes(ctx, session),
                     list_like=True)


def evaluation_slide(ctx: Context, session: Session, forms: list[Questionnaire]) -> SlidePlan:
    body: list[Para] = []
    for form in forms:
        body.append(labelled(ctx.t("instrument"), form.title))
        body.extend(items.brief(clean(parse(form.instructions)), 30))
    return SlidePlan("content", "evaluation", ctx.t("evaluation"), body,
                     notes=notes.questionnaire_notes(ctx, forms, session))


def homework_lines(ctx: Context, session: Session) -> list[Para]:
    """Each homework task by title and its first sentence; the notes carry the full text."""
    body: list[Para] = []
    for task in session.homework:
        due = ctx.training.session(split_ref(task.due)[1]) if task.due else None
        head = f"{task.title} ({ctx.t('due')} {due.title})" if due else task.title
        first = sentences(parse(task.text)[0])[0] if parse(task.text) else None
        runs = (Run(head, bold=True),) + ((Run(": "),) + first.runs if first else ())
        body.append(Para(runs, 1, "bullet"))
    return body


def homework_slide(ctx: Context, session: Session) -> SlidePlan | None:
    body = homework_lines(ctx, session)
    if not body:
        return None
    return SlidePlan("content", "homework", ctx.t("homework"), body, notes=notes.closing_notes(ctx, session),
                     list_like=True)


def closing_slide(ctx: Context, last: Session) -> SlidePlan:
    """What comes next (the next session, its preparation) and the homework."""
    body: list[Para] = []
    index = ctx.session(last).index
    following = ctx.training.sessions[index + 1] if index + 1 < len(ctx.training.sessions) else None
    if following is not None:
        body.append(heading(f"{ctx.t('next_session')}: {ctx.session(following).name}"))
        for prep in following.preparation:
            parts = parse(prep.text)
            if parts:
                body.append(Para(sentences(parts[0])[0].runs, 1, "bullet"))
    homework = homework_lines(ctx, last)
    if homework:
        body += [heading(ctx.t("homework")), *homework]
    if not body:
        body.append(plain(ctx.t("thanks")))
    return SlidePlan("closing", "closing", ctx.t("closing"), body, notes=notes.closing_notes(ctx, last),
                     list_like=True)


def source_line(source: Source) -> Para:
    """Authors (year). *Title*. Publisher: attribution only, no licence terms."""
    year = f" ({source.year})" if source.year else ""
    if source.authors:
        runs = [Run(f"{', '.join(source.authors)}{year}. "), Run(source.title, italic=True)]
    else:
        runs = [Run(source.title, italic=True), Run(year)]
    if source.publisher:
        runs.append(Run(f". {source.publisher}"))
    return Para(tuple(r for r in runs if r.text), 1, "bullet")


def sources_slide(ctx: Context) -> SlidePlan | None:
    if not ctx.pack.sources:
        return None
    body = clean([source_line(source) for source in ctx.pack.sources])
    if not body:
        return None
    return SlidePlan("content", "sources", ctx.t("sources"), body, notes=notes.sources_notes(ctx))

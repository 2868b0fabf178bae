"""Speaker notes: what the trainer reads while presenting, in full sentences and lists (steps, timing cues,
materials, tips, cautions, the full text of what the slide shortens). No ids, no pack metadata."""

from __future__ import annotations

from draaiboek.markdown import Para, Run, heading, labelled, parse, plain
from draaiboek.model import Case, Meter, Questionnaire, Session
from draaiboek.refs import split_ref
from draaiboek.timing import format_minutes
from draaiboek.views import ItemView
from draaiboek.views.timeline import clock
from draaiboek_slides.deck import Context


def _list(ctx: Context, key: str, entries: list[str] | tuple[str, ...], markdown: bool = True) -> list[Para]:
    if not entries:
        return []
    out = [heading(ctx.t(key))]
    for entry in entries:
        out.extend((parse(entry, 1) if markdown else []) or [plain(entry, level=1)])
    return out


def _prose(ctx: Context, key: str, source: str | None) -> list[Para]:
    return [heading(ctx.t(key)), *parse(source)] if source and source.strip() else []


def _span(ctx: Context, session: Session) -> str:
    view = ctx.session(session)
    return f"{clock(view.start)}–{clock(view.end)}"


def title_notes(ctx: Context, session: Session | None) -> list[Para]:
    if session is None:
        count = len(ctx.training.sessions)
        out = [plain(f"{ctx.training.title}: {count} × {ctx.t('session').lower()}.")]
        out += _prose(ctx, "summary", ctx.training.summary)
        out += _list(ctx, "trainer_preparation", [p.task for p in ctx.training.preparation])
        return out
    out = [labelled(ctx.t("timing"), _span(ctx, session))]
    out += _prose(ctx, "introduction", session.introduction)
    out += _list(ctx, "trainer_preparation", session.trainer_preparation)
    out += _list(ctx, "materials", session.materials, markdown=False)
    roles = [f"**{r.role}**: {r.briefing}" if r.briefing else r.role for r in session.roles]
    out += _list(ctx, "roles", roles)
    out += _prose(ctx, "session_notes", session.notes)
    return out


def goals_notes(ctx: Context, session: Session | None) -> list[Para]:
    """Where each learning outcome is worked on, by agenda item title."""
    out: list[Para] = _prose(ctx, "background", ctx.training.background)
    if session is None:
        return out or [plain(ctx.training.title)]
    for outcome in session.learning_outcomes:
        uses = [item.title for item in session.agenda
                if any(split_ref(ref)[1] == outcome.id for ref in item.outcomes)]
        if uses:
            out.append(plain(parse(outcome.text)[0].text if parse(outcome.text) else outcome.text, bold=True))
            out.append(plain(f"{ctx.t('worked_on_in')}: {', '.join(uses)}.", level=1))
    return out or [plain(ctx.session(session).name)]


def section_notes(ctx: Context, session: Session) -> list[Para]:
    return title_notes(ctx, session)


def programme_notes(ctx: Context, session: Session) -> list[Para]:
    duration = session.agenda_duration
    total = format_minutes(duration.low, duration.high)
    out = [labelled(ctx.t("timing"), f"{_span(ctx, session)} ({ctx.t('total')} {total})")]
    out += _list(ctx, "program_points", session.programme)
    return out


def item_notes(ctx: Context, item: ItemView, shortened: bool = False) -> list[Para]:
    duration = format_minutes(item.duration.low, item.duration.high)
    out = [labelled(ctx.t("timing"), f"{clock(item.start)}–{clock(item.end)} ({duration})")]
    fmt, variant = item.work_format, item.variant
    if fmt is not None and fmt.name.strip().lower() != item.title.strip().lower():
        out.append(labelled(ctx.t("work_format"), f"{fmt.name} – {variant.name}" if variant else fmt.name))
    out += _prose(ctx, "goal", item.item.goal)
    out += parse(item.description)
    if (shortened or item.assignment != item.item.assignment) and item.assignment:
        out += _prose(ctx, "assignment", item.assignment)
    if item.steps:
        out.append(heading(ctx.t("steps")))
    for number, step in enumerate(item.steps, 1):
        stamp = f"{clock(step.start)} " if step.start else f"{number}. "
        minutes = f" ({format_minutes(step.minutes.low, step.minutes.high)})" if step.minutes else ""
        out.append(Para((Run(f"{stamp}{step.title or ''}".rstrip() + minutes, bold=True),), 1, "bullet"))
        out.extend(parse(step.text, 2))
    if variant:
        out += [heading(f"{ctx.t('variant')}: {variant.name}"), *parse(variant.description)]
    out += _list(ctx, "materials", item.materials, markdown=False)
    out += _list(ctx, "tips", item.tips)
    out += _list(ctx, "rules", item.rules)
    out += _list(ctx, "cautions", item.cautions)
    out += _list(ctx, "debrief_questions", item.debrief_questions, markdown=False)
    out += _list(ctx, "handouts", [h.title for h in item.handouts], markdown=False)
    forms: list[Meter | Questionnaire] = [*item.meters, *item.questionnaires]
    for form in forms:
        out += instrument_notes(ctx, form)
    return out


def instrument_notes(ctx: Context, form: Meter | Questionnaire) -> list[Para]:
    out = [heading(form.title), *parse(form.instructions)]
    if isinstance(form, Questionnaire):
        for section in form.sections:
            out.append(plain(section.title, level=1))
            out.extend(plain(q.text, level=2) for q in section.questions)
    else:
        out.append(plain(f"{len(form.statements)} × {form.scale.low}–{form.scale.high}", level=1))
    return out


def questionnaire_notes(ctx: Context, forms: list[Questionnaire], session: Session) -> list[Para]:
    out = [labelled(ctx.t("timing"), _span(ctx, session))]
    for form in forms:
        out += instrument_notes(ctx, form)
    return out


def break_notes(ctx: Context, item: ItemView) -> list[Para]:
    return [labelled(ctx.t("break"), f"{clock(item.start)}–{clock(item.end)} ({format_minutes(item.minutes)})"),
            *parse(item.description)]


def case_notes(ctx: Context, item: ItemView, case: Case) -> list[Para]:
    """The case in full for the trainer: the summary, this session's arc, the role cards by name (their text
    is on the printed cards), and what only the trainer (or a player) knows at this moment."""
    out: list[Para] = [plain(case.title, bold=True), *parse(case.summary)]
    if case.name_variants:
        out.append(plain(", ".join(case.name_variants), italic=True))
    now = item.moment.session
    for arc in case.arc:
        if ctx.view.session_index(arc.session) == now:
            out += [heading(ctx.t("arc_goal")), *parse(arc.goal)]
            if arc.played_by:
                out.append(plain(f"{ctx.t('played_by')} {ctx.t(arc.played_by)}"))
    cards = ctx.view.role_cards(case, now)
    if cards:
        out.append(heading(ctx.t("role_cards")))
        out.extend(plain(f"{c.role} ({ctx.t('played_by')} {ctx.t(c.played_by)})", level=1) for c in cards)
    room = {layer.id for layer in ctx.view.visible_layers(case, "participants", item.moment)}
    for layer in ctx.view.visible_layers(case, "trainers", item.moment):
        if layer.id not in room:
            out += [heading(f"{ctx.t('trainer_only')}: {layer.title}"), *parse(layer.text)]
    return out


def closing_notes(ctx: Context, last: Session) -> list[Para]:
    out = [labelled(ctx.t("timing"), _span(ctx, last))]
    for task in last.homework:
        names = [f.title for f in (ctx.resolver.instrument(r) for r in task.instruments) if f is not None]
        out.append(plain(task.title, bold=True))
        out.extend(parse(task.text, 1))
        if names:
            out.append(labelled(ctx.t("instruments"), ", ".join(names), 1))
    if ctx.session(last).index == len(ctx.view.sessions) - 1:
        care = [f"**{a.title}**" + (f" ({a.when})" if a.when else "") for a in ctx.training.aftercare]
        out += _list(ctx, "aftercare", care)
    return out


def sources_notes(ctx: Context) -> list[Para]:
    """Licence and the pack's attribution in full: the sources slide only names the sources."""
    pack = ctx.pack
    out: list[Para] = []
    if pack.licence:
        out.append(labelled(ctx.t("licence"), pack.licence))
    for source in pack.sources:
        if source.licence:
            out.append(labelled(source.title, source.licence, 1))
    out += _prose(ctx, "attribution", pack.attribution)
    return out or [plain(pack.title)]

"""The handbook document: the training from preparation to aftercare, in the pack's language."""

from __future__ import annotations

from dataclasses import dataclass

from draaiboek.exporters import ExportJob
from draaiboek.model import FormatStep, Pack, Training, WorkFormat
from draaiboek.refs import Resolver
from draaiboek.views import ItemView, SessionView, training_view
from draaiboek.views.participants import glossary_used
from draaiboek.views.timeline import clock
from draaiboek_handbook.basis import basis_line, inline, sources_list
from draaiboek_handbook.instruments import render_cases, render_meter, render_questionnaire
from draaiboek_handbook.text import block, bullets, cell, numbered, para, t


@dataclass(frozen=True)
class Chapter:
    """One top-level part of the handbook as Markdown (starting with its ``##`` heading, or ``#`` for the title).

    ``kind`` says where Word puts it: "title", "front" (before the sessions), "session", "back" (after them)
    or "appendix" (cases, role cards, instruments and forms, hand-outs, work formats).
    """

    kind: str
    markdown: str


def render_handbook(job: ExportJob) -> str:
    """The Markdown handbook: every chapter in reading order."""
    return "\n".join(c.markdown for c in handbook_chapters(job)).rstrip() + "\n"


def handbook_chapters(job: ExportJob) -> list[Chapter]:
    """The chapters, clock times from the views (``--start``, else the pack's own start times, else 09:00)."""
    pack, training, resolver = job.pack, job.training, job.resolver
    view = training_view(job)
    lang = pack.language
    title: list[str] = [f"# {training.title}", ""]
    if training.subtitle:
        title += [f"*{training.subtitle}*", ""]
    title += [(f"{t('version', lang)}: {training.version or pack.version} · {t('authors', lang)}: "
               f"{', '.join(pack.authors)} · {t('licence', lang)}: {cell(pack.licence)}"), ""]
    parts: list[tuple[str, list[str]]] = [("title", title),
                                          ("front", _about(training, pack, lang) + _preparation(training, pack, lang))]
    parts += [("session", _session(timed, pack, resolver, lang)) for timed in view.sessions]
    parts.append(("appendix", _work_formats(training, pack, resolver, lang)))
    cases = list(view.cases)
    if cases:
        parts.append(("appendix", [f"## {t('cases', lang)}", ""] + render_cases(cases, view, pack)))
    instruments, questionnaires = list(view.meters), list(view.questionnaires)
    if instruments or questionnaires:
        out = [f"## {t('instruments', lang)}", ""]
        for meter in instruments:
            out += render_meter(meter, pack)
        for questionnaire in questionnaires:
            out += render_questionnaire(questionnaire, pack)
        parts.append(("appendix", out))
    parts += [("appendix", _handouts(training, pack, lang))]
    parts += [("back", _glossary(pack, "\n".join(line for _, lines in parts for line in lines), lang)),
              ("back", _aftercare(training, pack, lang) + _closing(pack, training, lang))]
    return [Chapter(kind, "\n".join(lines)) for kind, lines in parts for lines in _split(lines) if lines]


def _glossary(pack: Pack, text: str, lang: str) -> list[str]:
    """The glossary terms the handbook uses, spelled out (and explained) in one list."""
    used = glossary_used(text, pack.glossary)
    if not used:
        return []
    return [f"## {t('glossary', lang)}", "",
            *(f"- **{e.term}**: {e.expansion}" + (f". {cell(e.explanation)}" if e.explanation else "")
              for e in used), ""]


def _split(lines: list[str]) -> list[list[str]]:
    """Lines cut at each ``## `` heading, so every chapter starts with its own heading."""
    chapters: list[list[str]] = []
    for line in lines:
        if line.startswith("## ") or not chapters:
            chapters.append([])
        chapters[-1].append(line)
    return chapters


def _about(training: Training, pack: Pack, lang: str) -> list[str]:
    out = [f"## {t('about', lang)}", ""]
    for text in (training.summary, training.background):
        if text:
            out += [block(text), ""]
    out += para(basis_line(training.basis, pack))
    if training.goals:
        out += [f"### {t('goals', lang)}", "", *bullets(training.goals), ""]
    audience = training.audience
    out += [f"### {t('audience', lang)}", "",
            f"- {t('participants', lang).capitalize()}: {cell(audience.participants)}"]
    if audience.trainers:
        out.append(f"- {t('trainers', lang).capitalize()}: {cell(audience.trainers)}")
    if audience.group_size:
        out.append(f"- {t('group_size', lang).capitalize()}: {audience.group_size}")
    out.append("")
    if training.trainer_prerequisites:
        out += [f"### {t('trainer_prerequisites', lang)}", "", *bullets(training.trainer_prerequisites), ""]
    return out


def _preparation(training: Training, pack: Pack, lang: str) -> list[str]:
    out: list[str] = []
    if training.preparation:
        items = sorted(training.preparation, key=lambda p: -(p.days_before or 0))
        out += [f"## {t('checklist', lang)}", ""]
        out += [f"- [ ] {f'**{p.when}**: ' if p.when else ''}{cell(p.task)}{inline(p.basis, pack)}" for p in items]
        out.append("")
    if training.intake:
        intake = training.intake
        out += [f"## {t('intake', lang)}: {intake.party}", ""]
        if intake.description:
            out += [block(intake.description), ""]
        out += para(basis_line(intake.basis, pack))
        for topic in intake.topics:
            out += [f"- **{topic.topic}**" + (f": {cell(topic.guidance)}" if topic.guidance else "")]
        out.append("")
    if training.parameters:
        out += [f"## {t('parameters', lang)}", "",
                f"| {t('setting', lang)} | {t('explanation', lang)} | {t('fill_in', lang)} |", "|---|---|---|"]
        for p in training.parameters:
            example = f" (*{cell(p.example)}*)" if p.example else ""
            optional = "" if p.required else f" ({t('optional_setting', lang)})"
            out.append(f"| **{p.label}**{optional} | {cell(p.description)}{example}{inline(p.basis, pack)} | ______ |")
        out.append("")
    return out


def _session(timed: SessionView, pack: Pack, resolver: Resolver, lang: str) -> list[str]:
    session = timed.session
    number = f" {session.number}" if session.number else ""
    stated = f" ({session.duration} {t('minutes', lang)})" if session.duration else ""
    out = [f"## {session.kind.capitalize()}{number}: {session.title}{stated}", ""]
    if session.phase == "follow_up":
        out += [f"*{t('follow_up', lang)}: {session.timing or ''}*", ""]
    elif session.timing:
        out += [f"*{session.timing}*", ""]
    if session.introduction:
        out += [block(session.introduction), ""]
    out += para(basis_line(session.basis, pack))
    if session.learning_outcomes:
        out += [f"### {t('learning_outcomes', lang)}", ""]
        out += [f"- **{o.id}**: {cell(o.text)}{inline(o.basis, pack)}" for o in session.learning_outcomes] + [""]
    sections = [("programme", session.programme), ("trainer_preparation", session.trainer_preparation),
                ("materials", session.materials)]
    for key, items in sections:
        if items:
            out += [f"### {t(key, lang)}", "", *bullets(items), ""]
    if session.preparation:
        out += [f"### {t('participant_preparation', lang)}", ""]
        for prep in session.preparation:
            out += bullets([prep.text]) + [f"  {i}. {q}" for i, q in enumerate(prep.questions, 1)]
        out.append("")
    if session.roles:
        out += [f"### {t('roles', lang)}", ""] + bullets(f"**{r.role}**" + (f": {r.briefing}" if r.briefing else "")
                                                         for r in session.roles) + [""]
    out += _runbook(timed, pack, resolver, lang)
    if session.homework:
        out += [f"### {t('homework', lang)}", ""]
        for hw in session.homework:
            due = f" ({t('due', lang)} {hw.due})" if hw.due else ""
            out += [f"- **{hw.title}**{due}: {cell(hw.text)}{inline(hw.basis, pack)}"]
            out += [f"  {i}. {q}" for i, q in enumerate(hw.questions, 1)]
        out.append("")
    if session.notes:
        out += [block(session.notes), ""]
    return out


def _runbook(timed: SessionView, pack: Pack, resolver: Resolver, lang: str) -> list[str]:
    session = timed.session
    if not session.agenda:
        return []
    header = f"| {t('time', lang)} | | {t('work_format', lang)} | {t('outcomes', lang)} | {t('minutes', lang)} |"
    out = [f"### {t('runbook', lang)}", "", header, "|---|---|---|---|---|"]
    for slot in timed.items:
        item, work_format = slot.item, slot.work_format
        name = cell(work_format.name if work_format else "")
        out.append(f"| {clock(slot.start)}-{clock(slot.end)} | {cell(item.title)} "
                   f"| {name} | {', '.join(item.outcomes)} | {item.duration} |")
    total = session.agenda_duration
    out += [f"| | **{t('total', lang)}** | | | **{total}** |", ""]
    for slot in timed.items:
        if slot.item.kind != "break" or slot.item.description or slot.item.tips or slot.item.basis:
            out += _agenda_item(slot, pack, lang)
    return out


def _agenda_item(slot: ItemView, pack: Pack, lang: str) -> list[str]:
    """One runbook row in full, as the core views resolve it (work format, variant, grouping, materials)."""
    item = slot.item
    out = [f"#### {clock(slot.start)}-{clock(slot.end)} {item.title}", ""]
    if item.goal:
        out += [f"**{t('goal', lang)}**: {block(item.goal)}", ""]
    if slot.work_format:
        variant = f" ({slot.variant.name})" if slot.variant else ""
        out += [f"**{t('work_format', lang)}**: {slot.work_format.name}{variant}", ""]
    elif item.work_format:
        out += [f"**{t('work_format', lang)}**: {item.work_format}", ""]
    for text in (item.description,):
        if text:
            out += [block(text), ""]
    if item.assignment:
        out += [f"**{t('assignment', lang)}**: {block(item.assignment)}", ""]
    if item.steps:
        out += numbered(f"**{s.title}** ({s.minutes} {t('minutes', lang)}"
                        + (f", {t(s.grouping, lang)}" if s.grouping else "")
                        + (f", {s.group_size}" if s.group_size else "") + ")"
                        + (f": {block(s.description)}" if s.description else "") for s in item.steps) + [""]
    elif slot.grouping or slot.group_size:
        size = f", {slot.group_size}" if slot.group_size else ""
        out += [f"*{t(slot.grouping, lang) if slot.grouping else ''}" + size + "*", ""]
    for key, items in (("materials", slot.materials), ("tips", item.tips)):
        if items:
            out += [f"*{t(key, lang)}*:", "", *bullets(items), ""]
    titles = {"cases": [c.title for c in slot.cases], "handouts": [h.title for h in slot.handouts],
              "instruments": [m.title for m in slot.meters] + [q.title for q in slot.questionnaires]}
    for key, names in titles.items():
        if names:
            out += [f"*{t(key, lang)}*: " + ", ".join(names), ""]
    return out + para(basis_line(item.basis, pack))


def _work_formats(training: Training, pack: Pack, resolver: Resolver, lang: str) -> list[str]:
    refs = [item.work_format for s in training.sessions for item in s.agenda if item.work_format]
    used: list[WorkFormat] = []
    for ref in dict.fromkeys(refs):
        work_format = resolver.work_format(ref)
        if work_format is not None and work_format not in used:
            used.append(work_format)
            used += [tech for r in work_format.techniques if (tech := resolver.work_format(r)) and tech not in used]
    if len(pack.trainings) == 1:
        used += [wf for wf in pack.work_formats if wf not in used]
    if not used:
        return []
    out = [f"## {t('work_formats', lang)}", ""]
    for wf in used:
        out += [f"### {wf.name}", "", f"*{wf.category}*" + (f" · {t('duration', lang)}: {wf.duration} "
                                                             f"{t('minutes', lang)}" if wf.duration else "")
                + (f" · {t(wf.grouping, lang)}" if wf.grouping else "")
                + (f" · {t('group_size', lang)}: {wf.group_size}" if wf.group_size else ""), ""]
        if wf.goal:
            out += [f"**{t('goal', lang)}**: {block(wf.goal)}", ""]
        if wf.description:
            out += [block(wf.description), ""]
        out += para(basis_line(wf.basis, pack))
        if wf.assignment:
            out += [f"**{t('assignment', lang)}**: {block(wf.assignment)}", ""]
        if wf.steps:
            out += numbered(_format_step(s, lang) for s in wf.steps) + [""]
        for key, items in (("preparation", wf.preparation), ("materials", wf.materials), ("rules", wf.rules),
                           ("debrief_questions", wf.debrief_questions), ("cautions", wf.cautions), ("tips", wf.tips)):
            if items:
                out += [f"**{t(key, lang)}**:", "", *bullets(items), ""]
        if wf.techniques:
            names = [(tech.name if (tech := resolver.work_format(r)) else r) for r in wf.techniques]
            out += [f"**{t('techniques', lang)}**: {', '.join(names)}", ""]
        for variant in wf.variants:
            out += [f"**{t('variants', lang)}: {variant.name}**" + (f" ({variant.duration} {t('minutes', lang)})"
                                                                     if variant.duration else ""), "",
                    block(variant.description), ""]
            out += numbered(_format_step(s, lang) for s in variant.steps) + ([""] if variant.steps else [])
    return out


def _format_step(step: FormatStep, lang: str) -> str:
    """'**Uitleg** (10 min, in tweetallen): text': minutes and grouping also for a step without a title."""
    details = [f"{step.minutes} {t('minutes', lang)}" if step.minutes else "",
               t(step.grouping, lang) if step.grouping else ""]
    detail = ", ".join(d for d in details if d)
    head = " ".join(x for x in (f"**{step.title}**" if step.title else "", f"({detail})" if detail else "") if x)
    return (f"{head}: " if head else "") + block(step.text)


def _handouts(training: Training, pack: Pack, lang: str) -> list[str]:
    if not training.handouts:
        return []
    out = [f"## {t('handouts', lang)}", ""]
    for h in training.handouts:
        status = "" if h.included else f" *({t('not_included', lang)})*"
        optional = f" *({t('optional', lang)})*" if h.optional else ""
        out += [f"### {h.title}{status}{optional}", ""]
        meta = [f"{t('for', lang).capitalize()}: {', '.join(t(a, lang) for a in h.audience)}"]
        if h.distribute:
            meta.append(f"{t('distribute', lang)}: {h.distribute}")
        if h.external:
            meta.append(f"{t('where', lang)}: {h.external}")
        out += [" · ".join(meta), ""]
        for text in (h.warning and f"> **{t('cautions', lang)}**: {cell(h.warning)}", h.description, h.content):
            if text:
                out += [block(text), ""]
        if h.items:
            out += [*bullets(h.items), ""]
        out += para(basis_line(h.basis, pack))
    return out


def _aftercare(training: Training, pack: Pack, lang: str) -> list[str]:
    out: list[str] = []
    if training.aftercare:
        out += [f"## {t('aftercare', lang)}", ""]
        for item in training.aftercare:
            when = f" ({item.when})" if item.when else ""
            out += [f"### {item.title}{when}", ""]
            if item.description:
                out += [block(item.description), ""]
            out += para(basis_line(item.basis, pack))
            if item.template:
                tpl = item.template
                subject = f" — {t('subject', lang)}: {tpl.subject}" if tpl.subject else ""
                out += [f"**{t('template', lang)}**" + subject,
                        "", *["> " + line for line in block(tpl.body).splitlines()], ""]
                fields = [f"- `{{{f.name}}}`: {f.description}" for f in tpl.fields]
                out += [f"**{t('fields', lang)}**:", "", *fields, ""]
    if training.tips:
        out += [f"## {t('trainer_tips', lang)}", "", *bullets(training.tips), ""]
    return out


def _closing(pack: Pack, training: Training, lang: str) -> list[str]:
    out: list[str] = []
    if training.literature:
        out += [f"## {t('literature', lang)}", ""]
        for role in ("participant_reading", "trainer_background", "further_reading", "order_only"):
            items = [li for li in training.literature if li.role == role]
            if items:
                out += [f"### {t(role, lang)}", ""]
                out += [f"- {cell(li.citation)}" + (f", p. {li.pages}" if li.pages else "")
                        + (f" <{li.url}>" if li.url else "") + inline(li.basis, pack) for li in items] + [""]
    notes = [*pack.editorial_notes, *training.editorial_notes]
    if notes:
        out += [f"## {t('editorial', lang)}", ""]
        out += [f"- **{n.topic}**: {cell(n.decision)}"
                + (f" *{t('reason', lang)}: {cell(n.reason)}*" if n.reason else "")
                + inline(n.basis, pack) for n in notes] + [""]
    out += [f"## {t('sources', lang)}", ""]
    out += sources_list(pack)
    if pack.attribution:
        out += ["", block(pack.attribution)]
    return out + [""]

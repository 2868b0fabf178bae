"""The handbook document: the training from preparation to aftercare, in the pack's language."""

from __future__ import annotations

from draaiboek.exporters import ExportJob
from draaiboek.model import AgendaItem, Pack, Session, Training, WorkFormat
from draaiboek.refs import Resolver, training_cases, training_meters
from draaiboek.timing import schedule
from draaiboek.views import TrainingView
from draaiboek_handbook.instruments import render_cases, render_meter, render_questionnaire
from draaiboek_handbook.text import block, bullets, cell, numbered, t


def render_handbook(job: ExportJob, start: str = "09:00") -> str:
    pack, training, resolver = job.pack, job.training, job.resolver
    lang = pack.language
    out: list[str] = [f"# {training.title}", ""]
    if training.subtitle:
        out += [f"*{training.subtitle}*", ""]
    out += [f"{t('version', lang)}: {training.version or pack.version} · {t('authors', lang)}: "
            f"{', '.join(pack.authors)} · {t('licence', lang)}: {cell(pack.licence)}", ""]
    out += _about(training, lang) + _preparation(training, lang)
    for session in training.sessions:
        out += _session(session, training, resolver, lang, start)
    out += _work_formats(training, pack, resolver, lang)
    cases = training_cases(training, resolver)
    if cases:
        out += [f"## {t('cases', lang)}", ""] + render_cases(cases, TrainingView(pack, training, resolver, job.start), lang)
    instruments = [*training_meters(training, resolver)]
    questionnaires = [q for q in pack.questionnaires if not training.instruments or q.id in training.instruments]
    if instruments or questionnaires:
        out += [f"## {t('instruments', lang)}", ""]
        for meter in instruments:
            out += render_meter(meter, lang)
        for questionnaire in questionnaires:
            out += render_questionnaire(questionnaire, lang)
    out += _handouts(training, lang) + _aftercare(training, lang) + _closing(pack, training, lang)
    return "\n".join(out).rstrip() + "\n"


def _about(training: Training, lang: str) -> list[str]:
    out = [f"## {t('about', lang)}", ""]
    for text in (training.summary, training.background):
        if text:
            out += [block(text), ""]
    if training.goals:
        out += [f"### {t('goals', lang)}", "", *bullets(training.goals), ""]
    audience = training.audience
    out += [f"### {t('audience', lang)}", "", f"- {t('participants', lang).capitalize()}: {cell(audience.participants)}"]
    if audience.trainers:
        out.append(f"- {t('trainers', lang).capitalize()}: {cell(audience.trainers)}")
    if audience.group_size:
        out.append(f"- {t('group_size', lang)}: {audience.group_size}")
    out.append("")
    if training.trainer_prerequisites:
        out += [f"### {t('trainer_prerequisites', lang)}", "", *bullets(training.trainer_prerequisites), ""]
    return out


def _preparation(training: Training, lang: str) -> list[str]:
    out: list[str] = []
    if training.preparation:
        items = sorted(training.preparation, key=lambda p: -(p.days_before or 0))
        out += [f"## {t('checklist', lang)}", ""]
        out += [f"- [ ] {f'**{p.when}**: ' if p.when else ''}{cell(p.task)}" for p in items] + [""]
    if training.intake:
        intake = training.intake
        out += [f"## {t('intake', lang)}: {intake.party}", ""]
        if intake.description:
            out += [block(intake.description), ""]
        for topic in intake.topics:
            out += [f"- **{topic.topic}**" + (f": {cell(topic.guidance)}" if topic.guidance else "")]
        out.append("")
    if training.parameters:
        out += [f"## {t('parameters', lang)}", "", f"| | {t('parameters', lang)} | |", "|---|---|---|"]
        for p in training.parameters:
            example = f" (*{cell(p.example)}*)" if p.example else ""
            out.append(f"| **{p.label}** | {cell(p.description)}{example} | ______ |")
        out.append("")
    return out


def _session(session: Session, training: Training, resolver: Resolver, lang: str, start: str) -> list[str]:
    number = f" {session.number}" if session.number else ""
    stated = f" ({session.duration} {t('minutes', lang)})" if session.duration else ""
    out = [f"## {session.kind.capitalize()}{number}: {session.title}{stated}", ""]
    if session.phase == "follow_up":
        out += [f"*{t('follow_up', lang)}: {session.timing or ''}*", ""]
    elif session.timing:
        out += [f"*{session.timing}*", ""]
    if session.introduction:
        out += [block(session.introduction), ""]
    if session.learning_outcomes:
        out += [f"### {t('learning_outcomes', lang)}", ""]
        out += [f"- **{o.id}**: {cell(o.text)}" for o in session.learning_outcomes] + [""]
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
    out += _runbook(session, resolver, lang, start)
    if session.homework:
        out += [f"### {t('homework', lang)}", ""]
        for hw in session.homework:
            due = f" ({t('due', lang)} {hw.due})" if hw.due else ""
            out += [f"- **{hw.title}**{due}: {cell(hw.text)}"] + [f"  {i}. {q}" for i, q in enumerate(hw.questions, 1)]
        out.append("")
    if session.notes:
        out += [block(session.notes), ""]
    return out


def _runbook(session: Session, resolver: Resolver, lang: str, start: str) -> list[str]:
    if not session.agenda:
        return []
    out = [f"### {t('runbook', lang)}", "", f"| {t('time', lang)} | | {t('work_format', lang)} | "
           f"{t('outcomes', lang)} | {t('minutes', lang)} |", "|---|---|---|---|---|"]
    timed = schedule(session, start)
    for slot in timed:
        item = slot.item
        work_format = resolver.work_format(item.work_format) if item.work_format else None
        out.append(f"| {slot.start}-{slot.end} | {cell(item.title)} | {cell(work_format.name if work_format else '')} "
                   f"| {', '.join(item.outcomes)} | {item.duration} |")
    total = session.agenda_duration
    out += [f"| | **{t('total', lang)}** | | | **{total}** |", ""]
    for slot in timed:
        if slot.item.kind != "break" or slot.item.description or slot.item.tips:
            out += _agenda_item(slot.item, slot.start, slot.end, resolver, lang)
    return out


def _agenda_item(item: AgendaItem, start: str, end: str, resolver: Resolver, lang: str) -> list[str]:
    out = [f"#### {start}-{end} {item.title}", ""]
    if item.goal:
        out += [f"**{t('goal', lang)}**: {block(item.goal)}", ""]
    if item.work_format:
        work_format = resolver.work_format(item.work_format)
        name = work_format.name if work_format else item.work_format
        chosen = next((v for v in work_format.variants if v.id == item.variant), None) if work_format else None
        variant = f" ({chosen.name if chosen else item.variant})" if item.variant else ""
        out += [f"**{t('work_format', lang)}**: {name}{variant}", ""]
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
    elif item.grouping or item.group_size:
        out += [f"*{t(item.grouping, lang) if item.grouping else ''}" + (f", {item.group_size}" if item.group_size else "")
                + "*", ""]
    for key, items in (("materials", item.materials), ("tips", item.tips)):
        if items:
            out += [f"*{t(key, lang)}*:", "", *bullets(items), ""]
    for key, refs in (("cases", item.cases), ("handouts", item.handouts), ("instruments", item.instruments)):
        if refs:
            names = [getattr(resolver.lookup(ref), "title", ref) for ref in refs]
            out += [f"*{t(key, lang)}*: " + ", ".join(names), ""]
    return out


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
        if wf.assignment:
            out += [f"**{t('assignment', lang)}**: {block(wf.assignment)}", ""]
        if wf.steps:
            out += numbered((f"**{s.title}**" + (f" ({s.minutes} {t('minutes', lang)})" if s.minutes else "") + ": "
                             if s.title else "") + block(s.text) for s in wf.steps) + [""]
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
            out += numbered((f"**{s.title}**: " if s.title else "") + block(s.text)
                            + (f" ({s.minutes} {t('minutes', lang)})" if s.minutes else "")
                            for s in variant.steps) + ([""] if variant.steps else [])
    return out


def _handouts(training: Training, lang: str) -> list[str]:
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
    return out


def _aftercare(training: Training, lang: str) -> list[str]:
    out: list[str] = []
    if training.aftercare:
        out += [f"## {t('aftercare', lang)}", ""]
        for item in training.aftercare:
            when = f" ({item.when})" if item.when else ""
            out += [f"### {item.title}{when}", ""]
            if item.description:
                out += [block(item.description), ""]
            if item.template:
                tpl = item.template
                out += [f"**{t('template', lang)}**" + (f" — {t('subject', lang)}: {tpl.subject}" if tpl.subject else ""),
                        "", *["> " + line for line in block(tpl.body).splitlines()], ""]
                out += [f"**{t('fields', lang)}**:", "", *[f"- `{{{f.name}}}`: {f.description}" for f in tpl.fields], ""]
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
                        + (f" <{li.url}>" if li.url else "") for li in items] + [""]
    notes = [*pack.editorial_notes, *training.editorial_notes]
    if notes:
        out += [f"## {t('editorial', lang)}", ""]
        out += [f"- **{n.topic}**: {cell(n.decision)}" + (f" *{t('reason', lang)}: {cell(n.reason)}*" if n.reason else "")
                for n in notes] + [""]
    out += [f"## {t('sources', lang)}", ""]
    for source in pack.sources:
        credit = source.attribution or source.title
        out.append(f"- {cell(credit)}" + (f" ({source.licence})" if source.licence else ""))
    if pack.attribution:
        out += ["", block(pack.attribution)]
    return out + [""]

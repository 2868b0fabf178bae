"""The text outline ``draaiboek show`` prints: a trainer's quick look at a pack."""

from __future__ import annotations

from draaiboek.labels import label
from draaiboek.model import Pack, Training
from draaiboek.refs import Resolver, training_cases, training_meters
from draaiboek.timing import schedule


def render_outline(pack: Pack, trainings: list[Training], resolver: Resolver, start: str) -> str:
    lang = pack.language
    lines = [f"{pack.title}  [{pack.id} {pack.version}, {pack.language}]"]
    for training in trainings:
        lines += ["", f"= {training.title}  ({training.id})"]
        if training.subtitle:
            lines.append(f"  {training.subtitle}")
        lines.append(f"  {label('participants', lang)}: {' '.join(training.audience.participants.split())}")
        for session in training.sessions:
            total = session.agenda_duration
            stated = f", {session.duration} min" if session.duration else ""
            phase = f" [{label('follow_up', lang)}: {session.timing or ''}]" if session.phase == "follow_up" else ""
            number = f" {session.number}" if session.number else ""
            lines += ["", f"  {session.kind.capitalize()}{number}: {session.title} "
                      f"({session.id}{stated}; agenda {total} min){phase}"]
            for outcome in session.learning_outcomes:
                lines.append(f"    {outcome.id}: {' '.join(outcome.text.split())}")
            for timed in schedule(session, start):
                item = timed.item
                fmt = ""
                if item.work_format:
                    work_format = resolver.work_format(item.work_format)
                    fmt = f"  [{work_format.name if work_format else item.work_format}]"
                span = f"{item.duration} min"
                lines.append(f"    {timed.start}-{timed.end}  {item.title}{fmt}  ({span})")
        meters = training_meters(training, resolver)
        cases = training_cases(training, resolver)
        if cases:
            lines += ["", f"  {label('cases', lang)}:"]
            lines += [f"    {case.id}: {case.title} ({len(case.layers)} layers, {len(case.role_cards)} role cards)"
                      for case in cases]
        if meters or pack.questionnaires:
            lines += ["", f"  {label('instruments', lang)}:"]
            for meter in meters:
                moments = ", ".join(m.label for m in meter.moments)
                lines.append(f"    {meter.id}: {meter.title} ({len(meter.domains)} domains, "
                             f"{len(meter.statements)} statements; {moments})")
            for questionnaire in pack.questionnaires:
                count = sum(len(s.questions) for s in questionnaire.sections)
                lines.append(f"    {questionnaire.id}: {questionnaire.title} ({questionnaire.kind}, {count} questions)")
    if pack.work_formats:
        lines += ["", f"{label('work_formats', lang)}:"]
        lines += [f"  {wf.id}: {wf.name} ({wf.category})" for wf in pack.work_formats]
    return "\n".join(lines)

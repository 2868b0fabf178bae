"""The text outline ``draaiboek show`` prints: a trainer's quick look at a pack, in the pack's language."""

from __future__ import annotations

from datetime import time

from draaiboek.labels import Labels
from draaiboek.model import Pack, Training
from draaiboek.refs import Resolver
from draaiboek.views import TrainingView
from draaiboek.views.timeline import clock


def render_outline(pack: Pack, trainings: list[Training], resolver: Resolver, start: time | None = None) -> str:
    t = Labels(pack.language)
    lines = [f"{pack.title}  [{pack.id} {pack.version}, {pack.language}]"]
    for training in trainings:
        view = TrainingView(pack, training, resolver, start)
        lines += ["", f"= {training.title}  ({training.id})"]
        if training.subtitle:
            lines.append(f"  {training.subtitle}")
        lines.append(f"  {t('participants').capitalize()}: {' '.join(training.audience.participants.split())}")
        for session in view.sessions:
            model = session.session
            stated = f", {model.duration} min" if model.duration else ""
            phase = f" [{t('follow_up')}: {model.timing or ''}]" if model.phase == "follow_up" else ""
            number = f" {model.number}" if model.number else ""
            lines += ["", f"  {model.kind.capitalize()}{number}: {model.title} "
                      f"({model.id}{stated}; {t('agenda')} {model.agenda_duration} min){phase}"]
            for outcome in model.learning_outcomes:
                lines.append(f"    {outcome.id}: {' '.join(outcome.text.split())}")
            for item in session.items:
                fmt = f"  [{item.work_format.name}]" if item.work_format else (
                    f"  [{item.item.work_format}]" if item.item.work_format else "")
                optional = f" ({t('optional_item')})" if item.optional else ""
                lines.append(f"    {clock(item.start)}-{clock(item.end)}  {item.title}{fmt}  "
                             f"({item.duration} min){optional}")
        if view.cases:
            lines += ["", f"  {t('cases')}:"]
            lines += [f"    {case.id}: {case.title} ({len(case.layers)} {t('n_layers')}, "
                      f"{len(case.role_cards)} {t('role_cards').lower()})" for case in view.cases]
        if view.meters or view.questionnaires:
            lines += ["", f"  {t('instruments')}:"]
            for meter in view.meters:
                moments = ", ".join(m.label for m in meter.moments)
                lines.append(f"    {meter.id}: {meter.title} ({len(meter.domains)} {t('domains')}, "
                             f"{len(meter.statements)} {t('statements')}; {moments})")
            for questionnaire in view.questionnaires:
                count = sum(len(s.questions) for s in questionnaire.sections)
                lines.append(f"    {questionnaire.id}: {questionnaire.title} "
                             f"({t('form_' + questionnaire.kind)}, {count} {t('n_questions')})")
    if pack.work_formats:
        lines += ["", f"{t('work_formats')}:"]
        lines += [f"  {wf.id}: {wf.name} ({wf.category})" for wf in pack.work_formats]
    return "\n".join(lines)

"""Handbook sections for cases (by audience and session) and instruments (meters, questionnaires)."""

from __future__ import annotations

from draaiboek.model import Case, CaseLayer, Meter, Questionnaire, Training
from draaiboek.views import TrainingView
from draaiboek_handbook.text import block, bullets, cell, t


def _session_name(training: Training, session_id: str | None) -> str:
    session = training.session(session_id) if session_id else None
    return session.title if session else (session_id or "")


def render_cases(cases: list[Case], view: TrainingView, lang: str) -> list[str]:
    training = view.training
    out: list[str] = []
    for case in cases:
        out += [f"### {case.title}", ""]
        meta = []
        if case.target_group:
            meta.append(case.target_group)
        if case.name_variants:
            meta.append(f"{t('name_variants', lang)}: {', '.join(case.name_variants)}")
        if case.choice_group:
            meta.append(f"{t('choice', lang)}: {case.choice_group}")
        if meta:
            out += [" · ".join(meta), ""]
        if case.summary:
            out += [block(case.summary), ""]
        if case.facts:
            out += [f"- **{f.label}**: {f.value}" for f in case.facts] + [""]
        if case.layers:
            out += [f"#### {t('layers', lang)}", ""]
            for layer in case.layers:
                who = ", ".join(t(a, lang) for a in layer.audience)
                when = _reveal_text(view, layer, lang)
                out += [f"**{layer.title}** ({t('for', lang)} {who}{when})", "", block(layer.text), ""]
        if case.role_cards:
            out += [f"#### {t('role_cards', lang)}", ""]
            for card in case.role_cards:
                sessions = ", ".join(_session_name(training, s) for s in card.sessions)
                out += [f"**{card.role}** ({t(card.played_by, lang)}{'; ' + sessions if sessions else ''})", "",
                        block(card.text), ""]
        if case.arc:
            out += [f"#### {t('arc', lang)}", ""]
            out += [f"- **{_session_name(training, step.session)}**: {cell(step.goal)}"
                    + (f" ({t(step.played_by, lang)})" if step.played_by else "") for step in case.arc] + [""]
    return out


def render_meter(meter: Meter, lang: str) -> list[str]:
    out = [f"### {meter.title}", ""]
    if meter.instructions:
        out += [block(meter.instructions), ""]
    scale = " · ".join(f"{p.value} = {p.label}" for p in meter.scale.points)
    out += [f"**{t('scale', lang)}**: {scale}", ""]
    if meter.scale.note:
        out += [f"*{cell(meter.scale.note)}*", ""]
    moments = "; ".join(m.label + (f" ({m.timing})" if m.timing else "") for m in meter.moments)
    out += [f"**{t('moments', lang)}**: {moments}", ""]
    for domain in meter.domains:
        out += [f"#### {domain.title}", ""]
        if domain.description:
            out += [block(domain.description), ""]
        for s in meter.statements:
            if s.domain == domain.id:
                roles = f" *({', '.join(s.roles)})*" if s.roles else ""
                out.append(f"- `{s.id}` {cell(s.text)}{roles}")
        out.append("")
    analysis = t("strengths_challenges", lang).format(s=meter.analysis.strengths, c=meter.analysis.challenges)
    out += [f"**{t('analysis', lang)}**: {analysis}" + (f". {cell(meter.analysis.note)}" if meter.analysis.note else ""), ""]
    if meter.action_plan:
        out += [f"**{t('action_plan', lang)}**:", ""]
        out += [f"{i}. {p.text}" + (f" *{cell(p.help)}*" if p.help else "") for i, p in enumerate(meter.action_plan, 1)]
        out.append("")
    if meter.tips:
        out += [f"**{t('tips', lang)}**:", "", *bullets(meter.tips), ""]
    return out


def render_questionnaire(questionnaire: Questionnaire, lang: str) -> list[str]:
    who = ", ".join(t(a, lang) for a in questionnaire.audience)
    out = [f"### {questionnaire.title}", "", f"*{questionnaire.kind} · {t('for', lang)} {who}*", ""]
    if questionnaire.instructions:
        out += [block(questionnaire.instructions), ""]
    if questionnaire.scale:
        out += [f"**{t('scale', lang)}**: " + " · ".join(f"{p.value} = {p.label}" for p in questionnaire.scale.points), ""]
    for section in questionnaire.sections:
        out += [f"**{section.title}**", ""]
        if section.description:
            out += [block(section.description), ""]
        for i, q in enumerate(section.questions, 1):
            options = f" ({' / '.join(q.options)})" if q.options else ""
            out.append(f"{i}. {cell(q.text)}{options}")
            out += bullets(q.indicators, 3)
        out.append("")
    return out


def _reveal_text(view: TrainingView, layer: CaseLayer, lang: str) -> str:
    """'; vanaf Module 2 (na: Estafette) voor deelnemers' for each reveal moment of a layer."""
    parts = []
    for reveal in view.reveals(layer):
        where = f"{t('revealed_in', lang)} {reveal.session.title}"
        if reveal.item is not None:
            where += f", {t('after' if reveal.after else 'at', lang)} '{reveal.item.title}'"
        if reveal.audiences:
            where = ", ".join(t(a, lang) for a in reveal.audiences) + ": " + where
        parts.append(where)
    return "; " + "; ".join(parts) if parts else ""

"""Instruments: scales with labelled points, statements inside a domain, questions that can be answered."""

from __future__ import annotations

from collections.abc import Iterator

from draaiboek.checks.base import Finding, error, warning
from draaiboek.model import Meter, Pack, Scale, Session
from draaiboek.refs import Resolver

Path = tuple[str | int, ...]


def check_scale(scale: Scale, path: Path, owner: str) -> Iterator[Finding]:
    if len(scale.points) < 2:
        yield error("SCALE002", "a scale needs at least two points", (*path, "points"), None, owner)
    values = [p.value for p in scale.points]
    if len(set(values)) != len(values):
        yield error("SCALE003", "two scale points have the same value", (*path, "points"), None, owner)
    for i, point in enumerate(scale.points):
        if not point.label.strip():
            yield error("SCALE001", f"scale point {point.value} has no label", (*path, "points", i, "label"),
                        "label every point, e.g. '1: nog niet'", owner)


def _check_moments(pack: Pack, resolver: Resolver, meter: Meter, mp: Path) -> Iterator[Finding]:
    """A moment at an agenda item names an item of its own session; 'before' and 'at' do not go together."""
    for i, moment in enumerate(meter.moments):
        path: Path = (*mp, "moments", i)
        if (moment.at or moment.before) and not moment.session:
            yield error("METER006", f"moment '{moment.id}' says 'at' or 'before' but names no session",
                        path, "add 'session: <session id>'", meter.id)
            continue
        if moment.at and moment.before:
            yield error("METER006", f"moment '{moment.id}' is both 'before' its session and 'at' one of its items",
                        (*path, "before"), "keep one of them", meter.id)
        session = resolver.get(moment.session, Session) if moment.session else None
        if moment.at and session is not None and moment.at not in {a.id for a in session.agenda if a.id}:
            ids = [a.id for a in session.agenda if a.id]
            yield error("METER006", f"moment '{moment.id}' names agenda item '{moment.at}', which session "
                        f"'{session.id}' does not have", (*path, "at"),
                        f"agenda item ids in '{session.id}': {', '.join(ids)}" if ids
                        else f"give the agenda item in '{session.id}' an id", meter.id)


def check_instruments(pack: Pack, resolver: Resolver) -> Iterator[Finding]:
    for m, meter in enumerate(pack.meters):
        mp: Path = ("meters", m)
        yield from check_scale(meter.scale, (*mp, "scale"), meter.id)
        domains = [d.id for d in meter.domains]
        used = {s.domain for s in meter.statements}
        for i, statement in enumerate(meter.statements):
            if statement.domain not in domains:
                yield error("METER001", f"statement '{statement.id}' is outside any domain ('{statement.domain}')",
                            (*mp, "statements", i, "domain"), f"domains: {', '.join(domains) or 'none'}", meter.id)
            for role in statement.roles:
                if role not in meter.roles:
                    yield error("METER005", f"statement '{statement.id}' has role '{role}' not listed in the meter's "
                                "roles", (*mp, "statements", i, "roles"), "add it to the meter's 'roles'", meter.id)
        for i, domain in enumerate(meter.domains):
            if domain.id not in used:
                yield warning("METER002", f"domain '{domain.id}' has no statements", (*mp, "domains", i), None, meter.id)
        if not meter.moments:
            yield error("METER003", "a meter needs at least one measurement moment", (*mp, "moments"),
                        "e.g. '- {id: voor, label: Voormeting}'", meter.id)
        yield from _check_moments(pack, resolver, meter, mp)
        if meter.analysis.strengths + meter.analysis.challenges > len(meter.statements):
            yield warning("METER004", "the analysis asks for more strengths and challenges than there are statements",
                          (*mp, "analysis"), None, meter.id)
    for q, questionnaire in enumerate(pack.questionnaires):
        qp: Path = ("questionnaires", q)
        if questionnaire.scale is not None:
            yield from check_scale(questionnaire.scale, (*qp, "scale"), questionnaire.id)
        for s, section in enumerate(questionnaire.sections):
            for i, question in enumerate(section.questions):
                path = (*qp, "sections", s, "questions", i)
                if question.type == "scale" and questionnaire.scale is None:
                    yield error("QUEST001", f"question '{question.id}' is a scale question but the questionnaire has "
                                "no scale", (*path, "type"), "add a 'scale' to the questionnaire", questionnaire.id)
                if question.type in ("choice", "multiple_choice") and not question.options:
                    yield error("QUEST002", f"question '{question.id}' is a choice question without options",
                                (*path, "options"), None, questionnaire.id)

"""Constructive alignment: every learning outcome is worked on in the agenda and measured by the meter."""

from __future__ import annotations

from collections.abc import Iterator

from draaiboek.checks.base import Finding, warning
from draaiboek.model import Pack
from draaiboek.refs import Resolver, split_ref


def check_coverage(pack: Pack, resolver: Resolver) -> Iterator[Finding]:
    in_agenda = {split_ref(ref)[1] for training in pack.trainings for session in training.sessions
                 for item in session.agenda for ref in item.outcomes}
    in_meter = {split_ref(ref)[1] for meter in pack.meters for statement in meter.statements
                for ref in statement.outcomes}
    for t, training in enumerate(pack.trainings):
        for s, session in enumerate(training.sessions):
            for o, outcome in enumerate(session.learning_outcomes):
                path = ("trainings", t, "sessions", s, "learning_outcomes", o)
                if outcome.id not in in_agenda:
                    yield warning("COVER001", f"learning outcome '{outcome.id}' is not worked on by any agenda item",
                                  path, "list it under 'outcomes' of the agenda item that works on it", outcome.id)
                if pack.meters and outcome.id not in in_meter:
                    yield warning("COVER002", f"learning outcome '{outcome.id}' is not measured by any meter statement",
                                  path, "list it under 'outcomes' of a meter statement", outcome.id)

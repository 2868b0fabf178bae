"""Time: every agenda row has minutes, and a session's rows fit the duration it states (breaks included)."""

from __future__ import annotations

from collections.abc import Iterator

from draaiboek.checks.base import Finding, error, warning
from draaiboek.model import ZERO, Pack
from draaiboek.refs import Resolver


def check_timing(pack: Pack, resolver: Resolver) -> Iterator[Finding]:
    for t, training in enumerate(pack.trainings):
        for s, session in enumerate(training.sessions):
            sp = ("trainings", t, "sessions", s)
            breaks = ZERO
            for a, item in enumerate(session.agenda):
                ap = (*sp, "agenda", a)
                if item.minutes is None and not item.steps:
                    yield error("TIME003", f"agenda item '{item.title}' has no minutes", ap,
                                "add 'minutes: 20' or timed 'steps'", session.id)
                if item.minutes is not None and item.steps:
                    steps = ZERO
                    for step in item.steps:
                        steps = steps + step.minutes
                    if not steps.overlaps(item.minutes):
                        yield error("TIME002", f"the steps of '{item.title}' take {steps} min, the item says "
                                    f"{item.minutes} min", (*ap, "minutes"), "make them agree, or drop 'minutes'",
                                    session.id)
                if (item.minutes is not None or item.steps) and item.duration.high == 0:
                    yield error("TIME006", f"agenda item '{item.title}' takes 0 minutes", ap,
                                "give it its minutes, or remove it", session.id)
                if item.kind == "break":
                    breaks = breaks + item.duration
            if not session.agenda:
                yield warning("TIME005", f"session '{session.id}' has no agenda", sp, None, session.id)
                continue
            total = session.agenda_duration
            if session.duration is not None and session.duration.high == 0:
                yield error("TIME007", f"session '{session.id}' states a duration of 0 minutes", (*sp, "duration"),
                            None, session.id)
            elif session.duration is None:
                yield warning("TIME004", f"session '{session.id}' states no duration; its agenda takes {total} min",
                              sp, f"add 'duration: {total}'", session.id)
            elif not total.overlaps(session.duration):
                yield error("TIME001", f"session '{session.id}' states {session.duration} min but its agenda takes "
                            f"{total} min (of which {breaks} min breaks)", (*sp, "duration"),
                            "shorten or lengthen agenda items, or correct the stated duration", session.id)

"""Cases in time: a case used in a session shows participants something by then."""

from __future__ import annotations

from collections.abc import Iterator

from draaiboek.checks.base import Finding, warning
from draaiboek.model import Pack
from draaiboek.refs import Resolver
from draaiboek.views import TrainingView


def check_case_reveals(pack: Pack, resolver: Resolver) -> Iterator[Finding]:
    """CASE001: an agenda item uses a case before any of its layers is revealed to participants."""
    for t, training in enumerate(pack.trainings):
        view = TrainingView(pack, training, resolver)
        for session in view.sessions:
            for item in session.items:
                for c, case in enumerate(item.cases):
                    layers = [layer for layer in case.layers if "participants" in layer.audience]
                    if layers and not view.visible_layers(case, "participants", item.moment):
                        path = ("trainings", t, "sessions", session.index, "agenda", item.index, "cases", c)
                        yield warning("CASE001", f"case '{case.id}' is used here before any of its layers is revealed "
                                      "to participants", path, "reveal a layer at or before this agenda item "
                                      "(reveal: {session: ..., at: <agenda item id>})", case.id)

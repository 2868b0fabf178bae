"""The training as exporters read it: timed sessions, what it uses, and who may see which case layer when."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import time
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from attrs import frozen

from draaiboek.labels import Labels
from draaiboek.model import Case, CaseLayer, Handout, Meter, Pack, Questionnaire, RoleCard, Session, Training
from draaiboek.model.common import Audience
from draaiboek.refs import Resolver, split_ref
from draaiboek.views.timeline import BEFORE, END, ItemView, Moment, SessionView, add_minutes, resolve_item

if TYPE_CHECKING:
    from draaiboek.exporters import ExportJob

DEFAULT_START = time(9, 0)
T = TypeVar("T")


def training_view(job: ExportJob) -> TrainingView:
    """The view of an export job's training, with the job's start time (``--start``) applied."""
    return TrainingView(job.pack, job.training, job.resolver, job.start)


@frozen
class RevealView:
    """One reveal moment of a layer: a session, optionally at or after one of its items, for some audiences."""

    session: SessionView
    item: ItemView | None
    after: bool
    audiences: tuple[Audience, ...]


class TrainingView:
    """Built once per export; every question an exporter asks about the training is answered here."""

    def __init__(self, pack: Pack, training: Training, resolver: Resolver, start: time | None = None) -> None:
        self.pack = pack
        self.training = training
        self.resolver = resolver
        self.start = start
        self.language = pack.language or "nl"
        self.labels = Labels(self.language)
        self._positions = {s.id: i for i, s in enumerate(training.sessions)}
        # Asked at every agenda item for every layer: a case with a layer per session would make a whole
        # training quadratic. The model does not change while a view lives, so each answer is kept.
        self._moments: dict[tuple[int, Audience], Moment | None] = {}
        self._case_sessions: dict[str, tuple[int, ...]] = {}

    # -- sessions and items ------------------------------------------------------------------------------

    @cached_property
    def sessions(self) -> tuple[SessionView, ...]:
        return tuple(self._session(i, s) for i, s in enumerate(self.training.sessions))

    def _session(self, index: int, session: Session) -> SessionView:
        begin = self.start or session.start or self.training.start or DEFAULT_START
        at, items = begin, []
        for i, item in enumerate(session.agenda):
            view = resolve_item(item, i, Moment(index, i), at, self.resolver, self.training.handouts)
            items.append(view)
            at = view.end
        minutes = sum(item.minutes for item in items)
        return SessionView(session, index, self.session_name(session), begin, add_minutes(begin, minutes),
                           minutes, tuple(items))

    def session_name(self, session: Session) -> str:
        """'Module 2: Het gesprek' when the session has a number, else its title."""
        if session.number is None:
            return session.title
        kind = (session.kind or self.labels("session")).strip()
        return f"{kind[:1].upper()}{kind[1:]} {session.number}: {session.title}"

    def session_index(self, ref: str | None) -> int | None:
        """Position of a session (``id`` or ``pack:id``) in this training; None when it is not one of its sessions."""
        if ref is None:
            return None
        pack_id, ident = split_ref(ref)
        if pack_id not in (None, self.pack.id):
            return None
        return self._positions.get(ident)

    def items(self) -> Iterable[ItemView]:
        for session in self.sessions:
            yield from session.items

    # -- what the training uses ------------------------------------------------------------------------

    @cached_property
    def cases(self) -> tuple[Case, ...]:
        """Cases of ``training.cases`` and of the agenda, in order of first mention."""
        refs = [*self.training.cases, *(ref for s in self.training.sessions for a in s.agenda for ref in a.cases)]
        return _present(self.resolver.case(ref) for ref in dict.fromkeys(refs))

    @cached_property
    def meters(self) -> tuple[Meter, ...]:
        """The training's listed and used meters; with none named anywhere, a one-training pack's meters."""
        refs = self._instrument_refs()
        meters = _present(self.resolver.meter(ref) for ref in refs)
        if not meters and not self.training.instruments and len(self.pack.trainings) == 1:
            return tuple(self.pack.meters)
        return meters

    @cached_property
    def questionnaires(self) -> tuple[Questionnaire, ...]:
        """Listed and used questionnaires plus those used in one of its sessions; a one-training pack: all."""
        if len(self.pack.trainings) == 1 and not self.training.instruments:
            return tuple(self.pack.questionnaires)
        used = list(_present(self.resolver.questionnaire(ref) for ref in self._instrument_refs()))
        used += [q for q in self.pack.questionnaires if any(self.session_index(r) is not None for r in q.sessions)]
        return tuple({q.id: q for q in used}.values())

    @cached_property
    def handouts(self) -> tuple[Handout, ...]:
        """The training's own hand-outs, then those its agenda borrows from elsewhere."""
        found = {h.id: h for h in self.training.handouts}
        for item in self.items():
            for handout in item.handouts:
                found.setdefault(handout.id, handout)
        return tuple(found.values())

    def _instrument_refs(self) -> list[str]:
        refs = list(self.training.instruments)
        for session in self.training.sessions:
            refs += [ref for item in session.agenda for ref in item.instruments]
            refs += [ref for task in session.homework for ref in task.instruments]
        return list(dict.fromkeys(refs))

    def questionnaires_in(self, session: SessionView) -> tuple[Questionnaire, ...]:
        """Forms used in a session: named by one of its agenda items, or listing the session itself."""
        named = [q for item in session.items for q in item.questionnaires]
        listed = [q for q in self.questionnaires if any(self.session_index(r) == session.index for r in q.sessions)]
        return tuple({q.id: q for q in [*named, *listed]}.values())

    def handouts_in(self, session: SessionView) -> tuple[Handout, ...]:
        """Hand-outs given in a session: named by one of its agenda items, or listing the session itself."""
        named = [h for item in session.items for h in item.handouts]
        listed = [h for h in self.handouts if any(self.session_index(r) == session.index for r in h.sessions)]
        return tuple({h.id: h for h in [*named, *listed]}.values())

    def chosen_case(self, choice_group: str, chosen: str | None = None) -> Case | None:
        """The case a trainer picked from a choice group (by id); the group's first case by default."""
        group = [c for c in self.cases if c.choice_group == choice_group]
        return next((c for c in group if c.id == chosen), group[0] if group else None)

    def case_sessions(self, case: Case) -> tuple[int, ...]:
        """The sessions whose agenda uses the case."""
        if case.id not in self._case_sessions:
            self._case_sessions[case.id] = tuple(s.index for s in self.sessions
                                                 if any(case.id in (c.id for c in item.cases) for item in s.items))
        return self._case_sessions[case.id]

    # -- who sees what, when -------------------------------------------------------------------------------

    def reveal_moment(self, layer: CaseLayer, audience: Audience) -> Moment | None:
        """From when ``audience`` may see ``layer``: ``BEFORE`` when known from the start, None when never here."""
        key = (id(layer), audience)
        if key not in self._moments:
            self._moments[key] = self._reveal_moment(layer, audience)
        return self._moments[key]

    def _reveal_moment(self, layer: CaseLayer, audience: Audience) -> Moment | None:
        if audience == "trainers":
            return BEFORE
        if audience not in layer.audience:
            return None
        entries = [r for r in layer.reveal if audience in r.audience] or [r for r in layer.reveal if not r.audience]
        if not entries:
            return BEFORE
        moments = []
        for reveal in entries:
            index = self.session_index(reveal.session)
            if index is None:
                continue
            moment = Moment(index, 0)
            item_id = reveal.at or reveal.after
            if item_id:
                agenda = self.training.sessions[index].agenda
                position = next((i for i, a in enumerate(agenda) if a.id == item_id), None)
                if position is None:
                    continue  # `check` reports it; until fixed, keep the layer hidden
                moment = Moment(index, position + (1 if reveal.after else 0))
            moments.append(moment)
        return min(moments) if moments else None

    def reveals(self, layer: CaseLayer) -> list[RevealView]:
        """A layer's reveal moments resolved for print ("from module 2, after the relay, for participants")."""
        found = []
        for reveal in layer.reveal:
            index = self.session_index(reveal.session)
            if index is None:
                continue
            session = self.sessions[index]
            item_id = reveal.at or reveal.after
            item = next((i for i in session.items if item_id and i.item.id == item_id), None)
            found.append(RevealView(session, item, bool(reveal.after), tuple(reveal.audience)))
        return found

    def visible_layers(self, case: Case, audience: Audience, at: Moment) -> list[CaseLayer]:
        """The layers ``audience`` may see at moment ``at`` (trainers see every layer)."""
        return [layer for layer in case.layers
                if (moment := self.reveal_moment(layer, audience)) is not None and moment <= at]

    def visible_to_any(self, case: Case, audiences: Sequence[Audience], at: Moment) -> list[CaseLayer]:
        return [layer for layer in case.layers if any(
            (m := self.reveal_moment(layer, a)) is not None and m <= at for a in audiences)]

    def revealed_in(self, case: Case, audience: Audience, session_index: int) -> list[CaseLayer]:
        """Layers that become visible to ``audience`` during a session; known-from-the-start layers belong to
        the first session that uses the case (or the first session when no agenda item does)."""
        used = self.case_sessions(case)
        first = used[0] if used else 0
        result = []
        for layer in case.layers:
            moment = self.reveal_moment(layer, audience)
            if moment is None:
                continue
            home = first if moment.session < first or moment == BEFORE else moment.session
            if home == session_index:
                result.append(layer)
        return result

    def role_cards(self, case: Case, session_index: int) -> list[RoleCard]:
        """Role cards played in a session: those listing it, or, listing none, those of a case it uses."""
        return [card for card in case.role_cards
                if (any(self.session_index(r) == session_index for r in card.sessions)
                    or (not card.sessions and session_index in self.case_sessions(case)))]

    def layers_for_card(self, card: RoleCard, case: Case, at: Moment) -> list[CaseLayer]:
        """What the player of a role card may know at ``at``: layers for the card's audiences, not the trainers'."""
        audiences: list[Audience] = [a for a in card.audience if a != "trainers"] or [card.played_by]
        return self.visible_to_any(case, audiences, at)

    @staticmethod
    def session_end(session_index: int) -> Moment:
        return Moment(session_index, END)


def _present(found: Iterable[T | None]) -> tuple[T, ...]:
    """The objects found, each once (by identity: model objects hold lists and do not hash)."""
    seen: dict[int, T] = {}
    for obj in found:
        if obj is not None:
            seen.setdefault(id(obj), obj)
    return tuple(seen.values())

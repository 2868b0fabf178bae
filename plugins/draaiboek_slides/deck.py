"""The types the plan, the slide builders and the notes share (kept apart so they do not import each other)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from functools import cached_property
from typing import Literal

from draaiboek.labels import Labels
from draaiboek.markdown import Para
from draaiboek.model import Case, Pack, Session, Training
from draaiboek.refs import Resolver
from draaiboek.views import SessionView, TrainingView
from draaiboek_slides.fit import Box
from draaiboek_slides.labels import SLIDE_LABELS

Role = Literal["title", "section", "content", "two_columns", "closing"]
ROLES: tuple[Role, ...] = ("title", "section", "content", "two_columns", "closing")


@dataclass
class SlidePlan:
    """One slide: the role picks the template layout; ``right`` is the second column.

    ``font`` is the deck's body size when it had to shrink below the template's (the same on every slide);
    ``list_like`` slides may continue on a follow-up slide, at item boundaries; other slides are shortened.
    """

    role: Role
    kind: str
    title: str
    body: list[Para] = field(default_factory=list)
    right: list[Para] = field(default_factory=list)
    notes: list[Para] = field(default_factory=list)
    list_like: bool = False
    font: float | None = None


@dataclass(frozen=True)
class Geometry:
    """The text boxes of the template's layouts; ``left``/``right`` are None without a two-column layout."""

    content: Box
    left: Box | None = None
    right: Box | None = None

    def with_font(self, font: float) -> Geometry:
        def sized(box: Box | None) -> Box | None:
            return None if box is None else Box(box.width, box.height, min(box.font, font))

        content = sized(self.content)
        assert content is not None
        return Geometry(content, sized(self.left), sized(self.right))


@dataclass(frozen=True)
class DeckOptions:
    date: str | None = None
    trainer: str | None = None
    cases: tuple[str, ...] = ()  # the trainer's pick per choice group (--case); otherwise the first case


@dataclass(frozen=True)
class Context:
    """One deck's reading of the training: the core's view (timing, resolved items, who sees what when)
    plus the deck's own options. ``start`` is the job's ``--start`` (None: the pack's own start times)."""

    pack: Pack
    training: Training
    resolver: Resolver
    options: DeckOptions = DeckOptions()
    start: time | None = None

    @cached_property
    def view(self) -> TrainingView:
        return TrainingView(self.pack, self.training, self.resolver, self.start)

    @cached_property
    def labels(self) -> Labels:
        return Labels(self.view.language, SLIDE_LABELS)

    @property
    def language(self) -> str:
        return self.view.language

    def t(self, key: str) -> str:
        return self.labels(key)

    def session(self, session: Session) -> SessionView:
        return next(s for s in self.view.sessions if s.session is session)

    def shows(self, case: Case) -> bool:
        """Whether the deck shows a case: always, unless it is an alternative the trainer did not pick."""
        if not case.choice_group:
            return True
        chosen = self.view.chosen_case(case.choice_group, next(
            (c for c in self.options.cases if any(x.id == c and x.choice_group == case.choice_group
                                                  for x in self.view.cases)), None))
        return chosen is None or chosen.id == case.id

    def long_date(self) -> str | None:
        raw = self.options.date
        if not raw:
            return None
        try:
            day = date.fromisoformat(raw.strip())
        except ValueError:
            return raw.strip()
        month = self.t("months").split()[day.month - 1]
        return f"{day.day} {month} {day.year}"

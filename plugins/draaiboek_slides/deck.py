"""The types the plan, the slide builders and the notes share (kept apart so they do not import each other)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from draaiboek.model import Case, Pack, Session, Training
from draaiboek.refs import Resolver, split_ref

from draaiboek_slides.fit import Box
from draaiboek_slides.labels import text
from draaiboek_slides.markdown import Para

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
    start: str = "09:00"
    date: str | None = None
    trainer: str | None = None
    cases: tuple[str, ...] = ()  # the trainer's pick per choice group (--case); otherwise the first case


@dataclass(frozen=True)
class Context:
    pack: Pack
    training: Training
    resolver: Resolver
    options: DeckOptions = DeckOptions()

    @property
    def language(self) -> str:
        return self.pack.language or "nl"

    def t(self, key: str) -> str:
        return text(key, self.language)

    def position(self, ref: str | None) -> int | None:
        """Index of a session (by reference) in the training, or None when it is not one of its sessions."""
        if ref is None:
            return None
        ident = split_ref(ref)[1]
        return next((i for i, s in enumerate(self.training.sessions) if s.id == ident), None)

    def shows(self, case: Case) -> bool:
        """Whether the deck shows a case: always, unless it is an alternative the trainer did not pick."""
        if not case.choice_group:
            return True
        group = [c for c in self.pack.cases if c.choice_group == case.choice_group]
        chosen = next((c for c in group if c.id in self.options.cases), group[0] if group else case)
        return chosen.id == case.id

    def session_name(self, session: Session) -> str:
        kind = (session.kind or self.t("session")).strip()
        number = f" {session.number}" if session.number is not None else ""
        return f"{kind[:1].upper()}{kind[1:]}{number}: {session.title}" if number else session.title

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

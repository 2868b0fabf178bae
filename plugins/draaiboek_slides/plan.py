"""The layout plan: a deck as a list of :class:`SlidePlan` built from the model (no python-pptx here).

The plan decides which slides a deck has, what is on them, what goes into the speaker notes and where
long content continues on a follow-up slide. The renderer only puts the plan into a template.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Literal

from draaiboek.errors import ExportError, ExportNotApplicable
from draaiboek.model import Pack, Session, Training
from draaiboek.refs import Resolver, split_ref
from draaiboek.timing import schedule
from draaiboek.views import TrainingView

from draaiboek_slides.fit import Box, paginate
from draaiboek_slides.labels import text
from draaiboek.markdown import Para, plain

Role = Literal["title", "section", "content", "two_columns", "closing"]
ROLES: tuple[Role, ...] = ("title", "section", "content", "two_columns", "closing")


@dataclass
class SlidePlan:
    """One slide: the role picks the template layout; ``right`` is the second column."""

    role: Role
    kind: str
    title: str
    body: list[Para] = field(default_factory=list)
    right: list[Para] = field(default_factory=list)
    notes: list[Para] = field(default_factory=list)


@dataclass(frozen=True)
class Geometry:
    """The text boxes of the template's layouts; ``left``/``right`` are None without a two-column layout."""

    content: Box
    left: Box | None = None
    right: Box | None = None


@dataclass(frozen=True)
class DeckOptions:
    start: str = "09:00"
    date: str | None = None
    trainer: str | None = None


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

    @cached_property
    def view(self) -> TrainingView:
        return TrainingView(self.pack, self.training, self.resolver)

    def position(self, ref: str | None) -> int | None:
        """Index of a session (by reference) in the training, or None when it is not one of its sessions."""
        if ref is None:
            return None
        ident = split_ref(ref)[1]
        return next((i for i, s in enumerate(self.training.sessions) if s.id == ident), None)

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


def select_sessions(training: Training, choice: str | None) -> list[Session]:
    """The sessions ``--session`` names: ``all`` (default), a number, a position or an id."""
    if choice is None or choice.strip().lower() == "all":
        return list(training.sessions)
    wanted = choice.strip()
    for session in training.sessions:
        if session.id == wanted or (wanted.isdigit() and session.number == int(wanted)):
            return [session]
    if wanted.isdigit() and 1 <= int(wanted) <= len(training.sessions):
        return [training.sessions[int(wanted) - 1]]
    ids = ", ".join(s.id for s in training.sessions)
    raise ExportError(f"training {training.id!r} has no session {wanted!r}: use all, a number or one of: {ids}")


def build_deck(ctx: Context, sessions: list[Session], geometry: Geometry) -> list[SlidePlan]:
    """The slides for one session, or for several with a section slide before each."""
    from draaiboek_slides import sections

    if not sessions:
        raise ExportNotApplicable(f"training {ctx.training.id!r} has no sessions to make slides for")
    for session in sessions:
        schedule(session, ctx.options.start)  # validates --start before anything is built
    slides: list[SlidePlan] = []
    single = len(sessions) == 1
    slides.append(sections.title_slide(ctx, sessions[0] if single else None))
    if not single and ctx.training.goals:
        slides.append(sections.goals_slide(ctx))
    for session in sessions:
        if not single:
            slides.append(sections.section_slide(ctx, session))
        slides.extend(sections.session_slides(ctx, session, with_goals=single))
    slides.append(sections.closing_slide(ctx, sessions[-1]))
    return fit_slides(ctx, slides, geometry)


def fit_slides(ctx: Context, slides: list[SlidePlan], geometry: Geometry) -> list[SlidePlan]:
    """Merge columns the template cannot show and continue overflowing content on follow-up slides."""
    fitted: list[SlidePlan] = []
    for slide in slides:
        if slide.role == "two_columns" and (geometry.left is None or geometry.right is None):
            slide = replace(slide, role="content", body=slide.body + slide.right, right=[])
        if slide.role in ("title", "section"):
            fitted.append(slide)
            continue
        if slide.role == "two_columns":
            assert geometry.left is not None and geometry.right is not None
            lefts, rights = paginate(slide.body, geometry.left), paginate(slide.right, geometry.right)
            if len(lefts) > 1 or len(rights) > 1:  # columns that run on look lopsided: one column instead
                slide = replace(slide, role="content", body=slide.body + slide.right, right=[])
        if slide.role == "two_columns":
            pages = [(lefts[0], rights[0])]
        else:
            pages = [(page, []) for page in paginate(slide.body, geometry.content)]
        for number, (body, right) in enumerate(pages):
            if number == 0:
                fitted.append(replace(slide, body=body, right=right))
            else:
                cue = f"{ctx.t('continued')}: {slide.title}"
                fitted.append(replace(slide, title=f"{slide.title} ({ctx.t('continued')})", body=body,
                                      right=right, notes=[plain(cue)] + slide.notes))
    return fitted

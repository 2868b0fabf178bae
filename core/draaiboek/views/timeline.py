"""Timed sessions and resolved agenda items: clock times, and each item with its work format applied."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Literal, NamedTuple

from attrs import frozen

from draaiboek.model import (
    AgendaItem,
    Case,
    Duration,
    Handout,
    Meter,
    Questionnaire,
    Session,
    Variant,
    WorkFormat,
)
from draaiboek.model.common import Grouping, Kind, Markdown

if TYPE_CHECKING:
    from draaiboek.refs import Resolver

#: Item index meaning "after the last agenda item of the session".
END = 10**9


class Moment(NamedTuple):
    """A point in a training: the start of agenda item ``item`` of session ``session`` (both 0-based).

    ``Moment(s, 0)`` is the start of session s; "after item i" is ``Moment(s, i + 1)``; ``Moment(s, END)`` is
    the end of session s. Moments compare in training order.
    """

    session: int
    item: int


#: Before the first session: what is known from the start.
BEFORE = Moment(-1, 0)


@frozen
class StepView:
    """A step as participants follow it, with clock times when the steps before it are timed."""

    title: str | None
    text: Markdown | None
    minutes: Duration | None
    grouping: Grouping | None
    group_size: str | None
    start: time | None
    end: time | None


@frozen
class ItemView:
    """An agenda item with everything resolved: its work format (and variant) applied, refs looked up, timed."""

    item: AgendaItem
    index: int
    moment: Moment
    start: time
    end: time
    minutes: int
    work_format: WorkFormat | None
    variant: Variant | None
    grouping: Grouping | None
    group_size: str | None
    assignment: Markdown | None
    goal: Markdown | None
    description: Markdown | None
    materials: tuple[str, ...]
    steps: tuple[StepView, ...]
    steps_from: Literal["item", "variant", "work_format", "none"]
    tips: tuple[Markdown, ...]
    debrief_questions: tuple[str, ...]
    cautions: tuple[Markdown, ...]
    rules: tuple[Markdown, ...]
    cases: tuple[Case, ...]
    handouts: tuple[Handout, ...]
    meters: tuple[Meter, ...]
    questionnaires: tuple[Questionnaire, ...]

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def kind(self) -> Kind:
        return self.item.kind

    @property
    def is_break(self) -> bool:
        return self.item.kind == "break"

    @property
    def optional(self) -> bool:
        return self.item.optional

    @property
    def duration(self) -> Duration:
        return self.item.duration


@frozen
class SessionView:
    session: Session
    index: int
    name: str
    start: time
    end: time
    minutes: int
    items: tuple[ItemView, ...]

    @property
    def id(self) -> str:
        return self.session.id

    @property
    def title(self) -> str:
        return self.session.title


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """Values in order, each once: case and surrounding spaces do not make a second one."""
    seen: dict[str, str] = {}
    for value in values:
        key = " ".join(value.split()).casefold()
        if key and key not in seen:
            seen[key] = value.strip()
    return tuple(seen.values())


def add_minutes(clock: time, minutes: int) -> time:
    """A clock time ``minutes`` later (past midnight it wraps, as a wall clock does)."""
    return (datetime.combine(datetime.min, clock) + timedelta(minutes=minutes)).time()


def clock(value: time) -> str:
    """'09:05'."""
    return value.strftime("%H:%M")


RawStep = tuple[str | None, str | None, Duration | None, Grouping | None, str | None]


def _steps(item: AgendaItem, fmt: WorkFormat | None, variant: Variant | None,
           start: time) -> tuple[tuple[StepView, ...], Literal["item", "variant", "work_format", "none"]]:
    raw: list[RawStep]
    if item.steps:
        raw = [(s.title, s.description, s.minutes, s.grouping, s.group_size) for s in item.steps]
        source: Literal["item", "variant", "work_format", "none"] = "item"
    elif variant is not None and variant.steps:
        raw = [(s.title, s.text, s.minutes, s.grouping, None) for s in variant.steps]
        source = "variant"
    elif fmt is not None and fmt.steps:
        raw = [(s.title, s.text, s.minutes, s.grouping, None) for s in fmt.steps]
        source = "work_format"
    else:
        return (), "none"
    steps: list[StepView] = []
    at: time | None = start
    for title, text, minutes, grouping, size in raw:
        end = add_minutes(at, minutes.high) if at is not None and minutes is not None else None
        steps.append(StepView(title or None, text or None, minutes, grouping, size, at if minutes else None, end))
        at = end
    return tuple(steps), source


def resolve_item(item: AgendaItem, index: int, moment: Moment, start: time, resolver: Resolver,
                 local_handouts: Sequence[Handout]) -> ItemView:
    """The item with its work format's (or variant's) grouping, group size, assignment, materials and steps."""
    fmt = resolver.work_format(item.work_format) if item.work_format else None
    variant = next((v for v in fmt.variants if v.id == item.variant), None) if fmt and item.variant else None
    format_materials = (variant.materials if variant and variant.materials else fmt.materials) if fmt else []
    steps, steps_from = _steps(item, fmt, variant, start)
    minutes = item.duration.high
    handouts = [next((h for h in local_handouts if h.id == ref), None) or resolver.handout(ref)
                for ref in item.handouts]
    instruments = [resolver.instrument(ref) for ref in item.instruments]
    return ItemView(
        item=item, index=index, moment=moment, start=start, end=add_minutes(start, minutes), minutes=minutes,
        work_format=fmt, variant=variant,
        grouping=item.grouping or (variant.grouping if variant else None) or (fmt.grouping if fmt else None),
        group_size=item.group_size or (variant.group_size if variant else None) or (fmt.group_size if fmt else None),
        assignment=item.assignment or (variant.assignment if variant else None) or (fmt.assignment if fmt else None),
        goal=item.goal or (fmt.goal if fmt else None),
        description=item.description,
        materials=unique([*item.materials, *format_materials]),
        steps=steps, steps_from=steps_from,
        tips=unique([*item.tips, *(fmt.tips if fmt else [])]),
        debrief_questions=tuple(fmt.debrief_questions) if fmt else (),
        cautions=tuple(fmt.cautions) if fmt else (),
        rules=tuple(fmt.rules) if fmt else (),
        cases=tuple(c for c in (resolver.case(ref) for ref in item.cases) if c is not None),
        handouts=tuple(h for h in handouts if h is not None),
        meters=tuple(i for i in instruments if isinstance(i, Meter)),
        questionnaires=tuple(i for i in instruments if isinstance(i, Questionnaire)),
    )

"""Clock times and durations as people read them. The schedule itself is computed by :mod:`draaiboek.views`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import TYPE_CHECKING

from draaiboek.errors import DraaiboekError

if TYPE_CHECKING:
    from draaiboek.model import AgendaItem, Session


@dataclass(frozen=True)
class TimedItem:
    """An agenda item with its clock times as text (kept for exporters not yet reading the views)."""

    item: AgendaItem
    start: str
    end: str
    minutes: int


def parse_clock(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%H:%M")
    except ValueError:
        raise DraaiboekError(f"invalid start time {text!r}: use HH:MM, e.g. 09:00") from None


def schedule(session: Session, start: str = "09:00") -> list[TimedItem]:
    """Clock times per agenda item from ``start`` (the views' timing, as text)."""
    from draaiboek.views.timeline import add_minutes, clock

    at: time = parse_clock(start).time()
    timed: list[TimedItem] = []
    for item in session.agenda:
        end = add_minutes(at, item.duration.high)
        timed.append(TimedItem(item, clock(at), clock(end), item.duration.high))
        at = end
    return timed


def format_minutes(low: int, high: int | None = None) -> str:
    """'20 min', '15-20 min'."""
    return f"{low} min" if high is None or high == low else f"{low}-{high} min"

"""Clock times for a session's agenda, computed from a start time."""

from __future__ import annotations

from datetime import datetime, timedelta

from dataclasses import dataclass
from typing import TYPE_CHECKING

from draaiboek.errors import DraaiboekError

if TYPE_CHECKING:
    from draaiboek.model import AgendaItem, Session


@dataclass(frozen=True)
class TimedItem:
    """An agenda item with its clock times. Ranges are planned at their upper bound."""

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
    """Clock times per agenda item; each session starts again at ``start``."""
    clock = parse_clock(start)
    timed: list[TimedItem] = []
    for item in session.agenda:
        minutes = item.duration.high
        end = clock + timedelta(minutes=minutes)
        timed.append(TimedItem(item, clock.strftime("%H:%M"), end.strftime("%H:%M"), minutes))
        clock = end
    return timed


def format_minutes(low: int, high: int | None = None) -> str:
    """'20 min', '15-20 min'."""
    return f"{low} min" if high is None or high == low else f"{low}-{high} min"

"""The runbook workbook as plain data: per session the timetable with clock times and a materials checklist.

Everything about the training (clock times, work formats and variants applied, materials deduplicated,
steps, handouts and instruments) comes from draaiboek.views; this module only decides what goes in which cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from draaiboek.labels import Labels
from draaiboek.timing import format_minutes
from draaiboek.views import ItemView, SessionView, TrainingView
from draaiboek.views.timeline import clock
from draaiboek_spreadsheets.labels import LABELS
from draaiboek_spreadsheets.text import plain, sheet_title


@dataclass(frozen=True)
class RunbookRow:
    start: str
    end: str
    minutes: str
    title: str
    kind: str
    grouping: str
    work_format: str
    materials: str
    handouts: str
    is_break: bool


@dataclass(frozen=True)
class ChecklistEntry:
    """One thing to bring, once, with the clock times of the items that need it (none: the whole session)."""

    text: str
    needed_at: str


@dataclass
class SessionPlan:
    title: str
    sheet: str
    checklist_sheet: str
    details: list[str]
    rows: list[RunbookRow] = field(default_factory=list)
    checklist: list[ChecklistEntry] = field(default_factory=list)


@dataclass
class RunbookPlan:
    language: str
    title: str
    pack_title: str
    sessions: list[SessionPlan]
    overview_sheet: str


def plan_runbook(view: TrainingView) -> RunbookPlan:
    t = Labels(view.language, LABELS)
    taken: set[str] = set()
    overview = sheet_title(t("sheet_sessions"), taken)
    sessions = [_session(session, taken, t) for session in view.sessions]
    return RunbookPlan(view.language, view.training.title, view.pack.title, sessions, overview)


def _session(view: SessionView, taken: set[str], t: Labels) -> SessionPlan:
    session = view.session
    prefix = f"{session.number if session.number is not None else view.index + 1}. "
    details = [d for d in (
        f"{t('duration')}: {format_minutes(session.agenda_duration.low, session.agenda_duration.high)}"
        if session.agenda else "",
        f"{t('when')}: {session.timing}" if session.timing else "",
    ) if d]
    plan = SessionPlan(plain(session.title), sheet_title(prefix + session.title, taken),
                       sheet_title(prefix + t("sheet_checklist"), taken), details)
    needed: dict[str, tuple[str, list[str]]] = {}  # by _key: (as first written, clock times)
    for thing in session.materials:
        needed.setdefault(_key(thing), (thing.strip(), []))
    session_wide = set(needed)
    for item in view.items:
        handouts = [h.title for h in item.handouts]
        instruments = [m.title for m in item.meters] + [q.title for q in item.questionnaires]
        plan.rows.append(RunbookRow(
            start=clock(item.start), end=clock(item.end),
            minutes=format_minutes(item.duration.low, item.duration.high),
            title=plain(item.title), kind=t(f"kind_{item.kind}") if item.kind != "activity" else "",
            grouping=_grouping(item, t), work_format=item.work_format.name if item.work_format else "",
            materials=", ".join(item.materials), handouts=", ".join(handouts + instruments),
            is_break=item.is_break,
        ))
        things = [*item.materials, *(f"{t('handout')}: {h}" for h in handouts),
                  *(f"{t('print')}: {i}" for i in instruments)]
        for thing in things:
            if _key(thing) not in session_wide:
                needed.setdefault(_key(thing), (thing.strip(), []))[1].append(clock(item.start))
    plan.checklist = [ChecklistEntry(thing, ", ".join(dict.fromkeys(times)))
                      for thing, times in needed.values() if thing]
    return plan


def _key(thing: str) -> str:
    """Case and spacing do not make a second thing to bring (as draaiboek.views deduplicates materials)."""
    return " ".join(thing.split()).casefold()


def _grouping(item: ItemView, t: Labels) -> str:
    """The grouping as the steps change it ('plenair → in tweetallen'), else the item's; group sizes after."""
    groupings = [s.grouping for s in item.steps if s.grouping] or ([item.grouping] if item.grouping else [])
    sizes = [s.group_size for s in item.steps if s.group_size] or ([item.group_size] if item.group_size else [])
    words = [t(g) for g in dict.fromkeys(groupings)]
    return " → ".join(words) + (f" ({', '.join(dict.fromkeys(sizes))})" if sizes else "")

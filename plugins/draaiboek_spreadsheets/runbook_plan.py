"""The runbook workbook as plain data: per session the timetable with clock times and a materials list."""

from __future__ import annotations

from dataclasses import dataclass, field

from draaiboek.labels import label
from draaiboek.model import AgendaItem, Pack, Session, Training
from draaiboek.refs import Resolver
from draaiboek.timing import format_minutes, schedule

from draaiboek_spreadsheets.labels import text
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
    start: str
    sessions: list[SessionPlan]
    overview_sheet: str


def plan_runbook(pack: Pack, training: Training, resolver: Resolver, start: str = "09:00") -> RunbookPlan:
    lang = pack.language
    taken: set[str] = set()
    overview = sheet_title(text("sheet_sessions", lang), taken)
    sessions = []
    for number, session in enumerate(training.sessions, start=1):
        prefix = f"{session.number if session.number is not None else number}. "
        sessions.append(_session(session, prefix, taken, training, resolver, lang, start))
    return RunbookPlan(lang, training.title, pack.title, start, sessions, overview)


def _session(session: Session, prefix: str, taken: set[str], training: Training, resolver: Resolver,
             lang: str, start: str) -> SessionPlan:
    details = [d for d in (
        f"{text('duration', lang)}: {format_minutes(session.agenda_duration.low, session.agenda_duration.high)}"
        if session.agenda else "",
        f"{text('when', lang)}: {session.timing}" if session.timing else "",
    ) if d]
    plan = SessionPlan(plain(session.title), sheet_title(prefix + session.title, taken),
                       sheet_title(prefix + text("sheet_checklist", lang), taken), details)
    needed: dict[str, list[str]] = {m: [] for m in _unique(list(session.materials))}
    session_wide = set(needed)
    for timed in schedule(session, start):
        item = timed.item
        wf = resolver.work_format(item.work_format) if item.work_format else None
        materials = _unique(list(item.materials) + (list(wf.materials) if wf else []))
        handouts = [_handout_title(ref, training, resolver) for ref in item.handouts]
        instruments = [i.title for i in (resolver.instrument(r) for r in item.instruments) if i is not None]
        plan.rows.append(RunbookRow(
            start=timed.start, end=timed.end,
            minutes=format_minutes(item.duration.low, item.duration.high),
            title=plain(item.title), kind=text(f"kind_{item.kind}", lang) if item.kind != "activity" else "",
            grouping=_grouping(item, wf.grouping if wf else None, wf.group_size if wf else None, lang),
            work_format=wf.name if wf else (item.work_format or ""),
            materials=", ".join(materials), handouts=", ".join(handouts + instruments),
            is_break=item.kind == "break",
        ))
        things = materials + [f"{text('handout', lang)}: {h}" for h in handouts]
        things += [f"{text('print', lang)}: {i}" for i in instruments]
        for thing in _unique(things):
            if thing not in session_wide:
                needed.setdefault(thing, []).append(timed.start)
    plan.checklist = [ChecklistEntry(t, ", ".join(dict.fromkeys(times))) for t, times in needed.items()]
    return plan


def _unique(values: list[str]) -> list[str]:
    """Stripped, without blanks, each once (case-insensitively), in order."""
    seen: dict[str, str] = {}
    for value in values:
        value = value.strip()
        if value and value.lower() not in seen:
            seen[value.lower()] = value
    return list(seen.values())


def _grouping(item: AgendaItem, fallback: str | None, group_size: str | None, lang: str) -> str:
    groupings = [s.grouping for s in item.steps if s.grouping] or [g for g in (item.grouping or fallback,) if g]
    sizes = [s.group_size for s in item.steps if s.group_size] or ([group_size] if group_size else [])
    words = [label(g, lang) for g in dict.fromkeys(groupings)]
    return " → ".join(words) + (f" ({', '.join(dict.fromkeys(sizes))})" if sizes else "")


def _handout_title(ref: str, training: Training, resolver: Resolver) -> str:
    local = next((h for h in training.handouts if h.id == ref), None)
    found = local or resolver.handout(ref)
    return found.title if found else ref

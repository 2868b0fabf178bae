"""Reads many filled meters into one group: picks the meter, merges files per participant, lists problems."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from draaiboek.errors import InputFileError
from draaiboek_spreadsheets.records import MeterInfo, Response


@dataclass
class Participant:
    name: str
    files: list[Path] = field(default_factory=list)
    scores: dict[str, dict[str, int]] = field(default_factory=dict)


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


@dataclass(frozen=True)
class Problem:
    """A file the report could not (fully) use: the full line for the trainer's terminal, and a line without
    names or paths for an anonymised report."""

    path: Path
    number: int
    detail: str
    anonymous: str

    def __str__(self) -> str:
        return f"{self.path}: {self.detail}"

    @property
    def anonymised(self) -> str:
        return f"file {self.number}: {self.anonymous}"


def problem(path: Path, number: int, detail: str, anonymous: str | None = None) -> Problem:
    """Quoted values (names, typed cell contents, sheet names) and the path are masked in the anonymous line."""
    if anonymous is None:
        anonymous = _QUOTED.sub("'…'", detail.replace(str(path), "…").replace(path.name, "…"))
    return Problem(path, number, detail, anonymous)


@dataclass
class Group:
    info: MeterInfo | None
    participants: list[Participant]
    problems: list[Problem]
    files: int
    used: int


def expand(inputs: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their *.xlsx files (sorted, skipping Office lock files ~$...)."""
    paths: list[Path] = []
    for item in inputs:
        if item.is_dir():
            paths.extend(p for p in sorted(item.rglob("*"))
                         if p.is_file() and p.suffix.lower() in (".xlsx", ".xlsm", ".ods", ".xls")
                         and not p.name.startswith(("~$", ".~lock")))
        else:
            paths.append(item)
    return list(dict.fromkeys(paths))


def collect(paths: list[Path], read: Callable[[Path], Response]) -> Group:
    problems: list[Problem] = []
    responses: list[Response] = []
    numbers = {path: number for number, path in enumerate(paths, start=1)}

    def add(path: Path, detail: str, anonymous: str | None = None) -> None:
        problems.append(problem(path, numbers[path], detail, anonymous))

    for path in paths:
        try:
            responses.append(read(path))
        except InputFileError as error:
            message = str(error)
            add(path, message.removeprefix(f"{path}: "))
        except Exception as error:  # whatever one file does (MemoryError too), the others get their report
            add(path, f"cannot be read ({type(error).__name__})")
    if not responses:
        return Group(None, [], problems, len(paths), 0)
    counts = Counter((r.info.ref, r.info.fingerprint) for r in responses)
    best = max(counts.values())
    chosen = next(r.info for r in responses if counts[(r.info.ref, r.info.fingerprint)] == best)
    participants: dict[str, Participant] = {}
    used = 0
    for r in responses:
        if r.info.ref != chosen.ref:
            add(r.path, f"another meter ({r.info.ref}); this report is for {chosen.ref}")
            continue
        if r.info.fingerprint != chosen.fingerprint:
            add(r.path, f"another version of {chosen.ref} (pack version {r.info.pack_version}, "
                "statements, scale or moments differ from the other files)")
            continue
        key = r.participant.casefold()
        person = participants.setdefault(key, Participant(r.participant))
        overlap = [m for m in r.scores if m in person.scores]
        if overlap:
            others = ", ".join(p.name for p in person.files)
            moments = ", ".join(chosen.moment_label(m) for m in overlap)
            add(r.path, f"duplicate participant '{r.participant}' ({moments} also in {others}); file left out",
                f"duplicate participant ({moments} also in another file); file left out")
            continue
        person.files.append(r.path)
        person.scores.update(r.scores)
        used += 1
        for moment, blank in r.blanks.items():
            add(r.path, f"{blank} of {len(chosen.statements)} statements left blank for {chosen.moment_label(moment)}")
    group = [p for p in participants.values() if p.files]
    filled = {m for p in group for m in p.scores}
    for p in group:
        for moment_id, label in chosen.moments:
            if moment_id in filled and moment_id not in p.scores:
                add(p.files[0], f"participant '{p.name}' has no scores for {label} (missing moment)")
        if not p.scores:
            add(p.files[0], f"participant '{p.name}' has not scored any statement")
    return Group(chosen, group, problems, len(paths), used)

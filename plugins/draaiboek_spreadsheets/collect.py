"""Reads many filled meters into one group: picks the meter, merges files per participant, lists problems."""

from __future__ import annotations

import gc
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


@dataclass
class Group:
    info: MeterInfo | None
    participants: list[Participant]
    problems: list[str]
    files: int
    used: int


def expand(inputs: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their *.xlsx files (sorted, skipping Office lock files ~$...)."""
    paths: list[Path] = []
    for item in inputs:
        if item.is_dir():
            paths.extend(p for p in sorted(item.rglob("*")) if p.is_file() and p.suffix.lower() in (".xlsx", ".xlsm", ".ods", ".xls")
                         and not p.name.startswith(("~$", ".~lock")))
        else:
            paths.append(item)
    return list(dict.fromkeys(paths))


def collect(paths: list[Path], read: Callable[[Path], Response]) -> Group:
    problems: list[str] = []
    responses: list[Response] = []
    automatic = gc.isenabled()
    gc.disable()  # openpyxl leaves cyclic garbage per file; collecting it in batches keeps the cost linear
    try:
        for number, path in enumerate(paths, start=1):
            try:
                responses.append(read(path))
            except InputFileError as error:
                problems.append(str(error))
            if number % 20 == 0:
                gc.collect()
    finally:
        if automatic:
            gc.enable()
    if not responses:
        return Group(None, [], problems, len(paths), 0)
    counts = Counter((r.info.ref, r.info.fingerprint) for r in responses)
    best = max(counts.values())
    chosen = next(r.info for r in responses if counts[(r.info.ref, r.info.fingerprint)] == best)
    participants: dict[str, Participant] = {}
    used = 0
    for r in responses:
        if r.info.ref != chosen.ref:
            problems.append(f"{r.path}: another meter ({r.info.ref}); this report is for {chosen.ref}")
            continue
        if r.info.fingerprint != chosen.fingerprint:
            problems.append(f"{r.path}: another version of {chosen.ref} (pack version {r.info.pack_version}, "
                            f"statements, scale or moments differ from the other files)")
            continue
        key = r.participant.casefold()
        person = participants.setdefault(key, Participant(r.participant))
        overlap = [m for m in r.scores if m in person.scores]
        if overlap:
            others = ", ".join(p.name for p in person.files)
            moments = ", ".join(chosen.moment_label(m) for m in overlap)
            problems.append(f"{r.path}: duplicate participant '{r.participant}' ({moments} also in {others}); file left out")
            continue
        person.files.append(r.path)
        person.scores.update(r.scores)
        used += 1
        for moment, blank in r.blanks.items():
            problems.append(f"{r.path}: {blank} of {len(chosen.statements)} statements left blank "
                            f"for {chosen.moment_label(moment)}")
    group = [p for p in participants.values() if p.files]
    filled = {m for p in group for m in p.scores}
    for p in group:
        for moment_id, label in chosen.moments:
            if moment_id in filled and moment_id not in p.scores:
                problems.append(f"{p.files[0]}: participant '{p.name}' has no scores for {label} (missing moment)")
        if not p.scores:
            problems.append(f"{p.files[0]}: participant '{p.name}' has not scored any statement")
    return Group(chosen, group, problems, len(paths), used)

"""Group results from raw scores, in plain Python: n, mean and spread, changes, profiles, coach pairs.

The ranking rule is the one the meter's strengths-and-challenges sheet uses: highest (or lowest) score
first, ties broken by the statement's place in the list.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from draaiboek_spreadsheets.collect import Group, Participant
from draaiboek_spreadsheets.records import MeterInfo


@dataclass(frozen=True)
class Stat:
    n: int
    mean: float | None
    sd: float | None
    withheld: bool = False


@dataclass(frozen=True)
class Profile:
    name: str
    #: moment -> domain id (or "" for all statements) -> the participant's mean
    means: dict[str, dict[str, float]]
    #: moment -> (strength statement ids, challenge statement ids)
    ranked: dict[str, tuple[list[str], list[str]]]


@dataclass(frozen=True)
class CoachPair:
    statement: str
    moment: str
    coach: str
    coach_score: int
    learner: str
    learner_score: int


@dataclass
class Results:
    info: MeterInfo
    min_group: int
    moments: list[str]
    statements: dict[tuple[str, str], Stat] = field(default_factory=dict)
    domains: dict[tuple[str, str], Stat] = field(default_factory=dict)
    #: (statement or domain id or "", later moment) -> paired change from the first moment
    statement_changes: dict[tuple[str, str], Stat] = field(default_factory=dict)
    domain_changes: dict[tuple[str, str], Stat] = field(default_factory=dict)
    profiles: list[Profile] = field(default_factory=list)
    group_strengths: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)
    pairs: list[CoachPair] = field(default_factory=list)


def rank(scores: Mapping[str, float], order: Sequence[str], count: int, highest: bool) -> list[str]:
    """The ``count`` highest (or lowest) scored statement ids; ties go to the earlier statement."""
    place = {sid: i for i, sid in enumerate(order)}
    scored = [sid for sid in order if sid in scores]
    key = (lambda s: (-scores[s], place[s])) if highest else (lambda s: (scores[s], place[s]))
    return sorted(scored, key=key)[:count]


def stat(values: Sequence[float], min_group: int) -> Stat:
    n = len(values)
    if n < max(min_group, 1):
        return Stat(n, None, None, withheld=n > 0)
    return Stat(n, statistics.fmean(values), statistics.stdev(values) if n > 1 else None)


def domain_mean(scores: Mapping[str, int], info: MeterInfo, domain: str) -> float | None:
    values = [scores[s.id] for s in info.statements if (not domain or s.domain == domain) and s.id in scores]
    return statistics.fmean(values) if values else None


def calculate(group: Group, min_group: int = 1, anonymise: bool = False) -> Results:
    info = group.info
    assert info is not None
    people = _named(group.participants, anonymise)
    moments = [m for m, _ in info.moments if any(m in p.scores for p in people)]
    results = Results(info, min_group, moments)
    order = [s.id for s in info.statements]
    domains = [""] + [d for d, _ in info.domains]
    for moment in moments:
        for s in info.statements:
            values = [p.scores[moment][s.id] for p in people if s.id in p.scores.get(moment, {})]
            results.statements[(s.id, moment)] = stat(values, min_group)
        for d in domains:
            means = [m for p in people if (m := domain_mean(p.scores.get(moment, {}), info, d)) is not None]
            results.domains[(d, moment)] = stat(means, min_group)
        means_by_statement = {
            s.id: st.mean for s in info.statements if (st := results.statements[(s.id, moment)]).mean is not None
        }
        results.group_strengths[moment] = (
            rank(means_by_statement, order, info.strengths, True),
            rank(means_by_statement, order, info.challenges, False),
        )
    if moments:
        first = moments[0]
        for later in moments[1:]:
            for s in info.statements:
                diffs = [p.scores[later][s.id] - p.scores[first][s.id] for p in people
                         if s.id in p.scores.get(later, {}) and s.id in p.scores.get(first, {})]
                results.statement_changes[(s.id, later)] = stat(diffs, min_group)
            for d in domains:
                domain_diffs: list[float] = []
                for p in people:
                    a = domain_mean(p.scores.get(first, {}), info, d)
                    b = domain_mean(p.scores.get(later, {}), info, d)
                    if a is not None and b is not None:
                        domain_diffs.append(b - a)
                results.domain_changes[(d, later)] = stat(domain_diffs, min_group)
    for p in people:
        domain_means = {m: {d: v for d in domains if (v := domain_mean(p.scores[m], info, d)) is not None}
                        for m in moments if m in p.scores}
        ranked = {m: (rank(p.scores[m], order, info.strengths, True), rank(p.scores[m], order, info.challenges, False))
                  for m in moments if m in p.scores}
        results.profiles.append(Profile(p.name, domain_means, ranked))
    results.pairs = coach_pairs(people, info, moments)
    return results


def _named(participants: list[Participant], anonymise: bool) -> list[Participant]:
    if not anonymise:
        return participants
    width = max(2, len(str(len(participants))))
    return [Participant(f"P{i:0{width}d}", p.files, p.scores) for i, p in enumerate(participants, start=1)]


def coach_pairs(people: list[Participant], info: MeterInfo, moments: list[str]) -> list[CoachPair]:
    """Per statement, at the latest moment: the highest scorer paired with the lowest, and so on inwards,
    while the two differ by at least half the scale."""
    if not moments:
        return []
    moment = moments[-1]
    values = [v for v, _ in info.scale]
    gap = max(1, math.ceil((max(values) - min(values)) / 2))
    pairs: list[CoachPair] = []
    for s in info.statements:
        scored = [(p.name, p.scores[moment][s.id]) for p in people if s.id in p.scores.get(moment, {})]
        high = sorted(scored, key=lambda item: (-item[1], item[0]))
        low = sorted(scored, key=lambda item: (item[1], item[0]))
        for (coach, cs), (learner, ls) in zip(high, low, strict=False):  # pairs as far as both lists go
            if coach == learner or cs - ls < gap:  # the lists meet in the middle: no more pairs
                break
            pairs.append(CoachPair(s.id, moment, coach, cs, learner, ls))
    return pairs

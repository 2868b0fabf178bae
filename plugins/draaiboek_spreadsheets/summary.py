"""The short terminal summary of `draaiboek results`."""

from __future__ import annotations

from draaiboek_spreadsheets.collect import Group
from draaiboek_spreadsheets.results import Results


def summary_lines(results: Results, group: Group) -> list[str]:
    info = results.info
    lines = [
        f"{group.files} file(s): {group.used} used, {len(group.problems)} problem(s)",
        f"meter {info.ref} '{info.title}' (pack version {info.pack_version}): {len(results.profiles)} participant(s)",
    ]
    first = results.moments[0] if results.moments else None
    for moment in results.moments:
        stat = results.domains[("", moment)]
        line = f"  {info.moment_label(moment)}: n={stat.n}"
        if stat.withheld:
            line += f", figures withheld (fewer than {results.min_group})"
        elif stat.mean is not None:
            line += f", mean {stat.mean:.2f}" + (f" (sd {stat.sd:.2f})" if stat.sd is not None else "")
        change = results.domain_changes.get(("", moment))
        if moment != first and change is not None and change.mean is not None:
            line += f", change since {info.moment_label(first or '')} {change.mean:+.2f} (n={change.n})"
        lines.append(line)
    if results.moments:
        last = results.moments[-1]
        top, bottom = results.group_strengths[last]
        numbers = {s.id: s.number for s in info.statements}
        if top:
            lines.append(f"  group strengths ({info.moment_label(last)}): " + ", ".join(numbers[s] for s in top))
        if bottom:
            lines.append(f"  group challenges ({info.moment_label(last)}): " + ", ".join(numbers[s] for s in bottom))
    lines.append(f"  coach pairs: {len(results.pairs)}")
    return lines

"""Source references for readers: short "Onderbouwing" lines and the sources list.

Packs cite sections with the line numbers of a text extraction ("§3.2 Lacunes (L712-841)"); those are for pack
reviewers and never reach a reader, so they are stripped here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from draaiboek.labels import label
from draaiboek.model import Pack, Source, SourceRef

LABELS: dict[str, dict[str, str]] = {
    "basis": {"nl": "Onderbouwing", "en": "Basis"},
    "editorial_addition": {"nl": "toevoeging van de redactie", "en": "editorial addition"},
    "and_others": {"nl": "e.a.", "en": "et al."},
}

_LINE = r"L\d+(?:\s*[-–]\s*L?\d+)?"
# "(L30-114)", "L949-958", "(L656-658, L672-682)", "L10" with the comma or space that joined them.
_LINE_RANGES = re.compile(rf"\s*\(\s*{_LINE}(?:\s*[,;]\s*{_LINE})*\s*\)|[,;]?\s*\b{_LINE}(?:\s*[,;]\s*{_LINE})*\b")
EDITORIAL_KIND = "redactie"


def strip_line_ranges(section: str | None) -> str:
    """A section reference without the extraction's line numbers ("§3.2 Lacunes (L712-841)" -> "§3.2 Lacunes")."""
    text = _LINE_RANGES.sub("", section or "")
    return re.sub(r"\s{2,}", " ", text).strip(" ,;")


def is_editorial(source: Source | None) -> bool:
    return source is not None and (source.kind or "").lower() == EDITORIAL_KIND


def short_name(source: Source, language: str) -> str:
    """How a reference names its source: "Den Ouden & Van der Zee 2025", "Trimbos-instituut 2022"."""
    if is_editorial(source):
        return label("editorial_addition", language, LABELS)
    people = [a.split(",")[0].strip() for a in source.authors if "," in a]
    if people and len(people) == len(source.authors):
        name = " & ".join(people) if len(people) <= 2 else f"{people[0]} {label('and_others', language, LABELS)}"
    elif source.publisher:
        name = re.split(r"\s*[/,(]\s*", source.publisher)[0]
    else:
        name = re.split(r"\s*[:—(]\s*", source.title)[0]
        name = name if len(name) <= 48 else name[:45].rsplit(" ", 1)[0] + "…"
    return f"{name} {source.year}" if source.year else name


def _name_and_section(ref: SourceRef, pack: Pack) -> tuple[str, str]:
    source = next((s for s in pack.sources if s.id == ref.source), None)
    name = short_name(source, pack.language) if source else ref.source
    return name, "" if is_editorial(source) else strip_line_ranges(ref.section)


def reference(ref: SourceRef, pack: Pack) -> str:
    """One reference as a reader sees it: short source name, then section or page."""
    name, section = _name_and_section(ref, pack)
    return f"{name}, {section}" if section else name


def basis_text(refs: Iterable[SourceRef], pack: Pack) -> str | None:
    """The references of one element on one line, grouped by source, duplicates dropped; None when none.

    "Trimbos-instituut 2022, §3.3 Bevorderende factoren; §6.1 Scholing · toevoeging van de redactie"
    """
    by_source: dict[str, list[str]] = {}
    for ref in refs:
        name, section = _name_and_section(ref, pack)
        sections = by_source.setdefault(name, [])
        if section and section not in sections:
            sections.append(section)
    parts = [f"{name}, {'; '.join(sections)}" if sections else name for name, sections in by_source.items()]
    return " · ".join(parts) if parts else None


def basis_line(refs: Iterable[SourceRef], pack: Pack) -> str | None:
    """``*Onderbouwing: Trimbos-instituut 2022, §3.2 Lacunes*`` as a Markdown line, or None."""
    text = basis_text(refs, pack)
    return f"*{label('basis', pack.language, LABELS)}: {text}*" if text else None


def inline(refs: Iterable[SourceRef], pack: Pack) -> str:
    """The basis of a list item or table cell, to append to it: `` *(Onderbouwing: ...)*``."""
    text = basis_text(refs, pack)
    return f" *({label('basis', pack.language, LABELS)}: {text})*" if text else ""


def sources_list(pack: Pack) -> list[str]:
    """Markdown bullets: each source's short name with its full attribution and reuse condition."""
    lines = []
    for source in pack.sources:
        name = short_name(source, pack.language)
        credit = " ".join((source.attribution or source.title).split())
        if is_editorial(source):  # what the editors added themselves: say so, with their own explanation
            explanation = " ".join((source.attribution or source.note or "").split())
            lines.append(f"- **{name[:1].upper()}{name[1:]}**" + (f": {explanation}" if explanation else ""))
            continue
        lines.append(f"- **{name}**: {credit}" + (f" ({' '.join(source.licence.split())})" if source.licence else "")
                     + (f" <{source.url}>" if source.url else ""))
    return lines

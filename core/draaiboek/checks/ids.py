"""Ids: unique in the pack-wide namespace (and within their parent), and plain enough to type."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from draaiboek.checks.base import Finding, error
from draaiboek.model import Pack
from draaiboek.refs import Resolver, iter_identified, kind_of
from draaiboek.yamlsource import format_path

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # always fullmatch: '$' would let a trailing newline in
HINT = "use letters a-z, digits, '-', '_' or '.', no spaces or accents"


def _shown(ident: str) -> str:
    """An id as written in YAML: a newline or tab stays visible as \\n or \\t."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in ident)


def _check_format(ident: str, path: tuple[str | int, ...]) -> Iterator[Finding]:
    if not ID.fullmatch(ident):
        yield error("ID002", f"id '{_shown(ident)}' contains characters ids may not have", (*path, "id"), HINT, ident)


def _unique_children(children: Iterable[Any], path: tuple[str | int, ...], what: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, child in enumerate(children):
        ident = getattr(child, "id", None)
        if ident is None:
            continue
        yield from _check_format(ident, (*path, i))
        if ident in seen:
            yield error("ID003", f"{what} id '{ident}' is used twice here", (*path, i, "id"), "give each its own id",
                        ident)
        seen.add(ident)


def check_ids(pack: Pack, resolver: Resolver) -> Iterator[Finding]:
    yield from _check_format(pack.id, ())
    first: dict[str, tuple[str | int, ...]] = {}
    for ident, obj, path in iter_identified(pack):
        yield from _check_format(ident, path)
        if ident in first:
            where = format_path(first[ident])
            yield error("ID001", f"duplicate id '{ident}' ({kind_of(obj)}); also used at {where}", (*path, "id"),
                        "ids are unique across the whole pack", ident)
        else:
            first[ident] = path
    for m, meter in enumerate(pack.meters):
        yield from _unique_children(meter.domains, ("meters", m, "domains"), "domain")
        yield from _unique_children(meter.statements, ("meters", m, "statements"), "statement")
        yield from _unique_children(meter.moments, ("meters", m, "moments"), "moment")
        yield from _unique_children(meter.action_plan, ("meters", m, "action_plan"), "prompt")
    for q, questionnaire in enumerate(pack.questionnaires):
        seen: set[str] = set()
        for s, section in enumerate(questionnaire.sections):
            for i, question in enumerate(section.questions):
                path = ("questionnaires", q, "sections", s, "questions", i)
                yield from _check_format(question.id, path)
                if question.id in seen:
                    yield error("ID003", f"question id '{question.id}' is used twice here", (*path, "id"), None,
                                question.id)
                seen.add(question.id)
    for c, case in enumerate(pack.cases):
        yield from _unique_children(case.layers, ("cases", c, "layers"), "layer")
        yield from _unique_children(case.role_cards, ("cases", c, "role_cards"), "role card")
    for w, work_format in enumerate(pack.work_formats):
        yield from _unique_children(work_format.variants, ("work_formats", w, "variants"), "variant")

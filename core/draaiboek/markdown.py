"""Markdown prose (bold, italics, nested lists, links) as paragraphs and runs: the one parser every exporter uses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

Bullet = Literal["none", "bullet", "number"]


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Para:
    """A paragraph: prose (``level`` 0) or a list item at depth ``level`` (1, 2...)."""

    runs: tuple[Run, ...]
    level: int = 0
    bullet: Bullet = "none"
    number: int = 1
    heading: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def plain(text: str, *, bold: bool = False, italic: bool = False, level: int = 0) -> Para:
    """A paragraph of unformatted text (a bullet when ``level`` > 0)."""
    return Para((Run(text, bold=bold, italic=italic),), level, "bullet" if level else "none")


def labelled(label: str, value: str, level: int = 0) -> Para:
    """``**label:** value``."""
    return Para((Run(f"{label}: ", bold=True), Run(value)), level, "bullet" if level else "none")


def heading(text: str) -> Para:
    return Para((Run(text, bold=True),), heading=True)


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # Raw HTML stays text: packs come from third parties, and no output format should carry their markup.
    return MarkdownIt("commonmark", {"html": False})


@lru_cache(maxsize=4096)
def _cached(source: str, base_level: int) -> tuple[Para, ...]:
    return tuple(_parse(source, base_level))


def parse(source: str | None, base_level: int = 0) -> list[Para]:
    """Paragraphs of a Markdown text; list items get a level ``base_level + depth``."""
    if not source or not source.strip():
        return []
    return list(_cached(source, base_level))


def to_plain_text(source: str | None) -> str:
    """The text of a Markdown string without its markup: paragraphs and list items on lines of their own."""
    return "\n".join(("  " * max(p.level - 1, 0) + ("- " if p.bullet == "bullet" else f"{p.number}. "
                                                        if p.bullet == "number" else "") + p.text)
                     for p in parse(source))


def _parse(source: str, base_level: int) -> list[Para]:
    tokens = _parser().parse(source)
    paras: list[Para] = []
    lists: list[list[int]] = []  # per open list: [is_ordered, next number]
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1)
            lists.append([token.type == "ordered_list_open", start])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open":
            lists[-1][1] += 1
        elif token.type == "inline":
            runs = _runs(token.children or [])
            if not runs:
                continue
            is_heading = index > 0 and tokens[index - 1].type == "heading_open"
            if is_heading:
                runs = tuple(Run(r.text, True, r.italic, r.href) for r in runs)
            if lists:
                ordered, following = lists[-1]
                if index > 1 and tokens[index - 2].type == "list_item_open":
                    bullet: Bullet = "number" if ordered else "bullet"
                    paras.append(Para(runs, base_level + len(lists), bullet, int(following) - 1))
                else:  # a second paragraph in the same list item
                    paras.append(Para(runs, base_level + len(lists), "none"))
            else:
                level = base_level
                paras.append(Para(runs, level, "bullet" if level else "none", heading=is_heading))
    return paras


def _runs(children: list[Any]) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    href: str | None = None
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(child.attrGet("href") or "") or None
        elif kind == "link_close":
            href = None
        elif kind in ("text", "code_inline", "html_inline"):
            _append(runs, Run(child.content, bold > 0, italic > 0, href))
        elif kind in ("softbreak", "hardbreak"):
            _append(runs, Run(" " if kind == "softbreak" else "\v", bold > 0, italic > 0, href))
    while runs and not runs[-1].text.strip():
        runs.pop()
    return tuple(runs)


def _append(runs: list[Run], run: Run) -> None:
    """Merge runs with the same formatting (markdown-it splits text at special characters)."""
    if not run.text:
        return
    if runs and (runs[-1].bold, runs[-1].italic, runs[-1].href) == (run.bold, run.italic, run.href):
        runs[-1] = Run(runs[-1].text + run.text, run.bold, run.italic, run.href)
    else:
        runs.append(run)

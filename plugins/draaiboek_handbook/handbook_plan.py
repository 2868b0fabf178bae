"""The Word handbook as a document plan: the Markdown handbook's chapters, laid out for paper.

The chapters come from ``render.handbook_chapters``, so the Word and the Markdown handbook never drift apart.
Here they are only arranged: a title page with a table of contents, each session on a new page, then what
follows the sessions, then the appendices (work formats, cases with their role cards, instruments and forms,
hand-outs), each appendix on a new page. Headings move up one level: a session is a Word "Heading 1".
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from draaiboek.exporters import ExportJob
from draaiboek.labels import label
from draaiboek_handbook.document import Block, Document, Heading, Table, Text, Toc
from draaiboek_handbook.render import Chapter, handbook_chapters
from draaiboek_handbook.text import LABELS

WORD_LABELS: dict[str, dict[str, str]] = {
    "contents": {"nl": "Inhoud", "en": "Contents"},
    "toc_hint": {"nl": "Werk de inhoudsopgave bij: klik erop en kies 'Veld bijwerken' (F9).",
                 "en": "Update the table of contents: click it and choose 'Update field' (F9)."},
    "appendix": {"nl": "Bijlage", "en": "Appendix"},
    "handbook": {"nl": "Trainershandleiding", "en": "Trainer handbook"},
}
_WIDTHS = {5: (2.0, 3.8, 2.3, 2.0, 0.8)}  # the runbook: time, item, work format, outcomes, minutes


def _t(key: str, language: str) -> str:
    return label(key, language, {**LABELS, **WORD_LABELS})


def handbook_document(job: ExportJob) -> Document:
    chapters = handbook_chapters(job)
    language = job.pack.language
    order = {"title": 0, "front": 1, "session": 2, "back": 3, "appendix": 4}
    blocks: list[Block] = []
    appendix = 0
    for chapter in sorted(chapters, key=lambda c: order.get(c.kind, 3)):  # sorted() is stable: reading order kept
        prefix = ""
        if chapter.kind == "appendix":
            prefix = f"{_t('appendix', language)} {chr(ord('A') + appendix)}: "
            appendix += 1
        # Sessions and appendices start on a new page, and so does the first chapter after the contents.
        new_page = chapter.kind in ("session", "appendix") or bool(blocks) and isinstance(blocks[-1], Toc)
        blocks += chapter_blocks(chapter, prefix, new_page)
        if chapter.kind == "title":
            blocks.append(Toc(_t("contents", language), 2, _t("toc_hint", language)))
    entries = tuple(b.text for b in blocks if isinstance(b, Heading) and b.level == 1)
    blocks = [replace(b, entries=entries) if isinstance(b, Toc) else b for b in blocks]
    training = job.training
    return Document(title=training.title, blocks=tuple(blocks), language=language,
                    footer=f"{training.title} · {_t('handbook', language)}", author=", ".join(job.pack.authors),
                    subject=_t("handbook", language))


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")  # raw HTML stays text, as in core


def chapter_blocks(chapter: Chapter, prefix: str = "", new_page: bool = False) -> list[Block]:
    """One chapter's Markdown cut into headings, tables and prose (block level only; inline Markdown stays)."""
    lines = chapter.markdown.splitlines()
    tokens = _parser().parse(chapter.markdown)
    blocks: list[Block] = []
    prose: list[str] = []

    def flush() -> None:
        if any(line.strip() for line in prose):
            blocks.append(Text("\n".join(prose).strip("\n")))
        prose.clear()

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            flush()
            level = int(token.tag[1:]) - 1
            text = tokens[i + 1].content
            first = not blocks
            blocks.append(Heading(prefix + text if first else text, level, new_page=first and new_page and level > 0))
            i += 3
            continue
        if token.type == "table_open":
            flush()
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            blocks.append(_table(tokens[i:end]))
            i = end + 1
            continue
        if token.level == 0 and token.map and token.nesting >= 0:
            prose += lines[token.map[0]:token.map[1]] + [""]
            depth = 0  # skip the tokens inside this top-level block: its source lines are taken whole
            while True:
                depth += tokens[i].nesting
                if depth <= 0:
                    break
                i += 1
        i += 1
    flush()
    return blocks


def _table(tokens: list[Any]) -> Table:
    rows: list[list[str]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append(token.content)
    header, *body = rows
    last_bold = bool(body) and all(not c or c.startswith("**") for c in body[-1])
    return Table(tuple(header), tuple(tuple(r) for r in body), _WIDTHS.get(len(header), ()), last_bold)

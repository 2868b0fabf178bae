"""Plain text for cells: Markdown stripped, formula-like text neutralised, safe sheet and file names."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from draaiboek.markdown import Para, parse

#: A cell value starting with one of these is a formula to Excel or LibreOffice when typed.
FORMULA_STARTS = ("=", "+", "-", "@")

_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _line(para: Para) -> str:
    runs = "".join(f"{r.text} ({r.href})" if r.href and r.href != r.text else r.text for r in para.runs)
    marker = {"bullet": "• ", "number": f"{para.number}. "}.get(para.bullet, "")
    return "  " * max(para.level - 1, 0) + marker + runs.replace("\v", "\n")


def paragraphs(markdown: str | None) -> list[str]:
    """Plain paragraphs of a Markdown text (draaiboek.markdown): lines joined, emphasis dropped, links as
    'text (url)', list items as '• ...' or '1. ...', each its own paragraph."""
    return [line for line in (_line(p).strip("\n") for p in parse(markdown)) if line.strip()]


def plain(markdown: str | None) -> str:
    """Markdown to plain text for one cell: paragraphs and list items on lines of their own."""
    return "\n".join(paragraphs(markdown))


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def put(cell: Any, value: object) -> Any:
    """Write ``value`` into an openpyxl cell; text that looks like a formula stays text."""
    cell.value = value
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique worksheet name (max 31 characters, no []:*?/\\), cut at a word."""
    base = re.sub(r"\s+", " ", _SHEET_BAD.sub(" ", text)).strip().strip("'") or "Blad"
    candidate, n = cut_at_word(base, 31), 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        candidate = cut_at_word(base, 31 - len(suffix)) + suffix
        n += 1
    taken.add(candidate)
    return candidate


def cut_at_word(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut after a whole word (a single long word is cut)."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    if " " in head.strip():
        head = head[: head.rstrip().rindex(" ")]
    return head[:limit].rstrip(" -–,;.'") or text[:limit]


def slug(text: str) -> str:
    """A file-name-safe form of a name or code: 'Jan de Vries' -> 'jan-de-vries'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")

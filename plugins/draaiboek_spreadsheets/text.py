"""Plain text for cells: Markdown stripped, formula-like text neutralised, safe sheet and file names."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

#: A cell value starting with one of these is a formula to Excel or LibreOffice when typed.
FORMULA_STARTS = ("=", "+", "-", "@")

_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
#: Characters XML 1.0 cannot hold (openpyxl raises IllegalCharacterError): a file name may contain them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def plain(markdown: str | None) -> str:
    """Markdown to plain text for a cell: links as 'text (url)', no emphasis marks, bullets as '•'."""
    if not markdown:
        return ""
    lines = []
    for line in markdown.strip().splitlines():
        line = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", line)
        line = _EMPHASIS.sub(lambda m: m.group(2), line)
        line = _BULLET.sub("• ", line)
        lines.append(line.rstrip())
    return "\n".join(lines)


def paragraphs(markdown: str | None) -> list[str]:
    """Plain paragraphs (blank-line separated) of a Markdown text."""
    text = plain(markdown)
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def put(cell: Any, value: object) -> Any:
    """Write ``value`` into an openpyxl cell; text that looks like a formula stays text, XML-illegal characters
    are dropped."""
    if isinstance(value, str):
        value = xml_safe(value)
    cell.value = value
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique worksheet name (max 31 characters, no []:*?/\\)."""
    base = re.sub(r"\s+", " ", _SHEET_BAD.sub(" ", text)).strip().strip("'") or "Blad"
    base = base[:31].rstrip()
    candidate, n = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(candidate)
    return candidate


def slug(text: str) -> str:
    """A file-name-safe form of a name or code: 'Jan de Vries' -> 'jan-de-vries'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")

"""Reading a .docx as a reader sees it (python-docx), and its PDF page by page (pdftotext)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import docx


def _text(element: Any) -> str:
    """The text of an element as printed: line breaks and tabs included."""
    parts = []
    for node in element.iter():
        tag = node.tag.rsplit("}", 1)[-1]
        parts.append(node.text or "" if tag == "t" else "\n" if tag == "br" else "\t" if tag == "tab" else "")
    return "".join(parts)


def docx_text(path: Path) -> str:
    """All paragraph and table-cell text, in document order."""
    document = docx.Document(str(path))
    body = document.element.body
    lines: list[str] = []
    for element in body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_text(element))
        elif tag == "tbl":
            for row in element.iter():
                if row.tag.endswith("}tr"):
                    lines.append(" | ".join(_text(c) for c in row if c.tag.endswith("}tc")))
    return "\n".join(lines)


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF."""
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = done.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squash(text: str) -> str:
    """Whitespace-insensitive text for comparisons across line wrapping."""
    return " ".join(text.split())

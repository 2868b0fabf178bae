"""Reading a .docx as a reader sees it (python-docx), and its PDF page by page (pdftotext)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx


def docx_text(path: Path) -> str:
    """All paragraph and table-cell text, in document order."""
    document = docx.Document(str(path))
    body = document.element.body
    lines: list[str] = []
    for element in body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(node.text or "" for node in element.iter() if node.tag.endswith("}t")))
        elif tag == "tbl":
            for row in element.iter():
                if row.tag.endswith("}tr"):
                    cells = [c for c in row if c.tag.endswith("}tc")]
                    lines.append(" | ".join("".join(n.text or "" for n in c.iter() if n.tag.endswith("}t"))
                                            for c in cells))
    return "\n".join(lines)


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of a PDF."""
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = done.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squash(text: str) -> str:
    """Whitespace-insensitive text for comparisons across line wrapping."""
    return " ".join(text.split())

"""A Word document as plain data: what the handbook and the printed materials say, before any python-docx.

Plans are built from the model (or from the handbook's Markdown chapters) and are testable without Word;
``docx_render`` is the one module that turns a plan into a .docx file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A heading in Word's own style: level 0 is the document title, 1-4 are "Heading 1"-"Heading 4"."""

    text: str
    level: int = 1
    new_page: bool = False


@dataclass(frozen=True)
class Text:
    """Markdown prose: paragraphs, lists with nesting, bold, italics, links. ``style`` "note" prints it small."""

    markdown: str
    style: str = "body"
    keep_with_next: bool = False  # e.g. a question stays on the page of the box its answer goes in


@dataclass(frozen=True)
class Table:
    """A real table; cells hold inline Markdown. ``widths`` are relative column widths; the header (if any)
    repeats on every page the table runs onto."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    bold_last_row: bool = False


@dataclass(frozen=True)
class WriteSpace:
    """An empty box to write in by hand, about ``lines`` lines of handwriting high, with an optional label."""

    lines: int = 3
    label: str | None = None


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Toc:
    """A table-of-contents field over headings 1-``depth``; Word fills it when the document is opened."""

    title: str
    depth: int = 2
    hint: str = ""
    entries: tuple[str, ...] = ()  # shown until Word updates the field (and in a PDF made without Word)


Block = Heading | Text | Table | WriteSpace | PageBreak | Toc


@dataclass(frozen=True)
class Document:
    """A whole file: its blocks, the running footer text, and the metadata Word shows in its properties."""

    title: str
    blocks: tuple[Block, ...]
    footer: str = ""
    language: str = "nl"
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = field(default=())

    def headings(self, level: int | None = None) -> list[str]:
        return [b.text for b in self.blocks if isinstance(b, Heading) and (level is None or b.level == level)]

    def text(self) -> str:
        """Everything a reader sees, as plain text (Markdown markers left in): for tests and checks."""
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                parts.append(block.text)
            elif isinstance(block, Text):
                parts.append(block.markdown)
            elif isinstance(block, Table):
                parts += [" | ".join(row) for row in (block.header, *block.rows)]
            elif isinstance(block, WriteSpace) and block.label:
                parts.append(block.label)
        return "\n".join(parts)

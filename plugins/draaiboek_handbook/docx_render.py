"""A document plan to a .docx file: the only module that uses python-docx (imported when a file is written).

Styles are Word's own (Title, Heading 1-4, List Bullet, Table Grid), so the navigation pane, the table of
contents and an organisation's template (``--template huisstijl.docx``, like pandoc's reference-doc) all work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from draaiboek.errors import ExportError
from draaiboek_handbook.document import Block, Document, Heading, PageBreak, Table, Text, Toc, WriteSpace

_NEEDED_STYLES = ["Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "List Bullet", "List Bullet 2",
                  "List Bullet 3", "List", "List 2", "List 3", "Table Grid", "Caption", "Header", "Footer",
                  "TOC Heading"]


def write_docx(plan: Document, target: Path, template: Path | None = None) -> None:
    """Write ``plan`` to ``target`` atomically, in the styles of ``template`` when given."""
    from draaiboek.output import atomic_path

    document = _open(plan, template)
    styles = StyleIds(document)
    after_table = False
    for block in plan.blocks:
        # Word merges tables that touch, so one gets an empty paragraph after it; not before a new page, where
        # that paragraph could spill over and leave a blank page.
        new_page = isinstance(block, PageBreak) or isinstance(block, Heading) and block.new_page
        if after_table and not new_page:
            document.add_paragraph()
        _block(document, block, styles)
        after_table = isinstance(block, (Table, WriteSpace))
    with atomic_path(target) as temp:
        document.save(str(temp))


def _open(plan: Document, template: Path | None) -> Any:
    import docx
    from docx.shared import Cm, Pt

    from draaiboek_handbook import ooxml

    if template is None:
        document = docx.Document()
        section = document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4, the paper Dutch organisations use
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2)
        document.styles["Normal"].font.size = Pt(10.5)
    else:
        try:
            document = docx.Document(str(template))
        except Exception as exc:  # python-docx raises several kinds for a file that is not Word
            raise ExportError(f"{template}: not a Word file python-docx can read ({type(exc).__name__}); "
                              "save the house style as .docx (not .doc or .dotx) and try again") from exc
        ooxml.clear_body(document)
        ooxml.copy_missing_styles(document, docx.Document(), _NEEDED_STYLES)
    footer = document.sections[0].footer
    if plan.footer and not any(p.text.strip() for p in footer.paragraphs):  # a template's own footer wins
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.text = plan.footer + "  ·  "
        ooxml.add_page_number(paragraph)
        paragraph.style = document.styles["Footer"]
    properties = document.core_properties
    properties.title, properties.author, properties.subject = plan.title, plan.author, plan.subject
    properties.language, properties.keywords = plan.language, ", ".join(plan.keywords)
    return document


class StyleIds:
    """A document's paragraph style ids by style name, each looked up once.

    python-docx resolves a style on every paragraph it styles, and each time scans all the document's styles for
    the default one: two thirds of a large handbook's writing time. Setting the id found once gives the same XML."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.ids: dict[str, str | None] = {}

    def paragraph(self, name: str, text: str = "") -> Any:
        """``document.add_paragraph(text, style=name)``."""
        if name not in self.ids:
            from docx.enum.style import WD_STYLE_TYPE

            style = self.document.styles[name]
            self.ids[name] = self.document.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        paragraph = self.document.add_paragraph(text)
        paragraph._p.style = self.ids[name]  # what python-docx's `paragraph.style = ...` sets
        return paragraph


def _block(document: Any, block: Block, styles: StyleIds) -> None:
    from draaiboek_handbook import ooxml

    if isinstance(block, Heading):
        paragraph = styles.paragraph("Title" if block.level == 0 else f"Heading {block.level}")  # add_heading
        _runs(paragraph, block.text)
        paragraph.paragraph_format.page_break_before = block.new_page
    elif isinstance(block, Text):
        _markdown(styles, block.markdown, block.style, block.keep_with_next)
    elif isinstance(block, Table):
        _table(document, block)
    elif isinstance(block, WriteSpace):
        _write_space(document, block)
    elif isinstance(block, PageBreak):
        document.add_page_break()
    elif isinstance(block, Toc):
        from docx.shared import Pt

        styles.paragraph("TOC Heading", block.title)
        lines = [*block.entries, block.hint] if block.entries else [block.hint]
        paragraphs = [document.add_paragraph(line) for line in lines]
        for paragraph in paragraphs:  # tight lines: the contents and the hint fit one page (no page for one line)
            paragraph.paragraph_format.space_after = Pt(1)
        if block.entries:
            paragraphs[-1].runs[0].italic = True
        ooxml.add_toc_field(paragraphs, block.depth)
        ooxml.update_fields_on_open(document)


def _paras(text: str) -> list[Any]:
    from draaiboek.markdown import parse

    return parse(text)


def _markdown(styles: StyleIds, text: str, style: str, keep_with_next: bool = False) -> None:
    from docx.shared import Pt

    for para in _paras(text):
        kind, level = para.bullet, para.level
        if kind == "bullet":
            name = "List Bullet" if level <= 1 else f"List Bullet {min(level, 3)}"
        elif kind == "number" or level:
            name = "List" if level <= 1 else f"List {min(level, 3)}"
        else:
            name = "Normal"
        paragraph = styles.paragraph(name)
        if kind == "number":
            paragraph.add_run(f"{para.number}. ")
        _add_runs(paragraph, para.runs)
        paragraph.paragraph_format.keep_with_next = keep_with_next or None
        if style == "note":
            for run in paragraph.runs:
                run.font.size, run.italic = Pt(8.5), True


def _runs(paragraph: Any, text: str) -> None:
    """Inline Markdown (one paragraph) into a paragraph: bold, italics; a link prints its address on paper."""
    for para in _paras(text)[:1]:
        _add_runs(paragraph, para.runs)


def _add_runs(paragraph: Any, runs: Any) -> None:
    for run in runs:
        text = run.text.replace("[ ] ", "☐ ", 1) if not paragraph.runs else run.text
        text = text.replace("\v", "\n")  # a Markdown hard line break; python-docx makes "\n" a line break
        out = paragraph.add_run(text)
        out.bold, out.italic = run.bold or None, run.italic or None
        if run.href and run.href not in run.text:
            paragraph.add_run(f" ({run.href})")


def _table(document: Any, block: Table) -> None:
    from docx.shared import Emu

    from draaiboek_handbook import ooxml

    rows = (block.header, *block.rows) if block.header else block.rows
    columns = len(rows[0])
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = document.styles["Table Grid"]
    section = document.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    widths = block.widths if len(block.widths) == columns else (1.0,) * columns
    for index, column in enumerate(table.columns):
        width = Emu(int(usable * widths[index] / sum(widths)))
        column.width = width
        for cell in column.cells:
            cell.width = width
    if block.header:
        ooxml.repeat_header_row(table.rows[0])
    for r, values in enumerate(rows):
        row = table.rows[r]
        if r or not block.header:
            ooxml.keep_row_together(row)
        bold = (r == 0 and bool(block.header)) or (block.bold_last_row and r == len(rows) - 1)
        for cell, value in zip(row.cells, values, strict=True):
            paragraph = cell.paragraphs[0]
            _runs(paragraph, value)
            if bold:
                for run in paragraph.runs:
                    run.bold = True


def _write_space(document: Any, block: WriteSpace) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    from draaiboek_handbook import ooxml

    if block.label:
        label = document.add_paragraph()
        _runs(label, block.label)
        label.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=1)
    table.style = document.styles["Table Grid"]
    row = table.rows[0]
    row.height, row.height_rule = Cm(0.9 * block.lines), WD_ROW_HEIGHT_RULE.AT_LEAST
    ooxml.keep_row_together(row)
    document.add_paragraph()

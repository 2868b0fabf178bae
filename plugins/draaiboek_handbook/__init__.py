"""The ``handbook`` exporter: the trainer handbook (runbook with clock times, work formats, cases by audience,
instruments, source references) as Markdown (``-o X.md``) or Word (``-o X.docx``, optionally with a PDF).
A built-in plugin, registered through the same entry point as anyone else's."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from draaiboek import hookimpl
from draaiboek.cli.app import PathType
from draaiboek.exporters import BuildTarget, Exporter, ExportJob

if TYPE_CHECKING:  # pathlib too: every start loads this plugin (also --help), few need a path
    from pathlib import Path

    from draaiboek.model import Training


def export_handbook(job: ExportJob) -> list[Path]:
    from draaiboek.errors import ExportError

    template, pdf = job.options.get("template"), bool(job.options.get("pdf"))
    suffix = job.output.suffix.lower()
    if suffix == ".docx":
        if pdf and job.output.with_suffix(".pdf").exists() and not job.options.get("force"):
            raise ExportError(f"{job.output.with_suffix('.pdf')} exists; use --force to overwrite it")
        from draaiboek_handbook.docx_render import write_docx
        from draaiboek_handbook.handbook_plan import handbook_document

        write_docx(handbook_document(job), job.output, template)
        return [job.output, *pdf_copies([job.output], pdf)]
    if suffix != ".md":
        raise ExportError(f"{job.output}: the handbook is written as Markdown (.md) or Word (.docx); "
                          "choose one of those suffixes")
    if template or pdf:
        raise ExportError("--template and --pdf apply to the Word handbook; use -o with a .docx file")
    from draaiboek.output import write_text_atomic
    from draaiboek_handbook.render import render_handbook

    write_text_atomic(job.output, render_handbook(job))
    return [job.output]


def pdf_copies(files: list[Path], wanted: bool) -> list[Path]:
    """PDFs of the Word files when asked; a clear message (not an error) when LibreOffice is missing."""
    if not wanted:
        return []
    from draaiboek_handbook.pdf import NOT_INSTALLED, soffice, to_pdf

    if soffice() is None:
        click.echo(NOT_INSTALLED, err=True)
        return []
    return to_pdf(files)


def word_options() -> list[click.Option]:
    """``--template`` and ``--pdf``, shared by every exporter that writes Word files."""
    return [
        click.Option(["--template"], type=PathType(exists=True, dir_okay=False),
                     help="House-style Word file (.docx): fonts, colours, headings, margins, header and footer."),
        click.Option(["--pdf"], is_flag=True, help="Also write a PDF of each Word file (needs LibreOffice)."),
    ]


def _both_formats(exporter: Exporter, training: Training) -> list[BuildTarget]:
    return [BuildTarget(f"{training.id}-handbook.md"), BuildTarget(f"{training.id}-handbook.docx")]


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(Exporter(
        name="handbook",
        help="Trainer handbook as Markdown (.md) or Word (.docx): runbook with clock times, cases, instruments.",
        suffix=".md",
        export=export_handbook,
        options=word_options(),
        build_targets=_both_formats,
    ))

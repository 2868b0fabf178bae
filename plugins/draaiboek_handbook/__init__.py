"""The ``handbook`` exporter: a Markdown trainer handbook (runbook with clock times, work formats, cases by
audience, instruments). A built-in plugin, registered through the same entry point as anyone else's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from draaiboek import hookimpl
from draaiboek.exporters import Exporter, ExportJob


def export_handbook(job: ExportJob) -> list[Path]:
    from draaiboek.output import write_text_atomic
    from draaiboek_handbook.render import render_handbook

    write_text_atomic(job.output, render_handbook(job, start=job.options.get("start") or "09:00"))
    return [job.output]


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(Exporter(
        name="handbook",
        help="Markdown trainer handbook: runbook with clock times, work formats, cases, instruments.",
        suffix=".md",
        export=export_handbook,
        options=[click.Option(["--start"], default="09:00", show_default=True,
                              help="Clock time each session starts (HH:MM).")],
    ))

"""An example third-party exporter: a training's runbook as CSV."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from draaiboek import hookimpl
from draaiboek.exporters import Exporter, ExportJob

if TYPE_CHECKING:
    from pathlib import Path

HEADER = ["session", "start", "end", "title", "kind", "work_format", "minutes"]


def export_csv(job: ExportJob) -> list[Path]:
    import csv  # here, not at the top: every start loads this plugin, few export CSV

    from draaiboek.output import atomic_path
    from draaiboek.views import training_view
    from draaiboek.views.timeline import clock

    view = training_view(job)  # clock times (with --start applied) and resolved work formats come from the core
    with atomic_path(job.output) as temp, temp.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for session in view.sessions:
            for item in session.items:
                writer.writerow([session.id, clock(item.start), clock(item.end), item.title, item.kind,
                                 item.work_format.name if item.work_format else "", str(item.duration)])
    return [job.output]


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(Exporter(name="csv", help="The runbook as CSV: one row per agenda item.", suffix=".csv",
                      export=export_csv))


@click.command("csv-columns")
def csv_columns() -> None:
    """List the columns 'draaiboek export csv' writes, in order."""
    click.echo(", ".join(HEADER))


@hookimpl
def register_commands(register: Callable[[click.Command], None]) -> None:
    register(csv_columns)  # a name taken by a built-in or another plugin would be reported and left out

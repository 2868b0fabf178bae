"""An example third-party exporter: a training's runbook as CSV."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import click

from draaiboek import hookimpl
from draaiboek.exporters import Exporter, ExportJob

HEADER = ["session", "start", "end", "title", "kind", "work_format", "minutes"]


def export_csv(job: ExportJob) -> list[Path]:
    from draaiboek.output import atomic_path
    from draaiboek.timing import schedule

    with atomic_path(job.output) as temp, temp.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for session in job.training.sessions:
            for slot in schedule(session, job.options.get("start") or "09:00"):
                item = slot.item
                work_format = job.resolver.work_format(item.work_format) if item.work_format else None
                writer.writerow([session.id, slot.start, slot.end, item.title, item.kind,
                                 work_format.name if work_format else "", str(item.duration)])
    return [job.output]


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(Exporter(
        name="csv", help="The runbook as CSV: one row per agenda item.", suffix=".csv", export=export_csv,
        options=[click.Option(["--start"], default="09:00", show_default=True, help="Start time (HH:MM).")],
    ))


@click.command("csv-columns")
def csv_columns() -> None:
    """List the columns 'draaiboek export csv' writes, in order."""
    click.echo(", ".join(HEADER))


@hookimpl
def register_commands(register: Callable[[click.Command], None]) -> None:
    register(csv_columns)  # a name taken by a built-in or another plugin would be reported and left out

"""The `meter`, `runbook` and `moodle` exporters. Plans are pure; renderers (openpyxl) are imported when exporting."""

from __future__ import annotations

from pathlib import Path

import click

from draaiboek.errors import ExportError, ExportNotApplicable
from draaiboek.exporters import Exporter, ExportJob
from draaiboek.model import Meter
from draaiboek.output import atomic_path
from draaiboek.views import training_view
from draaiboek_spreadsheets.labels import text
from draaiboek_spreadsheets.meter_plan import plan_meter
from draaiboek_spreadsheets.participants import read_participants
from draaiboek_spreadsheets.runbook_plan import plan_runbook


def _meter(job: ExportJob) -> Meter:
    meters = training_view(job).meters
    if not meters:
        raise ExportNotApplicable(f"training {job.training.id!r} has no competence meter")
    wanted = job.options.get("meter")
    if not wanted:
        return meters[0]
    found = next((m for m in meters if m.id == wanted), None)
    if found is None:
        raise ExportError(f"training {job.training.id!r} has no meter {wanted!r}; it has: "
                          + ", ".join(m.id for m in meters))
    return found


def export_meter(job: ExportJob) -> list[Path]:
    from draaiboek_spreadsheets.meter_render import render_meter

    meter = _meter(job)
    moment = job.options.get("moment")
    csv_path = job.options.get("participants")
    if not csv_path:
        plan = plan_meter(job.pack, meter, moment=moment)
        with atomic_path(job.output) as temp:
            render_meter(plan, temp)
        return [job.output]
    people = read_participants(Path(csv_path))
    targets = [(name, job.output.with_name(f"{job.output.stem}-{slug}{job.output.suffix or '.xlsx'}"))
               for name, slug in people]
    existing = [t for _, t in targets if t.exists()]
    if existing:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise ExportError(f"{existing[0]} exists{more}; a participant may have filled it in: "
                          "move it away or choose another -o name")
    written = []
    for name, target in targets:
        plan = plan_meter(job.pack, meter, participant=name, moment=moment)
        with atomic_path(target) as temp:
            render_meter(plan, temp)
        written.append(target)
    return written


def export_moodle(job: ExportJob) -> list[Path]:
    """Each meter of the training as a Moodle competency framework CSV; several meters: one file each."""
    from draaiboek_spreadsheets.moodle import framework_csv

    meters = list(training_view(job).meters)
    if not meters:
        raise ExportNotApplicable(f"training {job.training.id!r} has no competence meter")
    if job.options.get("meter"):
        meters = [_meter(job)]
    only_for = text("only_for", job.pack.language)
    targets = [(meters[0], job.output)] if len(meters) == 1 else [
        (m, job.output.with_name(f"{job.output.stem}-{m.id}{job.output.suffix or '.csv'}")) for m in meters]
    written = []
    for meter, target in targets:
        with atomic_path(target) as temp:
            temp.write_text(framework_csv(job.pack, meter, only_for), encoding="utf-8")
        written.append(target)
    return written


def export_runbook(job: ExportJob) -> list[Path]:
    from draaiboek_spreadsheets.runbook_render import render_runbook

    if not job.training.sessions:
        raise ExportNotApplicable(f"training {job.training.id!r} has no sessions")
    plan = plan_runbook(training_view(job))
    with atomic_path(job.output) as temp:
        render_runbook(plan, temp)
    return [job.output]


METER = Exporter(
    name="meter",
    help="Competence meter workbook (.xlsx) for participants to fill in, before and after.",
    suffix=".xlsx",
    export=export_meter,
    options=[
        click.Option(["--participants"], type=click.Path(dir_okay=False, path_type=Path),
                     help="CSV (UTF-8) of participant names or codes, one per row: one pre-filled workbook each, "
                          "written next to -o as OUTPUT-<name>.xlsx (-o gives the folder and the start of the names). "
                          "A first row whose first cell is 'naam', 'name', 'code', 'deelnemer' or 'participant' is a "
                          "header and is skipped; with a 'code' column the code is used, never the name."),
        click.Option(["--moment"], metavar="NAME", help="Only this measurement moment (id or label) is filled in."),
        click.Option(["--meter"], metavar="ID",
                     help="Which meter, when the training has several (default: the first)."),
    ],
)

RUNBOOK = Exporter(
    name="runbook",
    help="Runbook workbook (.xlsx): per session the timetable with clock times and a materials checklist.",
    suffix=".xlsx",
    export=export_runbook,
)

MOODLE = Exporter(
    name="moodle",
    help="Each competence meter as a Moodle competency framework (.csv for 'Import competency framework').",
    suffix=".csv",
    export=export_moodle,
    options=[click.Option(["--meter"], metavar="ID", help="Only this meter, when the training has several.")],
)

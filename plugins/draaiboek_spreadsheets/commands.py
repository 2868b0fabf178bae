"""`draaiboek results`: read filled meters, write a group report, summarise on the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from draaiboek.cli.app import PathType
from draaiboek.errors import DraaiboekError

if TYPE_CHECKING:  # every start declares this command (also --help): pathlib only when it runs
    from pathlib import Path


@click.command("results")
@click.argument("inputs", nargs=-1, required=True, type=PathType())
@click.option("-o", "--output", required=True, type=PathType(dir_okay=False),
              help="The report workbook to write (.xlsx).")
@click.option("--min-group", type=click.IntRange(min=1), default=3, show_default=True,
              help="Withhold group figures based on fewer respondents than this.")
@click.option("--anonymise", is_flag=True, help="Replace participant names by codes P01, P02... in the report.")
@click.option("--force", is_flag=True, help="Overwrite an existing report.")
def results(inputs: tuple[Path, ...], output: Path, min_group: int, anonymise: bool, force: bool) -> None:
    """Read filled competence meters (files or folders) read-only and write a group report."""
    try:
        _run(list(inputs), output, min_group, anonymise, force)
    except DraaiboekError as error:
        from draaiboek.diagnostics import printable

        raise click.ClickException(printable(str(error), whitespace=False)) from None  # file names may hold ESC


def _run(inputs: list[Path], output: Path, min_group: int, anonymise: bool, force: bool) -> None:
    from draaiboek.diagnostics import printable
    from draaiboek.output import atomic_path
    from draaiboek_spreadsheets.collect import collect, expand
    from draaiboek_spreadsheets.reader import read_meter
    from draaiboek_spreadsheets.report_render import render_report
    from draaiboek_spreadsheets.results import calculate
    from draaiboek_spreadsheets.summary import summary_lines

    if output.suffix.lower() != ".xlsx":
        raise DraaiboekError(f"{output}: the report must be an .xlsx file")
    missing = [p for p in inputs if not p.exists()]
    if missing:
        raise DraaiboekError(f"{missing[0]}: no such file or folder")
    paths = expand(inputs)
    target = output.resolve()
    if any(p.resolve() == target for p in paths):  # --force would replace a participant's meter
        raise DraaiboekError(f"{output} is one of the workbooks to read; write the report to another file")
    if output.exists() and not force:
        raise DraaiboekError(f"{output} exists; use --force to overwrite it")
    if not paths:
        raise DraaiboekError("no workbooks found in " + ", ".join(map(str, inputs)))
    group = collect(paths, read_meter)
    for problem in group.problems:
        click.echo(printable(f"problem: {problem}", whitespace=False), err=True)  # file names may hold ESC
    if group.info is None or not group.participants:
        raise DraaiboekError(f"no usable meter among {len(paths)} file(s); no report written")
    computed = calculate(group, min_group=min_group, anonymise=anonymise)
    with atomic_path(output) as temp:
        render_report(computed, group, anonymise, temp)
    for line in summary_lines(computed, group):
        click.echo(line)
    click.echo(f"report written: {output}")

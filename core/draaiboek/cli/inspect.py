"""``draaiboek check`` and ``draaiboek show``: validate packs and read them as an outline."""

from __future__ import annotations

import sys
from datetime import time

import click

from draaiboek.cli.app import AppState, pass_state
from draaiboek.cli.export import clock_option
from draaiboek.errors import PackError


@click.command()
@click.argument("refs", nargs=-1, metavar="[REF|PATH]...")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only, no warnings.")
@pass_state
def check(state: AppState, refs: tuple[str, ...], quiet: bool) -> None:
    """Check packs (all installed packs if none is named); every problem on one line as
    'file:line: error|warning CODE: message (field path)'. Exits 1 if there is an error."""
    from draaiboek.api import check_folder, pack_folder
    from draaiboek.diagnostics import errors, summary
    from draaiboek.loader import display_name

    catalog = state.catalog
    targets = list(refs) or list(catalog.packs)
    if not targets:
        raise click.ClickException("no packs installed and none named; give a pack folder")
    failed = False
    for ref in targets:
        try:
            folder, _ = pack_folder(ref, catalog)
        except PackError as exc:
            click.echo(f"{ref}: error PACK001: {exc}", err=True)
            failed = True
            continue
        checked = check_folder(folder, catalog)
        for diagnostic in sorted(checked.diagnostics, key=lambda d: (d.file, d.line or 0, d.code)):
            if diagnostic.is_error or not quiet:
                click.echo(diagnostic.format())
        gaps = checked.gaps
        known_id = checked.pack is not None and (gaps is None or gaps.pack_id_known)
        name = checked.pack.id if known_id and checked.pack else display_name(folder)
        click.echo(summary(name, checked.diagnostics, checked.pack is not None, gaps.note() if gaps else None))
        failed = failed or bool(errors(checked.diagnostics)) or checked.pack is None
    if failed:
        sys.exit(1)


@click.command()
@click.argument("ref")
@click.option("--start", metavar="HH:MM", callback=clock_option,
              help="Clock time every session starts (default: the pack's own start times, else 09:00).")
@click.option("--language", "language", is_flag=True,
              help="Instead of the outline: per session, each participant text's readability (Flesch-Douma) "
                   "and longest sentence.")
@pass_state
def show(state: AppState, ref: str, start: time | None, language: bool) -> None:
    """Print a readable outline of a pack or training: sessions, agenda with clock times, work formats,
    cases and instruments."""
    from draaiboek.api import check_folder, pack_folder, pick_training
    from draaiboek.diagnostics import errors
    from draaiboek.outline import render_outline
    folder, training_id = pack_folder(ref, state.catalog)
    checked = check_folder(folder, state.catalog)
    if checked.pack is None or checked.resolver is None:
        raise PackError(f"'{ref}' does not load; run 'draaiboek check {ref}'")
    trainings = [pick_training(checked.pack, training_id, ref)] if training_id else checked.pack.trainings
    if language:
        from draaiboek.language_report import render_language
        from draaiboek.views import TrainingView

        views = [TrainingView(checked.pack, training, checked.resolver, start) for training in trainings]
        click.echo("\n\n".join(render_language(view) for view in views))
    else:
        click.echo(render_outline(checked.pack, trainings, checked.resolver, start))
    if errors(checked.diagnostics):
        click.echo(f"draaiboek: warning: '{ref}' has errors; run 'draaiboek check {ref}'", err=True)

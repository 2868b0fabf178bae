"""``draaiboek export EXPORTER REF -o PATH`` and ``draaiboek build``: running exporters."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import time
from typing import TYPE_CHECKING, Any

import click

from draaiboek.cli.app import AppState, DraaiboekGroup, PathType, pass_state
from draaiboek.collecting import collect_output, freeze_survivors
from draaiboek.errors import (
    DraaiboekError,
    ExporterBug,
    ExportError,
    ExportNotApplicable,
    InternalError,
    internal_error,
)
from draaiboek.exporters import BuildTarget, ExportJob
from draaiboek.plugins import PLUGIN_FAILURES

if TYPE_CHECKING:
    from pathlib import Path

    from draaiboek.catalog import Catalog, ExporterEntry
    from draaiboek.model import Pack, Training
    from draaiboek.refs import Resolver


def clock_option(ctx: click.Context | None, param: click.Parameter | None, value: str | None) -> time | None:
    if value is None:
        return None
    from draaiboek.converter import FieldError, parse_clock_time

    try:
        return parse_clock_time(value)
    except FieldError:
        raise DraaiboekError(f"invalid start time {value!r}: use HH:MM, e.g. 09:00") from None


def start_option() -> click.Option:
    """``--start``: one option, declared once, for every exporter and for ``build``."""
    return click.Option(["--start"], metavar="HH:MM", callback=clock_option, expose_value=True,
                        help="Clock time every session starts (default: the pack's own start times, else 09:00).")


def _who(entry: ExporterEntry) -> str:
    return f"exporter '{entry.exporter.name}' (plugin '{entry.plugin}')"


def _bug(entry: ExporterEntry, what: str, exc: BaseException) -> ExporterBug:
    where = f"{_who(entry)}{what}"
    error = internal_error(where, exc, f"the authors of plugin '{entry.plugin}'", ExporterBug)
    assert isinstance(error, ExporterBug)
    return error


def settings_option() -> click.Option:
    """``--settings FILE``: the organisation's values for the training's settings, declared once in core."""
    return click.Option(["--settings", "settings_file"], type=PathType(dir_okay=False, exists=True),
                        help="YAML file of 'setting-id: value' lines: fills {setting-id} in the texts (unset "
                             "settings stay visible, marked 'in te vullen').")


def run_exporter(entry: ExporterEntry, pack: Pack, training: Training, resolver: Resolver, output: Path,
                 options: Mapping[str, Any], start: time | None = None,
                 settings: Mapping[str, str] | None = None) -> list[Path]:
    """Run one exporter; anything it raises that is not a handled error is reported as the plugin's fault."""
    from pathlib import Path  # here, not at the top: every start loads this module, few export

    from draaiboek.settings import fill_settings

    filled, training = fill_settings(pack, training, settings or {})
    if filled is not pack:
        pack, resolver = filled, resolver.for_pack(filled)
    job = ExportJob(pack, training, resolver, output, dict(options), start)
    try:
        written = entry.exporter.export(job)
    except (DraaiboekError, OSError):
        raise
    except PLUGIN_FAILURES as exc:  # a bug in the exporter (even sys.exit()): name it, no traceback for the user
        raise _bug(entry, "", exc) from exc
    if not isinstance(written, list) or not all(isinstance(p, Path) for p in written):
        raise ExportError(f"{_who(entry)} returned {type(written).__name__}, not the list of files it wrote")
    return written


def build_paths(entry: ExporterEntry, training: Training, folder: Path, out_dir: Path,
                ) -> list[tuple[Path, Mapping[str, Any]]]:
    """The files ``build`` asks an exporter for, each checked to land inside ``out_dir`` (the ``-o`` folder)."""
    from pathlib import PurePath

    try:
        targets = entry.exporter.build_targets(entry.exporter, training)
    except DraaiboekError:
        raise
    except PLUGIN_FAILURES as exc:
        raise _bug(entry, " (build_targets)", exc) from exc
    if not isinstance(targets, list) or not all(isinstance(t, BuildTarget) for t in targets):
        raise ExportError(f"{_who(entry)}: build_targets returned {type(targets).__name__}, not a list of "
                          "BuildTarget")
    root = out_dir.resolve()
    paths: list[tuple[Path, Mapping[str, Any]]] = []
    for target in targets:
        name = target.filename
        parts = PurePath(name).parts if isinstance(name, str) else ()
        path = folder / name if isinstance(name, str) and name else folder
        if not parts or PurePath(name).is_absolute() or ".." in parts or not path.resolve().is_relative_to(root):
            raise ExportError(f"{_who(entry)} asked to write {name!r}, which is not a file inside the output "
                              f"folder {out_dir}; use a plain relative file name")
        paths.append((path, target.options))
    return paths


def _export_command(entry: ExporterEntry) -> click.Command:
    exporter = entry.exporter
    folder = exporter.suffix == "/"

    @pass_state
    def callback(state: AppState, /, ref: str, output: Path, force: bool, **options: Any) -> None:
        # A folder exporter (suffix "/") may write into an existing folder; it guards its own files.
        if output.exists() and not force and not (folder and output.is_dir()):
            raise click.ClickException(f"{output} exists; use --force to overwrite it")
        from draaiboek.api import open_training

        start = options.pop("start", None)
        settings = _settings(options.pop("settings_file", None))
        pack, training, resolver = open_training(ref, state.catalog)
        for path in run_exporter(entry, pack, training, resolver, output, {**options, "force": force}, start,
                                 settings):
            click.echo(f"wrote {path}")

    params: list[click.Parameter] = [
        click.Argument(["ref"]),
        click.Option(["-o", "--output"], type=PathType(dir_okay=folder, file_okay=not folder),
                     required=True, help="Folder to write into." if folder else f"File to write ({exporter.suffix})."),
        click.Option(["--force"], is_flag=True, help="Overwrite the output if it exists."),
        start_option(),
        settings_option(),
        *exporter.options,
    ]
    return click.Command(exporter.name, callback=callback, params=params, help=exporter.help,
                         short_help=exporter.help)


class ExportGroup(DraaiboekGroup):
    """One subcommand per installed exporter, made when asked for."""

    def _catalog(self, ctx: click.Context) -> Catalog:
        return ctx.find_object(AppState).catalog  # type: ignore[union-attr]

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self._catalog(ctx).exporters)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        entry = self._catalog(ctx).exporters.get(name)
        return _export_command(entry) if entry else None

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        if args and args[0] not in self._catalog(ctx).exporters and not args[0].startswith("-"):
            known = ", ".join(self._catalog(ctx).exporters) or "none installed"
            raise click.UsageError(f"unknown exporter '{args[0]}'; installed exporters: {known}")
        return super().resolve_command(ctx, args)


@click.group(cls=ExportGroup)
def export() -> None:
    """Export a training with one exporter: draaiboek export EXPORTER REF -o PATH."""


@click.command()
@click.argument("refs", nargs=-1, metavar="[REF]...")
@click.option("-o", "--output", "out_dir", type=PathType(file_okay=False), default="out",
              show_default=True, help="Folder to write into (one subfolder per pack).")
@click.option("--exporter", "only", multiple=True, metavar="NAME", help="Only these exporters (repeatable).")
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
@click.option("--start", metavar="HH:MM", callback=clock_option,
              help="Clock time every session starts (default: the pack's own start times, else 09:00).")
@click.option("--settings", "settings_file", type=PathType(dir_okay=False, exists=True),
              help="YAML file of 'setting-id: value' lines: fills {setting-id} in the texts of every training.")
@pass_state
def build(state: AppState, refs: tuple[str, ...], out_dir: Path, only: tuple[str, ...], force: bool,
          start: time | None, settings_file: Path | None) -> None:
    """Run every exporter for every training of the named packs (default: all installed packs)."""
    from draaiboek.api import open_pack, pick_training

    catalog = state.catalog
    settings = _settings(settings_file)
    exporters = {name: e for name, e in catalog.exporters.items() if not only or name in only}
    unknown = [name for name in only if name not in catalog.exporters]
    if unknown:
        raise click.ClickException(f"unknown exporter '{unknown[0]}'; installed: {', '.join(catalog.exporters)}")
    plan: list[tuple[ExporterEntry, Pack, Training, Resolver, Path, Mapping[str, Any]]] = []
    failures = 0
    for ref in refs or tuple(catalog.packs):
        checked, training_id = open_pack(ref, catalog)
        assert checked.pack is not None and checked.resolver is not None
        pack = checked.pack
        trainings = [pick_training(pack, training_id, ref)] if training_id else pack.trainings
        for training in trainings:
            for entry in exporters.values():
                try:
                    targets = build_paths(entry, training, out_dir / pack.id, out_dir)
                except ExportNotApplicable as exc:
                    click.echo(f"skipped {entry.exporter.name} for {pack.id}/{training.id}: {exc}")
                    continue
                except DraaiboekError as exc:
                    failures += 1
                    _report(state, entry, pack, training, exc)
                    continue
                plan.extend((entry, pack, training, checked.resolver, path, options) for path, options in targets)
    existing = [p for *_, p, _ in plan if p.exists()]
    if existing and not force:
        raise click.ClickException(f"{existing[0]} exists ({len(existing)} files in all); use --force to overwrite")
    freeze_survivors()  # the loaded packs live for the whole build
    for entry, pack, training, resolver, path, options in plan:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            for written in run_exporter(entry, pack, training, resolver, path, {**options, "force": force},
                                        start, settings):
                click.echo(f"wrote {written}")
        except ExportNotApplicable as exc:
            click.echo(f"skipped {entry.exporter.name} for {pack.id}/{training.id}: {exc}")
        except DraaiboekError as exc:
            failures += 1
            _report(state, entry, pack, training, exc)
        collect_output()
    if failures:
        sys.exit(1)


def _settings(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    from draaiboek.settings import read_settings

    return read_settings(path)


def _report(state: AppState, entry: ExporterEntry, pack: Pack, training: Training, exc: DraaiboekError) -> None:
    """One line per failed exporter; the others go on. Under --traceback a bug is re-raised in full."""
    if isinstance(exc, InternalError) and exc.__cause__ is not None and state.host.debug:
        raise exc.__cause__ from None
    click.echo(f"draaiboek: error: {entry.exporter.name} for {pack.id}/{training.id}: {exc}", err=True)

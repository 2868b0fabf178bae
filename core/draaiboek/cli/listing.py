"""``draaiboek plugins`` and ``draaiboek packs``: what is installed."""

from __future__ import annotations

from typing import Any

import click

from draaiboek.cli.app import AppState, pass_state


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_state
def plugins(state: AppState, as_json: bool) -> None:
    """List installed plugins: name, distribution, hooks, and what each registers."""
    catalog = state.catalog
    packs, exporters = catalog.packs, catalog.exporters
    rows: list[dict[str, Any]] = []
    for name in catalog.host.plugin_names():
        rows.append({
            "name": name,
            "distribution": catalog.host.distribution(name),
            "hooks": catalog.host.hook_names(name),
            "packs": [p.id for p in packs.values() if p.plugin == name],
            "exporters": [e.exporter.name for e in exporters.values() if e.plugin == name],
            "commands": sorted(c for c, plugin in state.command_plugins.items() if plugin == name),
        })
    if as_json:
        import json  # here, not at the top: every start loads this module

        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        offers = ", ".join([f"pack {p}" for p in row["packs"]] + [f"exporter {e}" for e in row["exporters"]]
                           + [f"command {c}" for c in row["commands"]])
        click.echo(f"{row['name']:<16} {row['distribution']:<30} {offers or '(nothing registered)'}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_state
def packs(state: AppState, as_json: bool) -> None:
    """List installed content packs: id, title, language, version, trainings, plugin."""
    catalog = state.catalog
    rows: list[dict[str, Any]] = []
    for entry in catalog.packs.values():
        pack = catalog.load(entry.folder).pack
        rows.append({
            "id": entry.id,
            "title": pack.title if pack else None,
            "language": pack.language if pack else None,
            "version": pack.version if pack else None,
            "trainings": [t.id for t in pack.trainings] if pack else [],
            "plugin": entry.plugin,
            "distribution": catalog.host.distribution(entry.plugin),
            "folder": str(entry.folder),
            "loads": pack is not None,
        })
    if as_json:
        import json

        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from draaiboek.diagnostics import printable

    for row in rows:
        if not row["loads"]:
            ident = printable(row["id"], whitespace=False)
            click.echo(f"{ident:<16} (does not load; run 'draaiboek check {ident}')  [{row['plugin']}]")
            continue
        trainings = ", ".join(row["trainings"]) or "no trainings"
        click.echo(printable(f"{row['id']:<16} {row['version']:<8} {row['language']:<4} {row['title']} "
                             f"({trainings})  [{row['plugin']}]"))

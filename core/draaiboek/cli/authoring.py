"""``draaiboek new`` and ``draaiboek schema``: tools for course authors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from draaiboek.cli.app import PathType

if TYPE_CHECKING:
    from pathlib import Path


@click.command()
@click.argument("name")
@click.option("--dir", "parent", type=PathType(file_okay=False), default=".",
              show_default=True, help="Folder to create the package in.")
def new(name: str, parent: Path) -> None:
    """Create a new content pack NAME as an installable plugin package."""
    from draaiboek.scaffold import scaffold

    root = scaffold(name, parent)
    module = f"draaiboek_pack_{name.replace('-', '_')}"
    click.echo(f"created {root}\nnext: draaiboek check {root / module / 'pack'}")


@click.command()
@click.option("-o", "--output", type=PathType(dir_okay=False), help="Write to a file.")
@click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), default="json", show_default=True,
              help="json: the JSON Schema for editors; markdown: the field reference for authors (FORMAT.md).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def schema(output: Path | None, fmt: str, force: bool) -> None:
    """Print the JSON Schema of pack files (for editor autocompletion and validation), or with
    '--format markdown' the field reference: every object, its fields, types, allowed values and defaults."""
    from draaiboek.output import write_text_atomic

    if fmt == "markdown":
        from draaiboek.fieldref import field_reference

        text = field_reference()
    else:
        import json  # here, not at the top: only this command needs it

        from draaiboek.schema import pack_schema

        text = json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n"
    if output:
        if output.exists() and not force:  # as every other command that writes: never replace a file unasked
            raise click.ClickException(f"{output} exists; use --force to overwrite it")
        write_text_atomic(output, text)
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)

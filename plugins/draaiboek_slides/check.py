"""``draaiboek template check FILE``: which slide roles a template covers, before anything is generated."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from draaiboek.cli.app import PathType
from draaiboek.errors import DraaiboekError

if TYPE_CHECKING:  # every start declares this command (also --help): pathlib only when it runs
    from pathlib import Path


def report(path: Path) -> tuple[list[tuple[str, str, str]], str | None]:
    """Rows (role, layout, how it was found) and the problem that makes the template unusable, if any."""
    from draaiboek_slides import render, template
    from draaiboek_slides.plan import ROLES

    prs = render.open_template(path)
    matches = template.resolve(prs)
    rows = []
    for role in ROLES:
        match = matches[role]
        if match is None:
            rows.append((template.ROLE_NAMES[role], "MISSING", _missing_hint(role)))
        else:
            rows.append((template.ROLE_NAMES[role], match.name, match.how))
    rows.append(("notes", *template.notes_status(prs)))
    return rows, template.missing_message(str(path), matches, prs)


def _missing_hint(role: str) -> str:
    return {"two_columns": "content is shown in one column", "closing": "no content layout either",
            "section": "no title layout either"}.get(role, "required")


def table(rows: list[tuple[str, str, str]]) -> str:
    from draaiboek.diagnostics import printable

    rows = [(role, printable(layout, whitespace=False), printable(how, whitespace=False)) for role, layout, how in rows]
    header = ("role", "layout", "found by")  # layout names come from the template: no raw escape sequences
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


@click.group("template")
def template_group() -> None:
    """Check organisation templates for slide decks."""


@template_group.command("check")
@click.argument("file", type=PathType(dir_okay=False))
def check_command(file: Path) -> None:
    """Report which slide roles FILE (.pptx/.potx) covers and with which layout."""
    try:
        rows, problem = report(file)
    except DraaiboekError as exc:
        raise click.ClickException(str(exc)) from None
    except Exception as exc:  # python-pptx on XML the checks above do not foresee: still one line
        raise click.ClickException(f"template {file} cannot be used ({type(exc).__name__}: {exc})") from None
    click.echo(table(rows))
    if problem:
        from draaiboek.diagnostics import printable

        raise click.ClickException(printable(problem, whitespace=False))
    click.echo(f"{file}: usable for slide decks")

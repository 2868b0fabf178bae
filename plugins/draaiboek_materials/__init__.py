"""The ``materials`` exporter: what trainers print and hand out, as Word files (optionally PDF).

Per session a participants' file (hand-outs, the case texts revealed in it, its forms, the homework) and, for
sessions that use role cards, a role-card file (each card on a page of its own); for the training the
competence meter on paper. Audiences and reveal moments come from ``draaiboek.views``, as in the decks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from draaiboek import hookimpl
from draaiboek.exporters import BuildTarget, Exporter, ExportJob

if TYPE_CHECKING:  # pathlib too: every start loads this plugin (also --help), few need a path
    from pathlib import Path

    from draaiboek.model import Training


def export_materials(job: ExportJob) -> list[Path]:
    from draaiboek_materials.export import write_materials

    return write_materials(job)


def _folder(exporter: Exporter, training: Training) -> list[BuildTarget]:
    return [BuildTarget(f"{training.id}-materials")]


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    from draaiboek_handbook import word_options

    register(Exporter(
        name="materials",
        help="Printed materials (.docx) into a folder: per session the participants' file and role cards; "
             "the competence meter on paper.",
        suffix="/",
        export=export_materials,
        options=[click.Option(["--case", "case"], multiple=True, metavar="ID",
                              help="The case you chose for its choice group (repeatable); default: the first."),
                 *word_options()],
        build_targets=_folder,
    ))

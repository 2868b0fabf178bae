"""draaiboek spreadsheets: competence meters out to participants, results back to the trainer, runbooks.

Registers the exporters ``meter`` and ``runbook`` and the command ``draaiboek results``. openpyxl is
imported only when a workbook is written or read, never when the plugin is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from draaiboek import hookimpl

if TYPE_CHECKING:
    import click

    from draaiboek.exporters import Exporter


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    from draaiboek_spreadsheets.exporters import METER, RUNBOOK

    register(METER)
    register(RUNBOOK)


@hookimpl
def register_commands(register: Callable[[click.Command], None]) -> None:
    from draaiboek_spreadsheets.commands import results

    register(results)

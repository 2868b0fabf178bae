"""draaiboek plugin: slide decks (python-pptx) in the organisation's own template.

Importing this module is cheap: python-pptx and markdown-it are only imported when a deck is made or a
template is checked.
"""

from __future__ import annotations

from collections.abc import Callable

import click

from draaiboek import hookimpl
from draaiboek.exporters import Exporter


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    from draaiboek_slides.export import OPTIONS, SlidesExport, build_targets

    register(Exporter(
        name="slides",
        help="Slide decks with speaker notes, one per session, in a .pptx/.potx house-style template.",
        suffix=".pptx",
        export=SlidesExport(),  # owns the templates it reads: one reading per build
        options=OPTIONS,
        build_targets=build_targets,
    ))


@hookimpl
def register_commands(register: Callable[[click.Command], None]) -> None:
    from draaiboek_slides.check import template_group

    register(template_group)

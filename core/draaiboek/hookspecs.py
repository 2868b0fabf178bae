"""The hooks a draaiboek plugin can implement: the whole plugin contract, in one file.

A plugin is a module (found through the ``draaiboek`` entry-point group) with functions marked
``@draaiboek.hookimpl``. Every hook here is named by its verb and receives a callback or object from the
core, so the core keeps control of validation and naming. ``docs`` for each hook: ``plugins/README.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

from draaiboek import PROJECT

if TYPE_CHECKING:  # pathlib too: the annotations are strings, and --help need not import it
    from importlib.abc import Traversable
    from pathlib import Path

    import click

    from draaiboek.exporters import Exporter

hookspec = pluggy.HookspecMarker(PROJECT)


# --- Content --------------------------------------------------------------------------------------------


@hookspec
def register_content_packs(register: Callable[[Path | Traversable], None]) -> None:
    """Register content packs this plugin carries.

    Called when the core needs the list of packs (``packs``, ``show``, ``check``, ``export``, ``build``).

    :param register: call ``register(folder)`` once per pack, with the folder that holds its ``pack.yaml``
        (usually ``Path(__file__).parent / "pack"``, with pathlib imported inside the hook: every start loads
        every plugin module, so keep their top-level imports light). The pack's id is read from its
        ``pack.yaml``; two packs with the same id are reported and the later one is left out.
    """


# --- Output ---------------------------------------------------------------------------------------------


@hookspec
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register output formats.

    Called when the core needs the exporters (``plugins``, ``export``, ``build``).

    :param register: call ``register(Exporter(...))`` once per format (see :class:`draaiboek.exporters.Exporter`).
        Names must be unique across plugins; a duplicate is reported and left out.
    """


# --- Command line ---------------------------------------------------------------------------------------


@hookspec
def register_commands(register: Callable[[click.Command], None]) -> None:
    """Add commands (or command groups) to the ``draaiboek`` command line.

    Called once when the CLI starts, so keep imports of heavy libraries inside the command functions.

    :param register: call ``register(command)`` once per ``click.Command`` or ``click.Group``. A name taken
        by a built-in command (``check``, ``export``...) or by another plugin is reported and left out;
        built-in plugins register first.
    """

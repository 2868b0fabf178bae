"""The command line. ``main`` builds the group, lets plugins add commands, and runs it."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from draaiboek.cli.app import AppState, make_root
from draaiboek.cli.authoring import new, schema
from draaiboek.cli.export import build, export
from draaiboek.cli.inspect import check, show
from draaiboek.cli.listing import packs, plugins
from draaiboek.plugins import PluginHost, get_plugin_manager

BUILT_IN = (plugins, packs, show, check, export, build, new, schema)


def make_cli() -> click.Group:
    group = make_root()
    for command in BUILT_IN:
        group.add_command(command)
    return group


def _disabled_from_args(args: Sequence[str]) -> tuple[str, ...]:
    # Plugins must be left out before they load (they may add commands), so read the option early.
    names = []
    for i, arg in enumerate(args):
        if arg == "--disable-plugin" and i + 1 < len(args):
            names.append(args[i + 1])
        elif arg.startswith("--disable-plugin="):
            names.append(arg.split("=", 1)[1])
    return tuple(names)


def build_app(args: Sequence[str], host: PluginHost | None = None) -> tuple[click.Group, AppState]:
    """The root group with every plugin's commands, and the state its commands share."""
    host = host or get_plugin_manager(disabled=_disabled_from_args(args))
    group = make_cli()
    host.call_each("register_commands", cli=group)
    return group, AppState(host)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    group, state = build_app(args)
    group.main(args=args, prog_name="draaiboek", obj=state)

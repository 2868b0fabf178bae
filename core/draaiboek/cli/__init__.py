"""The command line. ``main`` builds the group, lets plugins add commands, and runs it."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import partial

import click

from draaiboek.cli.app import AppState, make_root
from draaiboek.cli.authoring import new, schema
from draaiboek.cli.export import build, export
from draaiboek.cli.inspect import check, show
from draaiboek.cli.listing import packs, plugins
from draaiboek.collecting import few_collections, freeze_survivors
from draaiboek.plugins import PluginHost, debug_from_env, get_plugin_manager

BUILT_IN = (plugins, packs, show, check, export, build, new, schema)
COMMAND_NAME = re.compile(r"[a-z][a-z0-9-]*")
TRACEBACK_FLAG = "--traceback"


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


def add_plugin_commands(group: click.Group, host: PluginHost) -> dict[str, str]:
    """Let every plugin ``register(command)``; returns command name -> plugin. Refused names are reported
    through the host, like any other plugin problem."""
    owners: dict[str, str] = {}

    def register(plugin: str, command: object) -> None:
        if not isinstance(command, click.Command):
            host.report(plugin, f"registered {type(command).__name__} as a command; register a click.Command")
            return
        name = command.name or ""
        if not COMMAND_NAME.fullmatch(name):
            host.report(plugin, f"command name {name!r} must be lowercase letters, digits, '-'; left out")
        elif name in owners:
            host.report(plugin, f"registers command '{name}', which plugin '{owners[name]}' already registered; "
                        "left out")
        elif name in group.commands:
            host.report(plugin, f"registers command '{name}', which is a built-in command; left out")
        else:
            group.add_command(command)
            owners[name] = plugin

    host.call_each("register_commands", kwargs_for=lambda plugin: {"register": partial(register, plugin)})
    return owners


def build_app(args: Sequence[str], host: PluginHost | None = None) -> tuple[click.Group, AppState]:
    """The root group with every plugin's commands, and the state its commands share."""
    debug = TRACEBACK_FLAG in args or debug_from_env()
    host = host or get_plugin_manager(disabled=_disabled_from_args(args), debug=debug)
    host.debug = host.debug or debug
    group = make_cli()
    owners = add_plugin_commands(group, host)
    return group, AppState(host, owners)


def main(argv: Sequence[str] | None = None) -> None:
    """The ``draaiboek`` program (console script and ``python -m draaiboek``): one command, then the process
    ends. Tests run commands in-process through :func:`build_app`, not through this."""
    args = list(sys.argv[1:] if argv is None else argv)
    with few_collections():  # plugins, a command's imports and the pack it loads all live on
        try:
            group, state = build_app(args)
            group.main(args=args, prog_name="draaiboek", obj=state)
        finally:
            # The process ends now: nothing needs collecting. Before the threshold drops back, else its first
            # collection still walks the whole heap.
            freeze_survivors()

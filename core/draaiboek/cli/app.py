"""The root ``draaiboek`` command group: shared state, and turning handled errors into one line."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import click

from draaiboek.collecting import frozen_command
from draaiboek.errors import DraaiboekError, InternalError, internal_error

if TYPE_CHECKING:
    from pathlib import Path

    from draaiboek.catalog import Catalog
    from draaiboek.plugins import PluginHost


class AppState:
    """What commands share: the plugin host, and the catalog made from it when a command first needs it."""

    def __init__(self, host: PluginHost, command_plugins: dict[str, str] | None = None) -> None:
        self.host = host
        #: command name -> the plugin that registered it (for naming the culprit of a crash)
        self.command_plugins = dict(command_plugins or {})
        self.reported = 0
        self._catalog: Catalog | None = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            from draaiboek.catalog import Catalog  # the model, cattrs and YAML load only when needed

            self._catalog = Catalog(self.host)
        return self._catalog

    def flush_problems(self) -> None:
        """Print plugin problems found since the last flush, one line each, on stderr."""
        problems = self.host.problems
        for problem in problems[self.reported:]:
            click.echo(f"draaiboek: warning: {problem.format()}", err=True)
        self.reported = len(problems)


pass_state = click.make_pass_decorator(AppState)


class PathType(click.Path):
    """``click.Path(path_type=pathlib.Path)`` that imports pathlib only when a command gets a path: every start
    declares the options (also ``--help``), few use them. Plugins may use it for their options too."""

    def coerce_path_result(self, value: str | os.PathLike[str]) -> Path:
        from pathlib import Path

        return value if isinstance(value, Path) else Path(value)


#: Exceptions click uses for its own flow (exit codes, usage errors, Ctrl+C): never an internal error.
CLICK_FLOW = (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort)


class DraaiboekGroup(click.Group):
    """A group whose commands may raise DraaiboekError or OSError: the user sees one line, no traceback.

    Anything else is a bug: one line asking for a report, or the full traceback under ``--traceback``.
    """

    def invoke(self, ctx: click.Context) -> Any:
        with frozen_command():
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InternalError as exc:
            if _debug(ctx) and exc.__cause__ is not None:
                raise exc.__cause__ from None
            raise click.ClickException(" ".join(str(exc).split())) from None
        except DraaiboekError as exc:
            raise click.ClickException(" ".join(str(exc).split())) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None
        except CLICK_FLOW:
            raise
        except Exception as exc:
            if _debug(ctx):
                raise
            raise click.ClickException(str(_crash(ctx, exc))) from None


def _debug(ctx: click.Context) -> bool:
    state = ctx.find_object(AppState)
    return state is not None and state.host.debug


def _crash(ctx: click.Context, exc: Exception) -> InternalError:
    """The one line for a bug in a command, naming the plugin that registered it, if one did."""
    name = ctx.invoked_subcommand or ""
    state = ctx.find_object(AppState)
    plugin = state.command_plugins.get(name) if state is not None and ctx.parent is None else None
    where = f"command '{ctx.command_path} {name}'" if name else f"command '{ctx.command_path}'"
    if plugin:
        return internal_error(f"{where} (plugin '{plugin}')", exc, f"the authors of plugin '{plugin}'")
    return internal_error(where, exc)


def _root(ctx: click.Context, disabled: tuple[str, ...], traceback: bool) -> None:
    """draaiboek: training programmes as data.

    A content pack holds a training (sessions, runbook, work formats, cases, instruments); exporters turn
    it into handbooks, slide decks and spreadsheets. REF is a pack id, 'pack/training' or a pack folder.
    """
    state = ctx.ensure_object(AppState)
    state.host.debug = state.host.debug or traceback
    ctx.call_on_close(state.flush_problems)


def make_root() -> click.Group:
    """A fresh root group (plugins add commands to it, so every run gets its own)."""
    decorated = click.pass_context(_root)
    decorated = click.option("--disable-plugin", "disabled", multiple=True, metavar="NAME",
                             help="Leave a plugin out (repeatable; also DRAAIBOEK_DISABLE_PLUGINS=a,b).")(decorated)
    decorated = click.option("--traceback", is_flag=True,
                             help="Show plugin, exporter and internal failures with their full traceback "
                                  "(also DRAAIBOEK_DEBUG=1).")(decorated)
    decorated = click.version_option(package_name="draaiboek", prog_name="draaiboek")(decorated)
    return click.group("draaiboek", cls=DraaiboekGroup,
                       context_settings={"help_option_names": ["-h", "--help"]})(decorated)

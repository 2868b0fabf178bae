"""The root ``draaiboek`` command group: shared state, and turning handled errors into one line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click
from draaiboek.errors import DraaiboekError

if TYPE_CHECKING:
    from draaiboek.catalog import Catalog
    from draaiboek.plugins import PluginHost


class AppState:
    """What commands share: the plugin host, and the catalog made from it when a command first needs it."""

    def __init__(self, host: PluginHost) -> None:
        self.host = host
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


class DraaiboekGroup(click.Group):
    """A group whose commands may raise DraaiboekError or OSError: the user sees one line, no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DraaiboekError as exc:
            raise click.ClickException(" ".join(str(exc).split())) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None


def _root(ctx: click.Context, disabled: tuple[str, ...]) -> None:
    """draaiboek: training programmes as data.

    A content pack holds a training (sessions, runbook, work formats, cases, instruments); exporters turn
    it into handbooks, slide decks and spreadsheets. REF is a pack id, 'pack/training' or a pack folder.
    """
    state = ctx.ensure_object(AppState)
    ctx.call_on_close(state.flush_problems)


def make_root() -> click.Group:
    """A fresh root group (plugins add commands to it, so every run gets its own)."""
    decorated = click.pass_context(_root)
    decorated = click.option("--disable-plugin", "disabled", multiple=True, metavar="NAME",
                             help="Leave a plugin out (repeatable; also DRAAIBOEK_DISABLE_PLUGINS=a,b).")(decorated)
    decorated = click.version_option(package_name="draaiboek", prog_name="draaiboek")(decorated)
    return click.group("draaiboek", cls=DraaiboekGroup,
                       context_settings={"help_option_names": ["-h", "--help"]})(decorated)

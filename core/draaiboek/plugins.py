"""The plugin manager: the hookspecs, the ``draaiboek`` entry points, and one readable line per broken plugin.

Loaded on every start (also for ``--help``), so it uses a named tuple and a plain class (making a dataclass or an
attrs class costs start-up time) and reads the entry points without importlib.metadata (:mod:`draaiboek.entrypoints`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

import pluggy

from draaiboek import PROJECT, hookspecs
from draaiboek.entrypoints import EntryPoint, entry_points

if TYPE_CHECKING:
    from importlib import metadata

ENTRY_POINT_GROUP = PROJECT
#: The distribution whose plugins are built in: they load first and win every name.
BUILT_IN_DISTRIBUTION = PROJECT
#: Comma-separated plugin names to leave out, e.g. ``DRAAIBOEK_DISABLE_PLUGINS=slides,naasten``.
DISABLE_ENV = "DRAAIBOEK_DISABLE_PLUGINS"
#: ``DRAAIBOEK_DEBUG=1`` (like ``--traceback``): plugin and exporter failures are re-raised in full.
DEBUG_ENV = "DRAAIBOEK_DEBUG"
#: What a plugin may raise at the boundary; SystemExit too, so a plugin's sys.exit() cannot end the tool silently.
PLUGIN_FAILURES = (Exception, SystemExit)


class PluginProblem(NamedTuple):
    """A plugin that failed to load or register, as one line for the user."""

    plugin: str
    distribution: str
    message: str

    def format(self) -> str:
        return f"plugin '{self.plugin}' (from {self.distribution}): {self.message}"


def _summary(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def describe_distribution(ep: EntryPoint | None) -> str:
    """'name version' of the distribution an entry point came from (reads metadata: call only when needed)."""
    if ep is None:
        return "registered in code"
    return f"{ep.distribution} {ep.version()}" if ep.distribution is not None else "unknown distribution"


def is_built_in(ep: EntryPoint) -> bool:
    return ep.distribution == BUILT_IN_DISTRIBUTION


class PluginHost:
    """A plugin manager plus what went wrong while loading it, and which distribution each plugin came from.

    :param debug: re-raise plugin failures instead of reporting them (``--traceback``, ``DRAAIBOEK_DEBUG=1``).
    """

    def __init__(self, manager: pluggy.PluginManager, debug: bool = False) -> None:
        self.manager = manager
        self.entry_points: dict[str, EntryPoint] = {}
        self.problems: list[PluginProblem] = []
        self.built_in: set[str] = set()
        self.debug = debug

    def distribution(self, plugin_name: str) -> str:
        """'name version' of the distribution a plugin came from (read only when asked: it is slow)."""
        return describe_distribution(self.entry_points.get(plugin_name))

    def report(self, plugin_name: str, message: str, distribution: str | None = None) -> None:
        where = distribution if distribution is not None else self.distribution(plugin_name)
        self.problems.append(PluginProblem(plugin_name, where, message))

    def fail(self, plugin_name: str, what: str, exc: BaseException, distribution: str | None = None) -> None:
        """A plugin raised: re-raise it in debug mode, otherwise report it in one line."""
        if self.debug:
            raise exc
        self.report(plugin_name, f"{what}: {_summary(exc)}", distribution)

    def order(self, plugin_name: str) -> tuple[bool, str]:
        """Sort key: built-in plugins first, then by name (so a third-party duplicate is the one left out)."""
        return plugin_name not in self.built_in, plugin_name

    def plugin_names(self) -> list[str]:
        return sorted(name for name, plugin in self.manager.list_name_plugin() if plugin is not None)

    def call_each(self, hook_name: str, kwargs_for: Callable[[str], dict[str, Any]] | None = None,
                  **kwargs: Any) -> None:
        """Call a hook's implementations one by one, built-ins first, so one that raises is reported and
        the others still run.

        :param kwargs_for: arguments per plugin name (e.g. a ``register`` that knows who registers);
            otherwise every plugin gets ``kwargs``.
        """
        caller = getattr(self.manager.hook, hook_name)
        for impl in sorted(caller.get_hookimpls(), key=lambda i: self.order(i.plugin_name)):
            arguments = kwargs_for(impl.plugin_name) if kwargs_for else kwargs
            try:
                impl.function(**{name: arguments[name] for name in impl.argnames})
            except PLUGIN_FAILURES as exc:  # a plugin's bug must not take the tool down
                self.fail(impl.plugin_name, f"failed in {hook_name}", exc)

    def hook_names(self, plugin_name: str) -> list[str]:
        plugin = self.manager.get_plugin(plugin_name)
        return sorted(c.name for c in self.manager.get_hookcallers(plugin) or []) if plugin is not None else []


def debug_from_env() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no")


def disabled_from_env() -> set[str]:
    return {name.strip() for name in os.environ.get(DISABLE_ENV, "").split(",") if name.strip()}


def _entry_points() -> Iterator[EntryPoint]:
    yield from entry_points(ENTRY_POINT_GROUP)


def _ours(ep: EntryPoint | metadata.EntryPoint) -> EntryPoint:
    # A source may hand importlib.metadata's entry points (tests do): the same thing, read through importlib.
    return ep if isinstance(ep, EntryPoint) else EntryPoint.of(ep)


def _given(obj: object) -> object:
    return obj


def get_plugin_manager(
    load_entrypoints: bool = True,
    disabled: Iterable[str] = (),
    extra_plugins: Iterable[tuple[str, object]] = (),
    entry_point_source: Callable[[], Iterable[EntryPoint | metadata.EntryPoint]] = _entry_points,
    debug: bool | None = None,
) -> PluginHost:
    """Make the manager, add the hookspecs, load the entry points. Nothing happens at import time.

    :param load_entrypoints: False gives a clean manager (tests register plugins themselves).
    :param disabled: plugin names to block (added to those in ``DRAAIBOEK_DISABLE_PLUGINS``).
    :param extra_plugins: (name, module or object) pairs registered after the entry points.
    :param debug: re-raise plugin failures; None reads ``DRAAIBOEK_DEBUG``.
    """
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hookspecs)
    host = PluginHost(manager, debug=debug_from_env() if debug is None else debug)
    blocked = set(disabled) | disabled_from_env()
    for name in sorted(blocked):
        manager.set_blocked(name)
    plugins: list[tuple[str, Callable[[], object], EntryPoint | None]] = []
    if load_entrypoints:
        # Entry points come in no defined order: built-ins first, then by name, so plugins always load the
        # same way and a third-party plugin can never take a built-in's name.
        found = [(not is_built_in(ep), ep.name, ep) for ep in map(_ours, entry_point_source())]
        for third_party, _, found_ep in sorted(found, key=lambda item: item[:2]):
            if not third_party:
                host.built_in.add(found_ep.name)
            plugins.append((found_ep.name, found_ep.load, found_ep))
    plugins.extend((name, partial(_given, obj), None) for name, obj in extra_plugins)
    attempted: set[str] = set()
    for name, load, ep in plugins:
        if name in blocked:
            continue
        if name in attempted:  # also when the first one failed: a name is never handed to a later plugin
            host.report(name, "another plugin already uses this name; left out", describe_distribution(ep))
            continue
        attempted.add(name)
        try:
            module = load()
        except PLUGIN_FAILURES as exc:  # ImportError, SyntaxError, sys.exit(), anything a broken plugin raises
            host.fail(name, "failed to import", exc, describe_distribution(ep))
            continue
        try:
            manager.register(module, name=name)
        except pluggy.PluginValidationError as exc:
            host.report(name, f"does not fit the hook specification: {_summary(exc)}", describe_distribution(ep))
            continue
        except ValueError as exc:  # pluggy: the same module under a second name
            host.report(name, f"could not be registered: {_summary(exc)}", describe_distribution(ep))
            continue
        if ep is not None:
            host.entry_points[name] = ep
    while True:  # check_pending names one offender at a time
        try:
            manager.check_pending()
            break
        except pluggy.PluginValidationError as exc:
            plugin_name = manager.get_name(exc.plugin) or "unknown"
            host.report(plugin_name, f"implements a hook draaiboek does not have: {_summary(exc)}")
            manager.unregister(exc.plugin)
    return host

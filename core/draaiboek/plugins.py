"""The plugin manager: the hookspecs, the ``draaiboek`` entry points, and one readable line per broken plugin.

Loaded on every start (also for ``--help``), so it uses dataclasses, not attrs, to stay light.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import pluggy
from dataclasses import dataclass, field

from draaiboek import PROJECT, hookspecs

ENTRY_POINT_GROUP = PROJECT
#: Comma-separated plugin names to leave out, e.g. ``DRAAIBOEK_DISABLE_PLUGINS=slides,naasten``.
DISABLE_ENV = "DRAAIBOEK_DISABLE_PLUGINS"


@dataclass(frozen=True)
class PluginProblem:
    plugin: str
    distribution: str
    message: str

    def format(self) -> str:
        return f"plugin '{self.plugin}' (from {self.distribution}): {self.message}"


def _summary(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@dataclass
class PluginHost:
    """A plugin manager plus what went wrong while loading it, and which distribution each plugin came from."""

    manager: pluggy.PluginManager
    entry_points: dict[str, EntryPoint] = field(default_factory=dict)
    problems: list[PluginProblem] = field(default_factory=list)

    def distribution(self, plugin_name: str) -> str:
        """'name version' of the distribution a plugin came from (read only when asked: it is slow)."""
        ep = self.entry_points.get(plugin_name)
        if ep is None:
            return "registered in code"
        dist = ep.dist
        return f"{dist.name} {dist.version}" if dist is not None else "unknown distribution"

    def report(self, plugin_name: str, message: str) -> None:
        self.problems.append(PluginProblem(plugin_name, self.distribution(plugin_name), message))

    def plugin_names(self) -> list[str]:
        return sorted(name for name, plugin in self.manager.list_name_plugin() if plugin is not None)

    def call_each(self, hook_name: str, kwargs_for: Callable[[str], dict[str, Any]] | None = None,
                  **kwargs: Any) -> None:
        """Call a hook's implementations one by one, in plugin-name order, so one that raises
        is reported and the others still run.

        :param kwargs_for: arguments per plugin name (e.g. a ``register`` that knows who registers);
            otherwise every plugin gets ``kwargs``.
        """
        caller = getattr(self.manager.hook, hook_name)
        for impl in sorted(caller.get_hookimpls(), key=lambda i: i.plugin_name):
            arguments = kwargs_for(impl.plugin_name) if kwargs_for else kwargs
            try:
                impl.function(**{name: arguments[name] for name in impl.argnames})
            except Exception as exc:  # a plugin's bug must not take the tool down
                self.report(impl.plugin_name, f"failed in {hook_name}: {_summary(exc)}")

    def hook_names(self, plugin_name: str) -> list[str]:
        plugin = self.manager.get_plugin(plugin_name)
        return sorted(c.name for c in self.manager.get_hookcallers(plugin) or []) if plugin is not None else []


def disabled_from_env() -> set[str]:
    return {name.strip() for name in os.environ.get(DISABLE_ENV, "").split(",") if name.strip()}


def _entry_points() -> Iterator[EntryPoint]:
    yield from entry_points(group=ENTRY_POINT_GROUP)


def get_plugin_manager(
    load_entrypoints: bool = True,
    disabled: Iterable[str] = (),
    extra_plugins: Iterable[tuple[str, object]] = (),
    entry_point_source: Callable[[], Iterable[EntryPoint]] = _entry_points,
) -> PluginHost:
    """Make the manager, add the hookspecs, load the entry points. Nothing happens at import time.

    :param load_entrypoints: False gives a clean manager (tests register plugins themselves).
    :param disabled: plugin names to block (added to those in ``DRAAIBOEK_DISABLE_PLUGINS``).
    :param extra_plugins: (name, module or object) pairs registered after the entry points.
    """
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hookspecs)
    host = PluginHost(manager)
    blocked = set(disabled) | disabled_from_env()
    for name in sorted(blocked):
        manager.set_blocked(name)
    plugins: list[tuple[str, Callable[[], object]]] = []
    if load_entrypoints:
        # Entry points come in no defined order: sort by name so plugins always load the same way.
        for ep in sorted(entry_point_source(), key=lambda ep: ep.name):
            host.entry_points.setdefault(ep.name, ep)
            plugins.append((ep.name, ep.load))
    plugins.extend((name, (lambda obj=obj: obj)) for name, obj in extra_plugins)
    for name, load in plugins:
        if name in blocked:
            continue
        if manager.has_plugin(name):
            host.report(name, "another plugin already uses this name; left out")
            continue
        try:
            module = load()
        except Exception as exc:  # ImportError, SyntaxError, anything a broken plugin raises on import
            host.report(name, f"failed to import: {_summary(exc)}")
            continue
        try:
            manager.register(module, name=name)
        except pluggy.PluginValidationError as exc:
            host.report(name, f"does not fit the hook specification: {_summary(exc)}")
        except ValueError as exc:  # pluggy: the same module under a second name
            host.report(name, f"could not be registered: {_summary(exc)}")
    while True:  # check_pending names one offender at a time
        try:
            manager.check_pending()
            break
        except pluggy.PluginValidationError as exc:
            plugin_name = manager.get_name(exc.plugin) or "unknown"
            host.report(plugin_name, f"implements a hook draaiboek does not have: {_summary(exc)}")
            manager.unregister(exc.plugin)
    return host

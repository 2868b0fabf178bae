"""draaiboek: training programmes as data.

Plugins import :data:`hookimpl` to implement the hooks in :mod:`draaiboek.hookspecs`.
Importing this package is cheap on purpose: no plugin, YAML parser or exporter library is loaded here.
"""

import pluggy

PROJECT = "draaiboek"

#: Marker for hook implementations: ``@draaiboek.hookimpl``.
hookimpl = pluggy.HookimplMarker(PROJECT)


def __getattr__(name: str) -> str:
    # Read the version only when asked: package metadata parsing costs start-up time.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version(PROJECT)
        except PackageNotFoundError:  # running from a checkout without installing
            return "0.0.0"
    raise AttributeError(name)

__all__ = ["PROJECT", "__version__", "hookimpl"]

"""draaiboek: training programmes as data.

Plugins import :data:`hookimpl` to implement the hooks in :mod:`draaiboek.hookspecs`.
Importing this package is cheap on purpose: no plugin, YAML parser or exporter library is loaded here.
"""

from importlib.metadata import PackageNotFoundError, version

import pluggy

PROJECT = "draaiboek"

#: Marker for hook implementations: ``@draaiboek.hookimpl``.
hookimpl = pluggy.HookimplMarker(PROJECT)

try:
    __version__ = version(PROJECT)
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0"

__all__ = ["PROJECT", "__version__", "hookimpl"]

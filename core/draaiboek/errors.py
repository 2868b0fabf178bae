"""The project's error types. Anything derived from DraaiboekError is shown to the user as one line."""

from __future__ import annotations


class DraaiboekError(Exception):
    """A handled error: the CLI prints its message on one line and exits non-zero, without a traceback."""


class PackError(DraaiboekError, ValueError):
    """A content pack cannot be found, read or used."""


class PluginError(DraaiboekError):
    """A plugin failed to load, raised inside a hook, or registered something invalid."""


class ExportError(DraaiboekError):
    """An exporter could not produce its output (bad option, unusable template...)."""


class ExportNotApplicable(ExportError):
    """The exporter has nothing to make for this training (e.g. no competence meter). `build` skips it."""


class InputFileError(DraaiboekError, ValueError):
    """A file given by the user (a template, a filled-in workbook, a CSV) cannot be used."""

"""The project's error types. Anything derived from DraaiboekError is shown to the user as one line."""

from __future__ import annotations


class DraaiboekError(Exception):
    """A handled error: the CLI prints its message on one line and exits non-zero, without a traceback."""


class InternalError(DraaiboekError):
    """A bug, in draaiboek or a plugin, not a problem the user can fix. Shown as one line asking for a report;
    the original exception is its ``__cause__``, re-raised in full under ``--traceback`` / ``DRAAIBOEK_DEBUG=1``."""


class PackError(DraaiboekError, ValueError):
    """A content pack cannot be found, read or used."""


class PluginError(DraaiboekError):
    """A plugin failed to load, raised inside a hook, or registered something invalid."""


class ExportError(DraaiboekError):
    """An exporter could not produce its output (bad option, unusable template...)."""


class ExporterBug(ExportError, InternalError):
    """An exporter raised something other than a handled error: the plugin's fault, not the user's."""


class ExportNotApplicable(ExportError):
    """The exporter has nothing to make for this training (e.g. no competence meter). `build` skips it."""


class InputFileError(DraaiboekError, ValueError):
    """A file given by the user (a template, a filled-in workbook, a CSV) cannot be used."""


def internal_error(where: str, exc: BaseException, report_to: str = "the draaiboek developers",
                   kind: type[InternalError] = InternalError) -> InternalError:
    """One line for a bug: where it happened, what was raised, and whom to tell. Raise it ``from exc``."""
    text = " ".join(str(exc).split())
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return kind(f"internal error in {where}: {detail}; please report it to {report_to} "
                "(rerun with --traceback for the details)")

"""What a check yields: a finding with a field path into the merged pack."""

from __future__ import annotations

from attrs import frozen

from draaiboek.diagnostics import Severity
from draaiboek.yamlsource import PathKey


@frozen
class Finding:
    severity: Severity
    code: str
    message: str
    path: PathKey
    hint: str | None = None
    ref: str | None = None


def error(code: str, message: str, path: PathKey, hint: str | None = None, ref: str | None = None) -> Finding:
    return Finding("error", code, message, path, hint, ref)


def warning(code: str, message: str, path: PathKey, hint: str | None = None, ref: str | None = None) -> Finding:
    return Finding("warning", code, message, path, hint, ref)

"""Problems found in a pack, each printable as one line: ``file:line: error CODE: message (path); hint``."""

from __future__ import annotations

from typing import Literal

from attrs import frozen

Severity = Literal["error", "warning"]


@frozen
class Diagnostic:
    severity: Severity
    code: str
    message: str
    file: str
    line: int | None = None
    path: str | None = None
    hint: str | None = None
    ref: str | None = None
    accepted: str | None = None

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.severity} {self.code}: {self.message}"
        if self.path:
            text += f" ({self.path})"
        if self.hint:
            text += f"; hint: {self.hint}"
        if self.accepted:
            text += f" [accepted: {self.accepted}]"
        return " ".join(text.split())  # one line, whatever the message held

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.is_error]


def summary(name: str, diagnostics: list[Diagnostic], loaded: bool, note: str | None = None) -> str:
    """The one summary line of ``check`` for a pack: ``name: ok|FAILED (n errors, n warnings, n accepted)``.

    ``name`` is the pack id, or the folder when the pack has no (readable) id.
    """
    found = errors(diagnostics)
    warnings = [d for d in diagnostics if not d.is_error]
    accepted = sum(1 for w in warnings if w.accepted)
    verdict = "FAILED" if found or not loaded else "ok"
    line = f"{name}: {verdict} ({len(found)} errors, {len(warnings)} warnings, {accepted} accepted)"
    return f"{line}; {note}" if note else line

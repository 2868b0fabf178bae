"""Semantic checks of a structurally valid pack: ids, references, timing, coverage, instruments, language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import attrs

from draaiboek.checks.base import Finding
from draaiboek.checks.coverage import check_coverage
from draaiboek.checks.ids import check_ids
from draaiboek.checks.instruments import check_instruments
from draaiboek.checks.language import check_language
from draaiboek.checks.references import check_references
from draaiboek.checks.reveals import check_case_reveals
from draaiboek.checks.text import check_files_on_disk, check_text
from draaiboek.checks.timing import check_timing
from draaiboek.diagnostics import Diagnostic
from draaiboek.loader import SourceMap
from draaiboek.model import Pack
from draaiboek.refs import Resolver

CHECKS: tuple[Callable[[Pack, Resolver], Iterable[Finding]], ...] = (
    check_ids, check_references, check_timing, check_coverage, check_instruments, check_text, check_case_reveals,
    check_language,
)


def run_checks(pack: Pack, resolver: Resolver, source_map: SourceMap, folder: Path | None = None) -> list[Diagnostic]:
    """Every finding of every check, located at file:line, with accepted warnings marked."""
    accepted = {(a.code, a.ref): a.reason for a in pack.accepted_warnings}
    diagnostics = []
    findings = [finding for check in CHECKS for finding in check(pack, resolver)]
    if folder is not None:
        findings += check_files_on_disk(pack, folder)
    for finding in findings:
        diagnostic = source_map.diagnostic(finding.severity, finding.code, finding.message, finding.path,
                                           finding.hint, finding.ref)
        if finding.severity == "warning":
            reason = accepted.get((finding.code, finding.ref)) or accepted.get((finding.code, None))
            if not reason and finding.ref and "/" in finding.ref:  # 'meter/c3': accepting 'meter' covers its parts
                reason = accepted.get((finding.code, finding.ref.split("/", 1)[0]))
            if reason:
                diagnostic = attrs.evolve(diagnostic, accepted=reason)
        diagnostics.append(diagnostic)
    return diagnostics

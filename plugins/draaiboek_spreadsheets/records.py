"""What the reader gives the results calculator: the meter's description and one participant's scores."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class StatementInfo:
    id: str
    domain: str
    number: str
    text: str

    @property
    def label(self) -> str:
        return f"{self.number} {self.text}"


@dataclass(frozen=True)
class MeterInfo:
    """The meter a workbook was made from, as recorded in its hidden metadata sheet."""

    pack: str
    pack_version: str
    meter: str
    title: str
    language: str
    fingerprint: str
    scale: tuple[tuple[int, str], ...]
    moments: tuple[tuple[str, str], ...]
    domains: tuple[tuple[str, str], ...]
    statements: tuple[StatementInfo, ...]
    strengths: int = 5
    challenges: int = 5

    @property
    def ref(self) -> str:
        return f"{self.pack}:{self.meter}"

    @property
    def scale_values(self) -> frozenset[int]:
        return frozenset(value for value, _ in self.scale)

    def moment_label(self, moment_id: str) -> str:
        return dict(self.moments).get(moment_id, moment_id)

    def domain_title(self, domain_id: str) -> str:
        return dict(self.domains).get(domain_id, domain_id)


@dataclass
class Response:
    """One filled workbook: who filled it in and their scores per moment and statement."""

    path: Path
    participant: str
    info: MeterInfo
    scores: dict[str, dict[str, int]] = field(default_factory=dict)
    #: moment id -> number of statements left blank in a moment that has some scores.
    blanks: dict[str, int] = field(default_factory=dict)

"""The competence meter workbook as plain data: sheets, rows, input cells, metadata. No openpyxl here.

The renderer draws exactly this plan and the reader reads back through the metadata it produces, so the
cell positions are decided in one place.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from draaiboek.errors import ExportError
from draaiboek.model import Meter, Pack
from draaiboek_spreadsheets.labels import text
from draaiboek_spreadsheets.text import paragraphs, plain

#: First cell of the metadata sheet; the reader refuses workbooks without it.
FORMAT = "draaiboek-meter"
FORMAT_VERSION = 1
METADATA_SHEET = "draaiboek"
CALC_SHEET = "calc"

NAME_ROW, HEADER_ROW, FIRST_ROW = 2, 4, 5
NUMBER_COL, TEXT_COL, FIRST_MOMENT_COL = 1, 2, 3
NAME_COL = FIRST_MOMENT_COL
#: The strengths-and-challenges sheet: one block per moment, stacked (each prints on its own page):
#: a moment heading, then the strengths table and the challenges table, each with a title and header row.
ANALYSIS_FIRST_ROW = 4
ANALYSIS_TEXT_COL, ANALYSIS_SCORE_COL = 2, 3
#: The overview sheet: its chart under the title (rows 3-18), then the table; the first domain's row.
OVERVIEW_FIRST_ROW = 20


@dataclass(frozen=True)
class ScaleOption:
    value: int
    label: str

    @property
    def choice(self) -> str:
        """The text shown in the dropdown."""
        return f"{self.value} – {self.label}" if self.label else str(self.value)


@dataclass(frozen=True)
class StatementRow:
    id: str
    domain: str
    number: str
    text: str
    row: int
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class DomainRow:
    id: str
    title: str
    row: int


@dataclass(frozen=True)
class MomentColumn:
    id: str
    label: str
    column: int
    editable: bool


@dataclass(frozen=True)
class PromptPlan:
    text: str
    help: str


@dataclass
class MeterPlan:
    language: str
    pack_id: str
    pack_title: str
    pack_version: str
    meter_id: str
    title: str
    participant: str | None
    moment: str | None
    scale: list[ScaleOption]
    domains: list[DomainRow]
    statements: list[StatementRow]
    moments: list[MomentColumn]
    remark_column: int
    strengths: int
    challenges: int
    instructions: list[str] = field(default_factory=list)
    analysis_note: list[str] = field(default_factory=list)
    prompts: list[PromptPlan] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    attribution: str = ""

    def sheet(self, key: str) -> str:
        return text(f"sheet_{key}", self.language)

    @property
    def last_row(self) -> int:
        return max([s.row for s in self.statements] + [d.row for d in self.domains] + [HEADER_ROW])

    @property
    def fingerprint(self) -> str:
        """Identifies the meter's structure: statements, domains, scale values and moments."""
        data = [
            [(s.id, s.domain) for s in self.statements],
            [o.value for o in self.scale],
            [m.id for m in self.moments],
        ]
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:16]

    def analysis_block(self, moment_index: int) -> int:
        """Row of the moment heading that starts a moment's block on the analysis sheet."""
        return ANALYSIS_FIRST_ROW + moment_index * (self.strengths + self.challenges + 7)

    def analysis_rows(self, kind: str, moment_index: int) -> list[int]:
        """Rows of the ranked lines for ``kind`` ('strengths' or 'challenges') of a moment on the analysis sheet."""
        first = self.analysis_block(moment_index) + 3
        if kind == "strengths":
            return list(range(first, first + self.strengths))
        first += self.strengths + 3
        return list(range(first, first + self.challenges))

    @staticmethod
    def analysis_columns() -> tuple[int, int]:
        """(statement column, score column) on the analysis sheet."""
        return ANALYSIS_TEXT_COL, ANALYSIS_SCORE_COL

    def metadata_rows(self) -> list[tuple[object, ...]]:
        """The hidden metadata sheet, one record per row: (kind, ...)."""
        rows: list[tuple[object, ...]] = [(FORMAT, FORMAT_VERSION)]
        keys = {
            "pack": self.pack_id, "pack_version": self.pack_version, "meter": self.meter_id,
            "title": self.title, "language": self.language, "fingerprint": self.fingerprint,
            "sheet": self.sheet("fill"), "name_row": NAME_ROW, "name_column": NAME_COL,
            "participant": self.participant or "", "moment": self.moment or "",
            "strengths": self.strengths, "challenges": self.challenges,
        }
        rows += [("key", k, v) for k, v in keys.items()]
        rows += [("scale", o.value, o.label, o.choice) for o in self.scale]
        rows += [("moment", m.id, m.label, m.column) for m in self.moments]
        rows += [("domain", d.id, d.title) for d in self.domains]
        rows += [("statement", s.id, s.domain, s.row, s.number, s.text) for s in self.statements]
        return rows


def choose_moment(meter: Meter, wanted: str | None) -> str | None:
    """The moment id for ``--moment`` (id or label, any case); None when not given."""
    if not wanted:
        return None
    for moment in meter.moments:
        if wanted.strip().lower() in (moment.id.lower(), moment.label.lower()):
            return moment.id
    known = ", ".join(f"{m.id} ({m.label})" for m in meter.moments)
    raise ExportError(f"meter {meter.id!r} has no moment {wanted!r}; choose one of: {known}")


def plan_meter(pack: Pack, meter: Meter, participant: str | None = None, moment: str | None = None) -> MeterPlan:
    language = pack.language
    if not meter.moments:
        raise ExportError(f"meter {meter.id!r} has no measurement moments; add `moments` to it")
    if not meter.scale.points:
        raise ExportError(f"meter {meter.id!r} has an empty scale; add `scale.points` to it")
    moment_id = choose_moment(meter, moment)
    moments = [
        MomentColumn(m.id, m.label, FIRST_MOMENT_COL + i, moment_id is None or m.id == moment_id)
        for i, m in enumerate(meter.moments)
    ]
    domains, statements = _rows(meter)
    plan = MeterPlan(
        language=language, pack_id=pack.id, pack_title=pack.title, pack_version=pack.version,
        meter_id=meter.id, title=meter.title, participant=participant, moment=moment_id,
        scale=[ScaleOption(p.value, p.label) for p in sorted(meter.scale.points, key=lambda p: p.value)],
        domains=domains, statements=statements, moments=moments,
        remark_column=FIRST_MOMENT_COL + len(moments),
        strengths=max(0, meter.analysis.strengths), challenges=max(0, meter.analysis.challenges),
        analysis_note=paragraphs(meter.analysis.note),
        prompts=_prompts(meter, language),
        tips=[plain(t) for t in meter.tips],
        attribution=plain(pack.attribution),
    )
    plan.instructions = _instructions(plan, meter)
    return plan


def _rows(meter: Meter) -> tuple[list[DomainRow], list[StatementRow]]:
    order = [(d.id, d.title) for d in meter.domains]
    known = {d.id for d in meter.domains}
    for s in meter.statements:  # statements with an unknown domain still get a group (check reports them)
        if s.domain not in known:
            known.add(s.domain)
            order.append((s.domain, s.domain))
    domains: list[DomainRow] = []
    statements: list[StatementRow] = []
    row = FIRST_ROW
    for domain_id, title in order:
        members = [s for s in meter.statements if s.domain == domain_id]
        if not members:
            continue
        domains.append(DomainRow(domain_id, plain(title), row))
        row += 1
        for s in members:
            # numbered by id, as the handbook lists them, so "h1" is h1 on paper and in the workbook
            roles = tuple(role_name(r) for r in s.roles)
            statements.append(StatementRow(s.id, domain_id, s.id, plain(s.text), row, roles))
            row += 1
    return domains, statements


def role_name(role_id: str) -> str:
    """A readable name for a role id until the model carries one: 'poh-ggz' -> 'POH-GGZ', 'huisarts' stays."""
    parts = [p for p in re.split(r"[-_\s]+", role_id) if p]
    if parts and all(len(p) <= 3 for p in parts):
        return "-".join(p.upper() for p in parts)
    return " ".join(p.upper() if len(p) <= 3 else p for p in parts)


def _prompts(meter: Meter, language: str) -> list[PromptPlan]:
    if meter.action_plan:
        return [PromptPlan(plain(p.text), plain(p.help)) for p in meter.action_plan]
    keys = ("default_prompt_now", "default_prompt_goal", "default_prompt_resources", "default_prompt_obstacles")
    return [PromptPlan(text(k, language), "") for k in keys]


def _instructions(plan: MeterPlan, meter: Meter) -> list[str]:
    lang = plan.language
    lines = paragraphs(meter.instructions)
    lines.append(text("step_fill", lang, sheet=plan.sheet("fill")))
    lines.append(text("step_analysis", lang, sheet=plan.sheet("analysis"), n=plan.strengths, m=plan.challenges))
    lines.append(text("step_plan", lang, sheet=plan.sheet("plan")))
    lines.append(text("step_overview", lang, sheet=plan.sheet("overview")))
    if plan.moment is not None:
        label = next(m.label for m in plan.moments if m.id == plan.moment)
        lines.append(text("fill_moment", lang, moment=label))
    lines.append(text("ties", lang))
    lines.append(text("protected", lang))
    return lines

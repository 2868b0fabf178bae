"""Instruments: competence meters scored at several moments, and questionnaires."""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen

from draaiboek.model.common import Audience, Markdown, Ref, SourceRef, doc


@frozen
class ScalePoint:
    value: int
    label: str


@frozen
class Scale:
    points: list[ScalePoint]
    note: Markdown | None = field(default=None, metadata=doc("Where the scale comes from (editorial if the source has none)."))

    @property
    def low(self) -> int:
        return min(point.value for point in self.points)

    @property
    def high(self) -> int:
        return max(point.value for point in self.points)


@frozen
class Domain:
    id: str
    title: str
    description: Markdown | None = None


@frozen
class Statement:
    id: str
    domain: str
    text: str
    roles: list[str] = field(factory=list, metadata=doc("Roles it applies to; empty means everyone."))
    outcomes: list[Ref] = field(factory=list, metadata=doc("Learning outcomes it measures."))
    basis: list[SourceRef] = field(factory=list)


@frozen
class Moment:
    """A measurement moment: before, after, months later..."""

    id: str
    label: str
    session: Ref | None = None
    timing: str | None = None


@frozen
class Analysis:
    """How a participant reads their own scores: the top-N strengths and bottom-N challenges."""

    strengths: int = 5
    challenges: int = 5
    note: Markdown | None = None


@frozen
class Prompt:
    id: str
    text: str
    help: Markdown | None = None


@frozen
class Meter:
    """A competence meter (*competentiemeter*)."""

    id: str
    title: str
    scale: Scale
    domains: list[Domain]
    statements: list[Statement]
    moments: list[Moment]
    instructions: Markdown | None = None
    analysis: Analysis = field(factory=Analysis)
    action_plan: list[Prompt] = field(factory=list)
    tips: list[Markdown] = field(factory=list)
    roles: list[str] = field(factory=list, metadata=doc("Roles that statements may be tagged with."))
    version: str | None = field(default=None, metadata=doc("Change it when statements change, so old filled-in "
                                                             "meters are recognised as another version."))
    basis: list[SourceRef] = field(factory=list)


QuestionType = Literal["open", "scale", "choice", "multiple_choice", "checklist", "yes_no"]


@frozen
class Question:
    id: str
    text: str
    type: QuestionType = "open"
    options: list[str] = field(factory=list)
    indicators: list[str] = field(factory=list, metadata=doc("What an observer looks for (observation forms)."))
    help: Markdown | None = None
    basis: list[SourceRef] = field(factory=list)


@frozen
class QuestionSection:
    title: str
    questions: list[Question]
    description: Markdown | None = None


@frozen
class Questionnaire:
    """An evaluation, feedback/observation, reflection or scan form."""

    id: str
    title: str
    kind: Literal["evaluation", "observation", "feedback", "reflection", "scan", "intake", "other"]
    sections: list[QuestionSection]
    audience: list[Audience] = field(factory=lambda: ["participants"])
    instructions: Markdown | None = None
    scale: Scale | None = field(default=None, metadata=doc("Scale used by its 'scale' questions."))
    sessions: list[Ref] = field(factory=list, metadata=doc("Sessions in which it is used."))
    basis: list[SourceRef] = field(factory=list)

"""Instruments: competence meters scored at several moments, and questionnaires."""

from typing import Literal

from attrs import field, frozen

from draaiboek.model.common import Audience, Markdown, Model, Ref, SourceRef, doc


@frozen(repr=False)
class ScalePoint(Model):
    """One point of a scale, e.g. 1: nog niet."""

    value: int = field(metadata=doc("The number that is scored."))
    label: str


@frozen(repr=False)
class Scale(Model):
    """The answer scale of a meter or questionnaire: its points, each with a value and a label."""

    points: list[ScalePoint] = field(metadata=doc("The points of the scale, each with its label."))
    note: Markdown | None = field(default=None, metadata=doc(
        "Where the scale comes from (editorial if the source has none)."))

    @property
    def low(self) -> int:
        return min(point.value for point in self.points)

    @property
    def high(self) -> int:
        return max(point.value for point in self.points)


@frozen(repr=False)
class Domain(Model):
    """A group of statements of a meter."""

    id: str
    title: str
    description: Markdown | None = None


@frozen(repr=False)
class Statement(Model):
    """A statement a participant scores on the meter's scale."""

    id: str
    domain: str = field(metadata=doc("Id of the domain it belongs to."))
    text: str
    roles: list[str] = field(factory=list, metadata=doc("Roles it applies to; empty means everyone."))
    outcomes: list[Ref] = field(factory=list, metadata=doc("Learning outcomes it measures."))
    basis: list[SourceRef] = field(factory=list)


@frozen(repr=False)
class Moment(Model):
    """A measurement moment: before, after, months later..."""

    id: str
    label: str
    session: Ref | None = field(default=None, metadata=doc("Id of the session at which it is filled in."))
    at: str | None = field(default=None, metadata=doc(
        "Id of an agenda item of that session during which it is filled in."))
    before: bool = field(default=False, metadata=doc(
        "Filled in before that session starts, e.g. at home (say where in `timing`)."))
    timing: str | None = field(default=None, metadata=doc(
        "When, in words, if not at a session (e.g. 'drie maanden later', 'vooraf thuis')."))


@frozen(repr=False)
class Analysis(Model):
    """How a participant reads their own scores: the top-N strengths and bottom-N challenges."""

    strengths: int = field(default=5, metadata=doc("Number of highest-scored statements shown as strengths."))
    challenges: int = field(default=5, metadata=doc("Number of lowest-scored statements shown as challenges."))
    note: Markdown | None = None


@frozen(repr=False)
class Prompt(Model):
    """A question of a meter's action plan."""

    id: str
    text: str
    help: Markdown | None = None


@frozen(repr=False)
class Meter(Model):
    """A competence meter (*competentiemeter*)."""

    id: str
    title: str
    scale: Scale = field(metadata=doc("The scale every statement is scored on."))
    domains: list[Domain] = field(metadata=doc("Groups of statements."))
    statements: list[Statement] = field(metadata=doc("What the participant scores."))
    moments: list[Moment] = field(metadata=doc("When the meter is filled in."))
    instructions: Markdown | None = None
    analysis: Analysis = field(factory=Analysis, metadata=doc("How many strengths and challenges a participant picks."))
    action_plan: list[Prompt] = field(factory=list, metadata=doc("Questions of the action plan after the scores."))
    tips: list[Markdown] = field(factory=list)
    roles: list[str] = field(factory=list, metadata=doc("Roles that statements may be tagged with."))
    version: str | None = field(default=None, metadata=doc("Change it when statements change, so old filled-in "
                                                             "meters are recognised as another version."))
    basis: list[SourceRef] = field(factory=list)


QuestionnaireKind = Literal["evaluation", "observation", "feedback", "reflection", "scan", "intake", "other"]
QuestionType = Literal["open", "scale", "choice", "multiple_choice", "checklist", "yes_no"]


@frozen(repr=False)
class Question(Model):
    """A question of a questionnaire."""

    id: str
    text: str
    type: QuestionType = field(default="open", metadata=doc("How it is answered."))
    options: list[str] = field(factory=list, metadata=doc(
        "Answers to choose from (choice, multiple_choice, checklist)."))
    indicators: list[str] = field(factory=list, metadata=doc("What an observer looks for (observation forms)."))
    help: Markdown | None = None
    basis: list[SourceRef] = field(factory=list)


@frozen(repr=False)
class QuestionSection(Model):
    """A titled group of questions."""

    title: str
    questions: list[Question]
    description: Markdown | None = None


@frozen(repr=False)
class Questionnaire(Model):
    """An evaluation, feedback/observation, reflection or scan form."""

    id: str
    title: str
    kind: QuestionnaireKind = field(metadata=doc(
        "What kind of form it is."))
    sections: list[QuestionSection] = field(metadata=doc("Groups of questions."))
    audience: list[Audience] = field(factory=lambda: ["participants"])
    instructions: Markdown | None = None
    scale: Scale | None = field(default=None, metadata=doc("Scale used by its 'scale' questions."))
    sessions: list[Ref] = field(factory=list, metadata=doc("Sessions in which it is used."))
    basis: list[SourceRef] = field(factory=list)

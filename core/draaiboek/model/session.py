"""A session (module, *bijeenkomst*, *dagdeel*) and its agenda: the timed runbook."""

from datetime import time
from typing import Literal

from attrs import field, frozen

from draaiboek.model.common import ZERO, Duration, Grouping, Kind, Markdown, Model, Ref, SourceRef, doc


@frozen(repr=False)
class LearningOutcome(Model):
    """What a participant can do after the session."""

    id: str
    text: Markdown
    basis: list[SourceRef] = field(factory=list)


@frozen(repr=False)
class Step(Model):
    """A timed sub-step of an agenda item, with how the group works during it."""

    title: str
    minutes: Duration
    grouping: Grouping | None = None
    group_size: str | None = field(default=None, metadata=doc("e.g. '3-4' or 'groepjes van 3'."))
    description: Markdown | None = None


@frozen(repr=False)
class AgendaItem(Model):
    """One runbook row. Its duration is `minutes`, or the sum of its steps."""

    title: str
    kind: Kind = "activity"
    id: str | None = None
    optional: bool = field(default=False, metadata=doc("Done only when there is time left ('als er tijd over is')."))
    goal: Markdown | None = None
    outcomes: list[Ref] = field(factory=list, metadata=doc("Ids of learning outcomes this row works on."))
    work_format: Ref | None = field(default=None, metadata=doc("Id of a work format, or 'pack:id'."))
    variant: str | None = field(default=None, metadata=doc("Id of the work format variant used here."))
    description: Markdown | None = field(default=None, metadata=doc("What happens, for the trainer."))
    assignment: Markdown | None = field(default=None, metadata=doc("The assignment in the participants' words."))
    minutes: Duration | None = None
    steps: list[Step] = field(factory=list)
    grouping: Grouping | None = None
    group_size: str | None = None
    materials: list[str] = field(factory=list)
    tips: list[Markdown] = field(factory=list)
    cases: list[Ref] = field(factory=list, metadata=doc("Ids of cases used here."))
    handouts: list[Ref] = field(factory=list, metadata=doc("Ids of hand-outs used here."))
    instruments: list[Ref] = field(factory=list, metadata=doc("Ids of meters or questionnaires used here."))
    basis: list[SourceRef] = field(factory=list)

    @property
    def duration(self) -> Duration:
        if self.minutes is not None:
            return self.minutes
        total = ZERO
        for step in self.steps:
            total = total + step.minutes
        return total


@frozen(repr=False)
class PrepTask(Model):
    """Something participants do before a session: reading, an assignment, questions to answer."""

    text: Markdown
    kind: Literal["reading", "assignment", "questions", "instrument", "other"] = "other"
    questions: list[str] = field(factory=list)
    refs: list[Ref] = field(factory=list, metadata=doc("Literature, handouts or instruments it uses."))


@frozen(repr=False)
class Assignment(Model):
    """Homework or a practice assignment between sessions."""

    title: str
    text: Markdown
    id: str | None = None
    due: Ref | None = field(default=None, metadata=doc("Id of the session it is due for."))
    questions: list[str] = field(factory=list)
    instruments: list[Ref] = field(factory=list, metadata=doc("Ids of meters or questionnaires it uses."))
    basis: list[SourceRef] = field(factory=list)


@frozen(repr=False)
class RequiredRole(Model):
    """A person besides the trainer a session needs (actor, experience expert, co-trainer)."""

    role: str = field(metadata=doc("The role, e.g. actor or experience expert."))
    briefing: Markdown | None = field(default=None, metadata=doc("What they need to know (Markdown)."))


@frozen(repr=False)
class Session(Model):
    """A session (module, bijeenkomst, dagdeel): its learning outcomes and its timed agenda."""

    id: str
    title: str
    kind: str = field(default="module", metadata=doc("What the pack calls it: module, bijeenkomst, dagdeel..."))
    number: int | None = field(default=None, metadata=doc("Number printed with the title, e.g. 'Module 2'."))
    duration: Duration | None = field(default=None, metadata=doc("Stated duration in minutes ('235' or '60-90')."))
    start: time | None = field(default=None, metadata=doc("Clock time the session starts, e.g. '13:00'."))
    phase: Literal["main", "follow_up"] = field(default="main", metadata=doc(
        "'follow_up' for a session held later (terugkombijeenkomst)."))
    timing: str | None = field(default=None, metadata=doc("When it takes place, e.g. 'drie maanden na de afsluiting'."))
    optional: bool = False
    introduction: Markdown | None = field(default=None, metadata=doc("Introduction for the trainer (Markdown)."))
    learning_outcomes: list[LearningOutcome] = field(factory=list, metadata=doc(
        "What participants can do after the session."))
    programme: list[Markdown] = field(factory=list, metadata=doc("The programme in a few lines, for participants."))
    preparation: list[PrepTask] = field(factory=list, metadata=doc("What participants do before the session."))
    trainer_preparation: list[Markdown] = field(factory=list, metadata=doc("What the trainer prepares."))
    materials: list[str] = field(factory=list)
    roles: list[RequiredRole] = field(factory=list, metadata=doc("People besides the trainer the session needs."))
    agenda: list[AgendaItem] = field(factory=list, metadata=doc("The timed runbook rows."))
    homework: list[Assignment] = field(factory=list, metadata=doc("Assignments after the session."))
    notes: Markdown | None = field(default=None, metadata=doc("Trainer notes for the session as a whole."))
    basis: list[SourceRef] = field(factory=list)

    @property
    def agenda_duration(self) -> Duration:
        total = ZERO
        for item in self.agenda:
            total = total + item.duration
        return total

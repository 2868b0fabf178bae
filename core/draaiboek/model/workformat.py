"""Work formats (*werkvormen*): reusable across sessions, trainings and packs."""

from attrs import field, frozen

from draaiboek.model.common import Duration, Grouping, Markdown, Model, Ref, SourceRef, doc


@frozen(repr=False)
class FormatStep(Model):
    """One step of a work format; `minutes` is optional, formats are timed where they are used."""

    text: Markdown
    title: str | None = None
    minutes: Duration | None = None
    grouping: Grouping | None = None


@frozen(repr=False)
class Variant(Model):
    """A named variation of a work format (a compact version, another grouping, a technique)."""

    id: str
    name: str
    description: Markdown
    steps: list[FormatStep] = field(factory=list)
    duration: Duration | None = None
    grouping: Grouping | None = field(default=None, metadata=doc("Overrides the work format's grouping."))
    group_size: str | None = field(default=None, metadata=doc("Overrides the work format's group size."))
    assignment: Markdown | None = field(default=None, metadata=doc("Overrides the work format's assignment."))
    materials: list[str] = field(factory=list, metadata=doc("When given, replaces the work format's materials."))


@frozen(repr=False)
class WorkFormat(Model):
    """A work format (werkvorm): a reusable way of working that agenda items refer to. Under `work_formats:`."""

    id: str
    name: str
    category: str = field(
        default="oefening",
        metadata=doc("Kind of work format, e.g. kennismaking, rollenspel, casusbespreking, reflectie, intervisie."),
    )
    goal: Markdown | None = None
    description: Markdown | None = None
    assignment: Markdown | None = field(default=None, metadata=doc("Instruction in the participants' words."))
    steps: list[FormatStep] = field(factory=list)
    grouping: Grouping | None = None
    group_size: str | None = None
    duration: Duration | None = None
    materials: list[str] = field(factory=list)
    preparation: list[Markdown] = field(factory=list, metadata=doc("What the trainer prepares."))
    rules: list[Markdown] = field(factory=list, metadata=doc("Rules participants keep to."))
    debrief_questions: list[str] = field(factory=list, metadata=doc("Questions for the debrief."))
    cautions: list[Markdown] = field(factory=list, metadata=doc("What to watch out for (Markdown)."))
    variants: list[Variant] = field(factory=list, metadata=doc("Named variations of this work format."))
    techniques: list[Ref] = field(factory=list, metadata=doc(
        "Other work formats this one uses (e.g. a role-play technique)."))
    tips: list[Markdown] = field(factory=list)
    basis: list[SourceRef] = field(factory=list)

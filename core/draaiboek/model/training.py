"""A training: the programme as a whole, around its sessions."""

from datetime import time
from typing import Literal

from attrs import field, frozen

from draaiboek.model.common import Audience, EditorialNote, Markdown, Model, Ref, SourceRef, doc
from draaiboek.model.session import Session


@frozen(repr=False)
class TrainingAudience(Model):
    """Who the training is for and who gives it."""

    participants: Markdown = field(metadata=doc("Who takes part (Markdown)."))
    trainers: Markdown | None = field(default=None, metadata=doc("Who gives it (Markdown)."))
    group_size: str | None = field(default=None, metadata=doc("Number of participants, e.g. '8-14'."))
    level: str | None = field(default=None, metadata=doc("Level of the participants, e.g. 'hbo'."))


@frozen(repr=False)
class PrepItem(Model):
    """A line of the trainer's preparation checklist."""

    task: Markdown = field(metadata=doc("What the trainer does (Markdown)."))
    when: str | None = field(default=None, metadata=doc("e.g. 'minstens een week vooraf'."))
    days_before: int | None = field(default=None, metadata=doc("The same moment in days, for sorting."))
    who: str | None = field(default=None, metadata=doc("Who does it, when not the trainer."))
    basis: list[SourceRef] = field(factory=list)


@frozen(repr=False)
class IntakeTopic(Model):
    """A topic of the intake conversation."""

    topic: str = field(metadata=doc("The topic."))
    guidance: Markdown | None = field(default=None, metadata=doc("What to ask or agree on (Markdown)."))


@frozen(repr=False)
class Intake(Model):
    """The preparatory conversation with the commissioning party."""

    party: str = field(metadata=doc("Who the trainer talks to, e.g. the commissioning municipality."))
    topics: list[IntakeTopic] = field(metadata=doc("Topics to discuss."))
    description: Markdown | None = None
    when: str | None = None
    basis: list[SourceRef] = field(factory=list)


@frozen(repr=False)
class LocalParameter(Model):
    """A value an organisation fills in before delivering the training (a route, a mandate, names)."""

    id: str
    label: str
    description: Markdown | None = None
    example: str | None = field(default=None, metadata=doc("An example value, shown where the setting is asked for."))
    required: bool = field(default=True, metadata=doc("false: the organisation may leave it empty."))
    basis: list[SourceRef] = field(factory=list)


@frozen(repr=False)
class TemplateField(Model):
    """A {placeholder} of a message template and what to fill in."""

    name: str
    description: str


@frozen(repr=False)
class MessageTemplate(Model):
    """A text with `{field}` placeholders, e.g. the follow-up e-mail."""

    body: Markdown = field(metadata=doc("The message, with {field} placeholders (Markdown)."))
    subject: str | None = field(default=None, metadata=doc("Subject line."))
    fields: list[TemplateField] = field(factory=list, metadata=doc("The placeholders the message uses."))


@frozen(repr=False)
class AftercareItem(Model):
    """Something that happens after the last session, e.g. a follow-up e-mail."""

    title: str
    description: Markdown | None = None
    when: str | None = None
    template: MessageTemplate | None = field(default=None, metadata=doc(
        "A message with {field} placeholders, e.g. a follow-up e-mail."))
    basis: list[SourceRef] = field(factory=list)


@frozen(repr=False)
class Handout(Model):
    """A hand-out for participants (or another audience), included in the pack or obtained elsewhere."""

    id: str
    title: str
    audience: list[Audience] = field(factory=lambda: ["participants"])
    description: Markdown | None = None
    content: Markdown | None = field(default=None, metadata=doc("The hand-out's content (Markdown)."))
    items: list[str] = field(factory=list, metadata=doc("List content, e.g. labels on a form."))
    included: bool = field(default=True, metadata=doc("False when the source mentions it but does not contain it."))
    optional: bool = False
    distribute: str | None = field(default=None, metadata=doc("When it is handed out."))
    sessions: list[Ref] = field(factory=list)
    external: str | None = field(default=None, metadata=doc("Where to get it when it is not included."))
    file: str | None = field(default=None, metadata=doc("A file shipped in the pack folder (PDF, image), relative."))
    warning: Markdown | None = field(default=None, metadata=doc("A caution printed with it (Markdown)."))
    basis: list[SourceRef] = field(factory=list)


LiteratureRole = Literal["participant_reading", "trainer_background", "further_reading", "order_only"]


@frozen(repr=False)
class Literature(Model):
    """A reading: for participants, as trainer background, or further reading."""

    id: str
    citation: Markdown = field(metadata=doc("Full reference (Markdown)."))
    role: LiteratureRole = field(metadata=doc("How it is used."))
    pages: str | None = field(default=None, metadata=doc("Pages to read, e.g. '1-6'."))
    url: str | None = field(default=None, metadata=doc("Where it can be found."))
    available: bool | None = field(default=None, metadata=doc("Whether the source says a PDF is provided."))
    sessions: list[Ref] = field(factory=list)
    note: Markdown | None = None
    basis: list[SourceRef] = field(factory=list)


@frozen(repr=False)
class Training(Model):
    """A training programme: its audience, sessions, hand-outs and literature. In pack.yaml or any file under
    `trainings:`.
    """

    id: str
    title: str
    audience: TrainingAudience = field(metadata=doc("Who the training is for."))
    sessions: list[Session] = field(metadata=doc("The sessions in order."))
    subtitle: str | None = field(default=None, metadata=doc("Subtitle printed under the title."))
    version: str | None = field(default=None, metadata=doc(
        "Version of this training's content, when it differs from the pack's."))
    start: time | None = field(default=None, metadata=doc("Clock time every session starts unless it says otherwise."))
    summary: Markdown | None = None
    background: Markdown | None = field(default=None, metadata=doc("Background for the trainer (Markdown)."))
    goals: list[Markdown] = field(factory=list, metadata=doc("Goals of the training as a whole."))
    trainer_prerequisites: list[Markdown] = field(factory=list, metadata=doc(
        "What a trainer needs to know or be able to do."))
    preparation: list[PrepItem] = field(factory=list, metadata=doc("The trainer's preparation checklist."))
    intake: Intake | None = field(default=None, metadata=doc("The conversation with the commissioning party."))
    parameters: list[LocalParameter] = field(factory=list, metadata=doc(
        "Settings an organisation fills in before delivery (a route, a mandate, names)."))
    aftercare: list[AftercareItem] = field(factory=list, metadata=doc("What happens after the last session."))
    tips: list[Markdown] = field(factory=list)
    handouts: list[Handout] = field(factory=list, metadata=doc("Hand-outs the training uses."))
    literature: list[Literature] = field(factory=list, metadata=doc("Literature the training uses."))
    instruments: list[Ref] = field(factory=list, metadata=doc("Meters and questionnaires this training uses."))
    cases: list[Ref] = field(factory=list, metadata=doc("Cases this training uses."))
    editorial_notes: list[EditorialNote] = field(factory=list)
    basis: list[SourceRef] = field(factory=list)

    def session(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)

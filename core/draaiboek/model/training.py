"""A training: the programme as a whole, around its sessions."""

from __future__ import annotations

from datetime import time
from typing import Literal

from attrs import field, frozen

from draaiboek.model.common import Audience, EditorialNote, Markdown, Ref, SourceRef, doc
from draaiboek.model.session import Session


@frozen
class TrainingAudience:
    participants: Markdown
    trainers: Markdown | None = None
    group_size: str | None = None
    level: str | None = None


@frozen
class PrepItem:
    """A line of the trainer's preparation checklist."""

    task: Markdown
    when: str | None = field(default=None, metadata=doc("e.g. 'minstens een week vooraf'."))
    days_before: int | None = field(default=None, metadata=doc("The same moment in days, for sorting."))
    who: str | None = None
    basis: list[SourceRef] = field(factory=list)


@frozen
class IntakeTopic:
    topic: str
    guidance: Markdown | None = None


@frozen
class Intake:
    """The preparatory conversation with the commissioning party."""

    party: str = field(metadata=doc("Who the trainer talks to, e.g. the commissioning municipality."))
    topics: list[IntakeTopic]
    description: Markdown | None = None
    when: str | None = None
    basis: list[SourceRef] = field(factory=list)


@frozen
class LocalParameter:
    """A value an organisation fills in before delivering the training (a route, a mandate, names)."""

    id: str
    label: str
    description: Markdown | None = None
    example: str | None = None
    required: bool = True
    basis: list[SourceRef] = field(factory=list)


@frozen
class TemplateField:
    name: str
    description: str


@frozen
class MessageTemplate:
    """A text with `{field}` placeholders, e.g. the follow-up e-mail."""

    body: Markdown
    subject: str | None = None
    fields: list[TemplateField] = field(factory=list)


@frozen
class AftercareItem:
    title: str
    description: Markdown | None = None
    when: str | None = None
    template: MessageTemplate | None = None
    basis: list[SourceRef] = field(factory=list)


@frozen
class Handout:
    id: str
    title: str
    audience: list[Audience] = field(factory=lambda: ["participants"])
    description: Markdown | None = None
    content: Markdown | None = None
    items: list[str] = field(factory=list, metadata=doc("List content, e.g. labels on a form."))
    included: bool = field(default=True, metadata=doc("False when the source mentions it but does not contain it."))
    optional: bool = False
    distribute: str | None = field(default=None, metadata=doc("When it is handed out."))
    sessions: list[Ref] = field(factory=list)
    external: str | None = field(default=None, metadata=doc("Where to get it when it is not included."))
    file: str | None = field(default=None, metadata=doc("A file shipped in the pack folder (PDF, image), relative."))
    warning: Markdown | None = None
    basis: list[SourceRef] = field(factory=list)


LiteratureRole = Literal["participant_reading", "trainer_background", "further_reading", "order_only"]


@frozen
class Literature:
    id: str
    citation: Markdown
    role: LiteratureRole
    pages: str | None = None
    url: str | None = None
    available: bool | None = field(default=None, metadata=doc("Whether the source says a PDF is provided."))
    sessions: list[Ref] = field(factory=list)
    note: Markdown | None = None
    basis: list[SourceRef] = field(factory=list)


@frozen
class Training:
    id: str
    title: str
    audience: TrainingAudience
    sessions: list[Session]
    subtitle: str | None = None
    version: str | None = None
    start: time | None = field(default=None, metadata=doc("Clock time every session starts unless it says otherwise."))
    summary: Markdown | None = None
    background: Markdown | None = None
    goals: list[Markdown] = field(factory=list)
    trainer_prerequisites: list[Markdown] = field(factory=list)
    preparation: list[PrepItem] = field(factory=list)
    intake: Intake | None = None
    parameters: list[LocalParameter] = field(factory=list)
    aftercare: list[AftercareItem] = field(factory=list)
    tips: list[Markdown] = field(factory=list)
    handouts: list[Handout] = field(factory=list)
    literature: list[Literature] = field(factory=list)
    instruments: list[Ref] = field(factory=list, metadata=doc("Meters and questionnaires this training uses."))
    cases: list[Ref] = field(factory=list, metadata=doc("Cases this training uses."))
    editorial_notes: list[EditorialNote] = field(factory=list)
    basis: list[SourceRef] = field(factory=list)

    def session(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)

"""The content pack: everything one folder of YAML holds."""

from __future__ import annotations

from attrs import field, frozen

from draaiboek.model.assessment import Meter, Questionnaire
from draaiboek.model.case import Case
from draaiboek.model.common import AcceptedWarning, EditorialNote, Markdown, Source, doc
from draaiboek.model.training import Training
from draaiboek.model.workformat import WorkFormat


@frozen
class GlossaryEntry:
    """A term participants may not know (mostly an acronym), spelled out once for the whole pack."""

    term: str = field(metadata=doc("The term as the texts write it, e.g. 'AVG'."))
    expansion: str = field(metadata=doc("What it stands for, e.g. 'Algemene verordening gegevensbescherming'."))
    explanation: Markdown | None = field(default=None, metadata=doc("One or two plain sentences for participants."))
    aliases: list[str] = field(factory=list, metadata=doc("Other spellings the texts use, e.g. 'avg'."))

    @property
    def spellings(self) -> list[str]:
        return [self.term, *self.aliases]


@frozen
class Pack:
    id: str
    title: str
    language: str
    version: str
    authors: list[str]
    licence: str
    sources: list[Source] = field(factory=list)
    description: Markdown | None = None
    attribution: Markdown | None = None
    editorial_notes: list[EditorialNote] = field(factory=list)
    accepted_warnings: list[AcceptedWarning] = field(factory=list)
    glossary: list[GlossaryEntry] = field(factory=list, metadata=doc(
        "Acronyms and terms spelled out for participants; exporters print the ones a text uses."))
    trainings: list[Training] = field(factory=list)
    work_formats: list[WorkFormat] = field(factory=list)
    cases: list[Case] = field(factory=list)
    meters: list[Meter] = field(factory=list)
    questionnaires: list[Questionnaire] = field(factory=list)

    def training(self, training_id: str) -> Training | None:
        return next((t for t in self.trainings if t.id == training_id), None)

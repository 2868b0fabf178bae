"""The content pack: everything one folder of YAML holds."""

from attrs import field, frozen

from draaiboek.model.assessment import Meter, Questionnaire
from draaiboek.model.case import Case
from draaiboek.model.common import AcceptedWarning, EditorialNote, Markdown, Model, Source, doc
from draaiboek.model.training import Training
from draaiboek.model.workformat import WorkFormat


@frozen(repr=False)
class GlossaryEntry(Model):
    """A term participants may not know (mostly an acronym), spelled out once for the whole pack."""

    term: str = field(metadata=doc("The term as the texts write it, e.g. 'AVG'."))
    expansion: str = field(metadata=doc("What it stands for, e.g. 'Algemene verordening gegevensbescherming'."))
    explanation: Markdown | None = field(default=None, metadata=doc("One or two plain sentences for participants."))
    aliases: list[str] = field(factory=list, metadata=doc("Other spellings the texts use, e.g. 'avg'."))

    @property
    def spellings(self) -> list[str]:
        return [self.term, *self.aliases]


@frozen(repr=False)
class Pack(Model):
    """The content pack. pack.yaml holds these fields; other files hold only the lists."""

    id: str
    title: str
    language: str = field(metadata=doc("Language of the pack's texts and of generated output, e.g. 'nl'."))
    version: str = field(metadata=doc("Version of the pack's content, e.g. '1.0'; raise it when the content changes."))
    authors: list[str] = field(metadata=doc("Names of the pack's authors or editors."))
    licence: str = field(metadata=doc("Licence of the pack's own texts, e.g. 'CC BY 4.0'."))
    sources: list[Source] = field(factory=list, metadata=doc(
        "Documents the pack is based on; `basis` entries name their ids."))
    description: Markdown | None = None
    attribution: Markdown | None = field(default=None, metadata=doc(
        "Credit line printed on closing slides and in the handbook (Markdown)."))
    editorial_notes: list[EditorialNote] = field(factory=list)
    accepted_warnings: list[AcceptedWarning] = field(factory=list, metadata=doc(
        "Check warnings the editors accept, each with its reason."))
    glossary: list[GlossaryEntry] = field(factory=list, metadata=doc(
        "Acronyms and terms spelled out for participants; exporters print the ones a text uses."))
    trainings: list[Training] = field(factory=list, metadata=doc("The trainings of the pack."))
    work_formats: list[WorkFormat] = field(factory=list, metadata=doc(
        "Work formats (werkvormen) agenda items refer to."))
    cases: list[Case] = field(factory=list, metadata=doc("Cases (casuistiek) agenda items refer to."))
    meters: list[Meter] = field(factory=list, metadata=doc("Competence meters."))
    questionnaires: list[Questionnaire] = field(factory=list, metadata=doc(
        "Evaluation, observation, feedback, reflection and other forms."))

    def training(self, training_id: str) -> Training | None:
        return next((t for t in self.trainings if t.id == training_id), None)

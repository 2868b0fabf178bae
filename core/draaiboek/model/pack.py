"""The content pack: everything one folder of YAML holds."""

from __future__ import annotations

from attrs import field, frozen

from draaiboek.model.assessment import Meter, Questionnaire
from draaiboek.model.case import Case
from draaiboek.model.common import AcceptedWarning, EditorialNote, Markdown, Source
from draaiboek.model.training import Training
from draaiboek.model.workformat import WorkFormat


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
    trainings: list[Training] = field(factory=list)
    work_formats: list[WorkFormat] = field(factory=list)
    cases: list[Case] = field(factory=list)
    meters: list[Meter] = field(factory=list)
    questionnaires: list[Questionnaire] = field(factory=list)

    def training(self, training_id: str) -> Training | None:
        return next((t for t in self.trainings if t.id == training_id), None)

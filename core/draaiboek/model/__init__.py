"""The domain model. Plain attrs classes: no YAML, no pptx, no I/O.

The model's modules evaluate their annotations when a class is made (no ``from __future__ import annotations``):
cattrs reads the field types of every class it structures, and annotations kept as strings would be compiled
again on every start (about 4 ms of a ``check``). A method naming its own class quotes it.
"""

from draaiboek.model.assessment import (
    Analysis,
    Domain,
    Meter,
    Moment,
    Prompt,
    Question,
    Questionnaire,
    QuestionSection,
    Scale,
    ScalePoint,
    Statement,
)
from draaiboek.model.case import ArcStep, Case, CaseLayer, Fact, Reveal, RoleCard
from draaiboek.model.common import (
    ZERO,
    AcceptedWarning,
    Duration,
    EditorialNote,
    Source,
    SourceRef,
)
from draaiboek.model.pack import GlossaryEntry, Pack
from draaiboek.model.session import AgendaItem, Assignment, LearningOutcome, PrepTask, RequiredRole, Session, Step
from draaiboek.model.training import (
    AftercareItem,
    Handout,
    Intake,
    IntakeTopic,
    Literature,
    LocalParameter,
    MessageTemplate,
    PrepItem,
    TemplateField,
    Training,
    TrainingAudience,
)
from draaiboek.model.workformat import FormatStep, Variant, WorkFormat

__all__ = [
    "ZERO", "AcceptedWarning", "AftercareItem", "AgendaItem", "Analysis", "ArcStep", "Assignment", "Case",
    "CaseLayer", "Domain", "Duration", "EditorialNote", "Fact", "FormatStep", "GlossaryEntry", "Handout", "Intake",
    "IntakeTopic", "LearningOutcome", "Literature", "LocalParameter", "MessageTemplate", "Meter", "Moment", "Pack",
    "PrepItem", "PrepTask", "Prompt", "Question", "QuestionSection", "Questionnaire", "RequiredRole", "Reveal",
    "RoleCard", "Scale",
    "ScalePoint", "Session", "Source", "SourceRef", "Statement", "Step", "TemplateField", "Training",
    "TrainingAudience", "Variant", "WorkFormat",
]

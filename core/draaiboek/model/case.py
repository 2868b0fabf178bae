"""Cases (*casuïstiek*): layered information, revealed per audience and session, with role cards."""

from __future__ import annotations

from attrs import field, frozen

from draaiboek.model.common import Audience, Markdown, Ref, SourceRef, doc


@frozen
class Fact:
    label: str
    value: str


@frozen
class CaseLayer:
    """A piece of the case that one audience may see, from one session on."""

    id: str
    title: str
    text: Markdown
    audience: list[Audience] = field(factory=lambda: ["participants"])
    reveal: Ref | None = field(default=None, metadata=doc("Id of the session in which it is revealed."))


@frozen
class RoleCard:
    id: str
    role: str
    text: Markdown
    played_by: Audience = "participants"
    sessions: list[Ref] = field(factory=list)
    audience: list[Audience] = field(factory=lambda: ["role_player"])


@frozen
class ArcStep:
    """Where the case stands in one session: the goal of the conversation and who plays the client."""

    session: Ref
    goal: Markdown
    played_by: Audience | None = None
    label: str | None = field(default=None, metadata=doc("How the step is called, e.g. 'gesprek 2'."))


@frozen
class Case:
    id: str
    title: str
    summary: Markdown | None = None
    name_variants: list[str] = field(factory=list, metadata=doc("Other names the trainer may use, e.g. Johanna."))
    target_group: str | None = None
    choice_group: str | None = field(default=None, metadata=doc("Cases sharing a choice group: the trainer picks one."))
    facts: list[Fact] = field(factory=list)
    layers: list[CaseLayer] = field(factory=list)
    role_cards: list[RoleCard] = field(factory=list)
    arc: list[ArcStep] = field(factory=list)
    basis: list[SourceRef] = field(factory=list)

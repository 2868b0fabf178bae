"""Cases (*casuïstiek*): layered information, revealed per audience and session, with role cards."""

from attrs import field, frozen

from draaiboek.model.common import Audience, Markdown, Model, Ref, SourceRef, doc


@frozen(repr=False)
class Fact(Model):
    """A key fact of a case, shown as label and value (e.g. Leeftijd: 34 jaar)."""

    label: str
    value: str = field(metadata=doc("The value, e.g. '34 jaar'."))


@frozen(repr=False)
class Reveal(Model):
    """When a layer becomes visible: from the start of a session, or at or after one of its agenda items.

    YAML accepts the shorthand ``reveal: m2`` (from the start of session m2, for every audience).
    """

    session: Ref = field(metadata=doc("Id of the session in which it is revealed."))
    at: str | None = field(default=None, metadata=doc("Id of an agenda item of that session: from its start."))
    after: str | None = field(default=None, metadata=doc("Id of an agenda item of that session: once it is over."))
    audience: list[Audience] = field(factory=list, metadata=doc(
        "Audiences this moment is for; empty: every audience of the layer that no other entry names."))


@frozen(repr=False)
class CaseLayer(Model):
    """A piece of the case that some audiences may see, each from its own moment on."""

    id: str
    title: str
    text: Markdown
    audience: list[Audience] = field(factory=lambda: ["participants"])
    reveal: list[Reveal] = field(factory=list, metadata=doc(
        "When it is revealed: a session id, or {session, at|after: agenda item id, audience}, or a list of "
        "those for different audiences. Empty: known from the start."))


@frozen(repr=False)
class RoleCard(Model):
    """A card for whoever plays a role in a role-play."""

    id: str
    role: str = field(metadata=doc("The role, e.g. 'Moeder'."))
    text: Markdown
    played_by: Audience = field(default="participants", metadata=doc("Who plays the role."))
    sessions: list[Ref] = field(factory=list)
    audience: list[Audience] = field(factory=lambda: ["role_player"])


@frozen(repr=False)
class ArcStep(Model):
    """Where the case stands in one session: the goal of the conversation and who plays the client."""

    session: Ref = field(metadata=doc("Id of the session."))
    goal: Markdown
    played_by: Audience | None = field(default=None, metadata=doc("Who plays the client in that session."))
    label: str | None = field(default=None, metadata=doc("How the step is called, e.g. 'gesprek 2'."))


@frozen(repr=False)
class Case(Model):
    """A case (casus): a story told in layers, with role cards for role-plays. Under `cases:`."""

    id: str
    title: str
    summary: Markdown | None = None
    name_variants: list[str] = field(factory=list, metadata=doc("Other names the trainer may use, e.g. Johanna."))
    target_group: str | None = field(default=None, metadata=doc("The client group of the case, e.g. LVB."))
    choice_group: str | None = field(default=None, metadata=doc("Cases sharing a choice group: the trainer picks one."))
    facts: list[Fact] = field(factory=list, metadata=doc("Key facts as label and value."))
    layers: list[CaseLayer] = field(factory=list, metadata=doc(
        "The case in pieces, each with its audiences and reveal moments."))
    role_cards: list[RoleCard] = field(factory=list, metadata=doc("Role cards for role-plays."))
    arc: list[ArcStep] = field(factory=list, metadata=doc("Where the case stands in each session."))
    basis: list[SourceRef] = field(factory=list)

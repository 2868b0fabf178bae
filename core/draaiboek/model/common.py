"""Small value types shared by the whole model: durations, references, source citations."""

from typing import Literal, cast

from attrs import AttrsInstance, field, fields, frozen

#: Prose fields hold Markdown (bold, italics, lists, links); exporters render it.
Markdown = str

#: A reference to something with an id: ``"id"`` inside the same pack, ``"other-pack:id"`` across packs.
Ref = str

Grouping = Literal[
    "plenary", "subgroups", "pairs", "trios", "individual", "parallel_groups", "teams", "mixed"
]
Audience = Literal[
    "participants", "trainers", "actor", "role_player", "observers", "experience_expert", "commissioner"
]


class Model:
    """The base of every model class, for its ``__repr__``: one function for all of them, where attrs would generate
    and compile one per class (about a sixth of importing the model, paid by every command that loads a pack).
    Its text is attrs' own: ``Duration(low=20, high=20)``."""

    __slots__ = ()

    def __repr__(self) -> str:
        own = fields(cast("type[AttrsInstance]", type(self)))
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in own if f.repr)
        return f"{type(self).__qualname__}({shown})"


def doc(text: str) -> dict[str, str]:
    """Field metadata carrying the author-facing description (used by the JSON Schema)."""
    return {"doc": text}


@frozen(repr=False)
class Duration(Model):
    """Minutes, either fixed (``20``) or a range (``"15-20"``): ``low <= high``."""

    low: int
    high: int

    @classmethod
    def fixed(cls, minutes: int) -> "Duration":
        return cls(minutes, minutes)

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    def __add__(self, other: "Duration") -> "Duration":
        return Duration(self.low + other.low, self.high + other.high)

    def overlaps(self, other: "Duration") -> bool:
        return self.low <= other.high and other.low <= self.high

    def __str__(self) -> str:
        return f"{self.low}" if not self.is_range else f"{self.low}-{self.high}"


ZERO = Duration(0, 0)


@frozen(repr=False)
class SourceRef(Model):
    """Where an element comes from: a source id of the pack plus a section, page or line range."""

    source: str = field(metadata=doc("Id of a source listed in pack.yaml `sources`."))
    section: str | None = field(default=None, metadata=doc("Section, page or line range in that source."))
    note: Markdown | None = field(default=None, metadata=doc("How the element follows from the source."))


@frozen(repr=False)
class Source(Model):
    """A document a pack is based on, with its reuse condition."""

    id: str
    title: str
    authors: list[str] = field(factory=list, metadata=doc("Authors of the source."))
    year: int | None = field(default=None, metadata=doc("Year of publication."))
    publisher: str | None = field(default=None, metadata=doc("Publisher or commissioning organisation."))
    url: str | None = field(default=None, metadata=doc("Where the source can be found."))
    kind: str | None = field(default=None, metadata=doc("e.g. manual, guideline, report, thesis."))
    licence: str | None = field(default=None, metadata=doc("Reuse condition as stated by the source."))
    attribution: Markdown | None = field(default=None, metadata=doc("The credit line decks and handbooks print."))
    status: str | None = field(default=None, metadata=doc("e.g. 'concept' for a draft."))
    note: Markdown | None = None


@frozen(repr=False)
class EditorialNote(Model):
    """A decision the pack's editors made where a source is silent or inconsistent."""

    topic: str = field(metadata=doc("What the decision is about."))
    decision: Markdown = field(metadata=doc("What the editors decided (Markdown)."))
    id: str | None = None
    reason: Markdown | None = field(default=None, metadata=doc("Why (Markdown)."))
    basis: list[SourceRef] = field(factory=list)


@frozen(repr=False)
class AcceptedWarning(Model):
    """A check warning the editors accept, with the reason (printed next to the warning)."""

    code: str = field(metadata=doc("Check code of the warning, e.g. COVER002."))
    reason: Markdown = field(metadata=doc("Why the warning is accepted (printed next to it)."))
    ref: str | None = field(default=None, metadata=doc("Id the warning is about; empty accepts all of that code."))


Kind = Literal["activity", "break", "evaluation", "opening", "closing", "introduction", "assessment"]

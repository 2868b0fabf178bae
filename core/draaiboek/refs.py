"""Ids and references: the id index of a pack, and resolving ``id`` / ``other-pack:id``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from draaiboek.model import (
    Case,
    Handout,
    LearningOutcome,
    Literature,
    Meter,
    Pack,
    Questionnaire,
    Session,
    Source,
    Training,
    WorkFormat,
)

T = TypeVar("T")

#: The kinds that share the pack-wide id namespace, with the model class each holds.
KINDS: dict[str, type] = {
    "training": Training,
    "session": Session,
    "learning outcome": LearningOutcome,
    "work format": WorkFormat,
    "case": Case,
    "meter": Meter,
    "questionnaire": Questionnaire,
    "handout": Handout,
    "literature": Literature,
    "source": Source,
}


def kind_of(obj: object) -> str:
    return next(name for name, cls in KINDS.items() if isinstance(obj, cls))


def iter_identified(pack: Pack) -> Iterator[tuple[str, object, tuple[str | int, ...]]]:
    """Every object in the pack-wide namespace as (id, object, field path), in file order."""
    for i, source in enumerate(pack.sources):
        yield source.id, source, ("sources", i)
    for t, training in enumerate(pack.trainings):
        tpath = ("trainings", t)
        yield training.id, training, tpath
        for s, session in enumerate(training.sessions):
            spath = (*tpath, "sessions", s)
            yield session.id, session, spath
            for o, outcome in enumerate(session.learning_outcomes):
                yield outcome.id, outcome, (*spath, "learning_outcomes", o)
        for h, handout in enumerate(training.handouts):
            yield handout.id, handout, (*tpath, "handouts", h)
        for li, literature in enumerate(training.literature):
            yield literature.id, literature, (*tpath, "literature", li)
    for name in ("work_formats", "cases", "meters", "questionnaires"):
        for i, obj in enumerate(getattr(pack, name)):
            yield obj.id, obj, (name, i)


def build_index(pack: Pack) -> dict[str, object]:
    """Id -> object; the first one wins (duplicates are reported by ``check``)."""
    index: dict[str, object] = {}
    for ident, obj, _ in iter_identified(pack):
        index.setdefault(ident, obj)
    return index


def split_ref(ref: str) -> tuple[str | None, str]:
    """``"pack:id"`` -> ("pack", "id"); ``"id"`` -> (None, "id")."""
    if ":" in ref:
        pack_id, _, ident = ref.partition(":")
        return pack_id, ident
    return None, ref


class Resolver:
    """Resolves references from one pack, loading other packs on demand through ``load_pack``."""

    def __init__(self, pack: Pack, load_pack: Callable[[str], Pack | None] | None = None) -> None:
        self.pack = pack
        self._load_pack = load_pack
        self._indexes: dict[str, dict[str, object] | None] = {pack.id: build_index(pack)}

    def for_pack(self, pack: Pack) -> Resolver:
        """A resolver for a changed copy of the same pack (e.g. with organisation settings filled in)."""
        return Resolver(pack, self._load_pack)

    def _index(self, pack_id: str) -> dict[str, object] | None:
        if pack_id not in self._indexes:
            other = self._load_pack(pack_id) if self._load_pack else None
            self._indexes[pack_id] = build_index(other) if other is not None else None
        return self._indexes[pack_id]

    def has_pack(self, pack_id: str) -> bool:
        return self._index(pack_id) is not None

    def lookup(self, ref: str) -> object | None:
        pack_id, ident = split_ref(ref)
        index = self._index(pack_id or self.pack.id)
        return None if index is None else index.get(ident)

    def get(self, ref: str, cls: type[T]) -> T | None:
        found = self.lookup(ref)
        return found if isinstance(found, cls) else None

    def work_format(self, ref: str) -> WorkFormat | None:
        return self.get(ref, WorkFormat)

    def case(self, ref: str) -> Case | None:
        return self.get(ref, Case)

    def meter(self, ref: str) -> Meter | None:
        return self.get(ref, Meter)

    def questionnaire(self, ref: str) -> Questionnaire | None:
        return self.get(ref, Questionnaire)

    def handout(self, ref: str) -> Handout | None:
        return self.get(ref, Handout)

    def instrument(self, ref: str) -> Meter | Questionnaire | None:
        found: Any = self.lookup(ref)
        return found if isinstance(found, (Meter, Questionnaire)) else None

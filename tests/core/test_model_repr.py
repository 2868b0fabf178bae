"""The model's shared ``__repr__`` (draaiboek.model.common.Model) writes what attrs would generate per class."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from draaiboek import model
from draaiboek.loader import load_folder
from draaiboek.model.common import Model
from tests.support import FULL_PACK

MODEL_CLASSES = [c for c in vars(model).values() if isinstance(c, type) and attrs.has(c)]


def _objects(value: Any) -> Iterator[Model]:
    if isinstance(value, Model):
        yield value
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]  # every Model is an attrs class
            yield from _objects(getattr(value, field.name))
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def _as_attrs_would(obj: Model) -> str:
    """The repr of an attrs class made with attrs' own generated __repr__, with the same name, fields and values."""
    own = attrs.fields(type(obj))  # type: ignore[arg-type]
    twin = attrs.make_class(type(obj).__name__, {f.name: attrs.field(repr=f.repr) for f in own}, frozen=True)
    return repr(twin(**{f.name: getattr(obj, f.name) for f in own}))


def test_every_model_class_uses_the_shared_repr() -> None:
    assert len(MODEL_CLASSES) >= 40
    for cls in MODEL_CLASSES:
        assert issubclass(cls, Model) and cls.__repr__ is Model.__repr__, cls.__name__


def test_the_shared_repr_writes_what_attrs_would() -> None:
    result = load_folder(FULL_PACK)
    assert result.pack is not None
    seen: dict[type, Model] = {}
    for obj in _objects(result.pack):
        seen.setdefault(type(obj), obj)
        assert repr(obj) == _as_attrs_would(obj)
    assert len(seen) >= 30  # the full test pack holds most classes of the model

"""Finding values in the model quickly: only through fields whose type can hold what is looked for, and a
field path built only for a value that is reported."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, Literal

import attrs

PathKey = tuple[str | int, ...]


class Finder:
    """Every string ``text`` accepts and every model object ``obj`` accepts, with its field path, in the order
    of the fields (as a plain walk would give them).

    ``leaf(tp)`` says whether a field typed ``tp`` (not a list, union or model class) can hold a wanted value.
    A model class is walked when it is wanted itself or one of its fields can lead to a wanted value. The plans
    per class live in the finder, so they last one check run."""

    def __init__(self, leaf: Callable[[type], bool], text: Callable[[str], object] | None = None,
                 obj: Callable[[Any], bool] | None = None) -> None:
        self.leaf = leaf
        self.text = text
        self.obj = obj
        self.plans: dict[type, tuple[str, ...]] = {}
        self.entered: dict[type, bool] = {}  # per type: is a value of it walked (a model class that matters)

    def plan(self, cls: type) -> tuple[str, ...]:
        """The fields of ``cls`` that can lead to a wanted value; none for what is not a model class."""
        found = self.plans.get(cls)
        if found is None:
            if not attrs.has(cls):
                found = self.plans[cls] = ()
                return found
            # attrs resolves a class's annotations once per class (the model's are evaluated already, see
            # draaiboek.model): cheaper than get_type_hints on every plan
            fields = attrs.fields(attrs.resolve_types(cls))
            self.plans[cls] = tuple(f.name for f in fields)  # while it is being worked out (a class that
            # contains itself): every field
            found = self.plans[cls] = tuple(f.name for f in fields if self.may_hold(f.type))
        return found

    def enter(self, cls: type) -> bool:
        found = self.entered.get(cls)
        if found is None:
            found = self.entered[cls] = attrs.has(cls) and (self.leaf(cls) or bool(self.plan(cls)))
        return found

    def may_hold(self, tp: Any) -> bool:
        origin = typing.get_origin(tp)
        if origin is Literal:
            return any(self.leaf(type(arg)) for arg in typing.get_args(tp))
        if origin in (typing.Union, types.UnionType, list):
            return any(self.may_hold(arg) for arg in typing.get_args(tp))
        if origin is not None or not isinstance(tp, type):  # Any, a TypeVar, a dict...: cannot tell, so look
            return True
        if tp is type(None):
            return False
        if attrs.has(tp):
            return self.enter(tp)
        return self.leaf(tp)

    def find(self, root: object) -> list[tuple[Any, PathKey]]:
        found: list[tuple[Any, PathKey]] = []
        path: list[str | int] = []
        text, obj, plans, plan, entered, enter = self.text, self.obj, self.plans, self.plan, self.entered, self.enter

        def visit(value: Any) -> None:  # a model object
            if obj is not None and obj(value):
                found.append((value, tuple(path)))
            for name in plans.get(type(value)) or plan(type(value)):
                field = getattr(value, name)
                kind = type(field)
                if kind is str:
                    if text is not None and text(field):
                        found.append((field, (*path, name)))
                elif kind is list:
                    for i, item in enumerate(field):
                        if type(item) is str:
                            if text is not None and text(item):
                                found.append((item, (*path, name, i)))
                        elif entered.get(type(item)) or enter(type(item)):
                            path.extend((name, i))
                            visit(item)
                            del path[-2:]
                elif field is not None and (entered.get(kind) or enter(kind)):
                    path.append(name)
                    visit(field)
                    path.pop()

        visit(root)
        return found

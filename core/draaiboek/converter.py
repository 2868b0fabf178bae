"""The one place where plain data (from YAML) becomes model objects, and back.

cattrs does the structuring with detailed validation; the hooks here make it strict (a list where a list
is meant, text where text is meant) and turn its errors into (field path, message) pairs.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterator
from datetime import time
from functools import cache
from typing import Any, Literal, TypeVar

import attrs
import cattrs
from cattrs.cols import is_sequence, list_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from draaiboek.model import Duration, Pack, Reveal, SourceRef

T = TypeVar("T")
PathKey = tuple[str | int, ...]
RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to|tot)\s*(\d+)\s*$")
CLOCK = re.compile(r"^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$")
MAX_MINUTES = 7 * 24 * 60  # a week: anything longer is a typo


class FieldError(ValueError):
    """A value that does not fit its field; the message is shown to the author as is."""


def _kind(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a mapping", type(None): "nothing"}.get(type(value), type(value).__name__)


def _strict_str(value: Any, _: type) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if value is not None and type(value).__name__ in ("date", "datetime"):
        return str(value)
    raise FieldError(f"expected text, got {_kind(value)}" + ("; put it in quotes" if isinstance(value, bool) else ""))


def _strict_int(value: Any, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise FieldError(f"expected a whole number, got {_kind(value)}")


def _strict_bool(value: Any, _: type) -> bool:
    if isinstance(value, bool):
        return value
    raise FieldError(f"expected true or false, got {_kind(value)}")


def parse_duration(value: Any) -> Duration:
    """``20`` -> 20 minutes; ``"15-20"`` -> a range."""
    if isinstance(value, int) and not isinstance(value, bool):
        low = high = value
    elif isinstance(value, str) and value.strip().isdigit():
        low = high = int(value)
    elif isinstance(value, str) and (match := RANGE.match(value)):
        low, high = int(match[1]), int(match[2])
    else:
        raise FieldError(f"expected minutes as a number (20) or a range ('15-20'), got {value!r}")
    if low < 0 or high < low:
        raise FieldError(f"minutes must be 0 or more and a range must go up, got {value!r}")
    if high > MAX_MINUTES:
        raise FieldError(f"{high} minutes is more than a week; check the number")
    return Duration(low, high)


def parse_clock_time(value: Any) -> time:
    """``"13:00"`` -> 13:00. YAML 1.1 reads an unquoted 13:00 as the base-60 number 780: take that back too."""
    if isinstance(value, str) and (match := CLOCK.match(value)):
        return time(int(match[1]), int(match[2]))
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return time(value // 60, value % 60)
    raise FieldError(f"expected a clock time such as \"13:00\" (in quotes), got {value!r}")


def _source_ref(value: Any, _: type) -> SourceRef:
    if isinstance(value, str):
        source, _sep, section = value.strip().partition(" ")
        if not source:
            raise FieldError("empty source reference; write '<source-id> <section>'")
        return SourceRef(source, section.strip() or None)
    if isinstance(value, dict):
        return _structure_plain(value, SourceRef)
    raise FieldError(f"expected '<source-id> <section>' or a mapping, got {_kind(value)}")


def _literal_factory(type_: Any) -> Callable[[Any, type], Any]:
    allowed = typing.get_args(type_)

    def structure(value: Any, _: type) -> Any:
        if value in allowed and type(value) is type(allowed[0]):
            return value
        raise FieldError(f"{value!r} is not allowed; use one of: {', '.join(map(str, allowed))}")

    return structure


def _is_literal(type_: Any) -> bool:
    return typing.get_origin(type_) is Literal


def _strict_list_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any, type], list[Any]]:
    base = list_structure_factory(type_, converter)

    def structure(value: Any, cl: type) -> list[Any]:
        if not isinstance(value, list):
            raise FieldError(f"expected a list (lines starting with '- '), got {_kind(value)}")
        structured: list[Any] = base(value, cl)
        return structured

    return structure


ClassFactory = Callable[[Any, cattrs.Converter], Callable[[Any, type], Any]]


def _reveal_hooks(converter: cattrs.Converter, class_factory: ClassFactory) -> None:
    """``reveal: m2``, ``reveal: {session: m2, after: rollenspel}`` or a list of those."""
    mapping = class_factory(Reveal, converter)

    def one(value: Any, _: type) -> Reveal:
        if isinstance(value, str):
            if not value.strip():
                raise FieldError("empty reveal; write the id of a session")
            return Reveal(value.strip())
        if isinstance(value, dict):
            structured: Reveal = mapping(value, Reveal)
            return structured
        raise FieldError(f"expected a session id or a mapping with 'session', got {_kind(value)}")

    converter.register_structure_hook(Reveal, one)
    many = list_structure_factory(list[Reveal], converter)  # after `one`: it captures the item hook

    def several(value: Any, _: type) -> list[Reveal]:
        if value is None:
            return []
        # One entry written without a list keeps its errors at `reveal.field`, where the author wrote them.
        return many(value, list[Reveal]) if isinstance(value, list) else [one(value, Reveal)]

    converter.register_structure_hook_func(lambda t: t == list[Reveal], several)
    converter.register_unstructure_hook(
        Reveal, lambda r: r.session if (r.at, r.after, r.audience) == (None, None, [])
        else {k: v for k, v in attrs.asdict(r).items() if v not in (None, [])})


def _strict_class_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any, type], Any]:
    # cattrs reads a class from a mapping with .keys(); a list or scalar there must be the author's error.
    # The generated function is made on first use, not here: making it asks for the hook of every field's class,
    # so making it eagerly compiles code for every model class, even those a pack never writes (start-up cost).
    base: Callable[[Any, type], Any] | None = None

    def structure(value: Any, cl: type) -> Any:
        nonlocal base
        if not isinstance(value, dict):
            raise FieldError(f"expected a mapping of fields (key: value lines), got {_kind(value)}")
        if base is None:
            base = make_dict_structure_fn(type_, converter, _cattrs_forbid_extra_keys=True)
        return base(value, cl)

    return structure


def _fitting_class_factory(type_: Any, converter: cattrs.Converter) -> Callable[[Any, type], Any]:
    """The quick try's structuring of a model class: each key through cattrs' hook for its field's type, without
    generated code. Generated code saves under a microsecond per object, and compiling it costs most of a
    millisecond per class: more than a whole pack's objects win back. A key that is no field fails (KeyError),
    as any unfitting value does; the detailed converter then says where."""
    hooks: dict[str, tuple[Callable[[Any, Any], Any], Any]] = {}

    def structure(value: Any, cl: type) -> Any:
        if not isinstance(value, dict):
            raise FieldError(f"expected a mapping of fields (key: value lines), got {_kind(value)}")
        if not hooks:
            hooks.update((f.name, (converter.get_structure_hook(f.type), f.type)) for f in attrs.fields(type_))
        fields = {}
        for key, raw in value.items():
            hook, field_type = hooks[key]
            fields[key] = hook(raw, field_type)
        return type_(**fields)

    return structure


def _make_converter(detailed: bool) -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    class_factory: ClassFactory = _strict_class_factory if detailed else _fitting_class_factory
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook(Duration, lambda value, _: parse_duration(value))
    converter.register_structure_hook(SourceRef, _source_ref)
    converter.register_structure_hook_factory(_is_literal, _literal_factory)
    converter.register_structure_hook_factory(is_sequence, _strict_list_factory)
    converter.register_structure_hook_factory(attrs.has, class_factory)
    converter.register_structure_hook(time, lambda value, _: parse_clock_time(value))
    converter.register_unstructure_hook(time, lambda t: t.strftime("%H:%M"))
    _reveal_hooks(converter, class_factory)
    converter.register_unstructure_hook(Duration, lambda d: d.low if not d.is_range else f"{d.low}-{d.high}")
    return converter


@cache
def detailed() -> cattrs.Converter:
    """cattrs with detailed validation: every problem with its field path. Made when first asked (data that does
    not fit, or unstructuring): a pack that fits never needs it."""
    return _make_converter(detailed=True)


# Tried first: data that fits (the usual case) needs no field paths, so no code generated per class (compiling
# the detailed code was a tenth of a `check`). Data that does not fit is structured again by detailed(), whose
# errors say where.
_FITTING = _make_converter(detailed=False)


@cache
def _plain() -> cattrs.Converter:
    """For the mapping form of SourceRef, to avoid recursing into its own string hook (made when first written)."""
    plain = cattrs.Converter(forbid_extra_keys=True)
    plain.register_structure_hook(str, _strict_str)
    return plain


def _structure_plain(value: dict[str, Any], cls: type[T]) -> T:
    return _plain().structure(value, cls)


def structure(data: Any, cls: type[T]) -> T:
    """Plain data -> model object; raises cattrs' validation errors (see :func:`iter_problems`)."""
    if not isinstance(data, dict):
        raise FieldError(f"expected a mapping of fields, got {_kind(data)}")
    try:
        return _FITTING.structure(data, cls)
    except (RecursionError, MemoryError):  # too deep or too big: trying again would only take longer
        raise
    except Exception:  # noqa: BLE001, S110 - detailed() raises it again below, with its field paths
        pass
    return detailed().structure(data, cls)


def unstructure(obj: object) -> Any:
    return detailed().unstructure(obj)


def structure_pack(data: dict[str, Any]) -> Pack:
    return structure(data, Pack)


def _child_classes(cls: type) -> dict[str, type]:
    """Field name -> the attrs class its entries have (``steps`` -> Step), for the model classes a field holds."""
    children: dict[str, type] = {}
    for name, hint in typing.get_type_hints(cls).items():
        for arg in (hint, *typing.get_args(hint), *(a for t in typing.get_args(hint) for a in typing.get_args(t))):
            if isinstance(arg, type) and attrs.has(arg):
                children[name] = arg
    return children


def _unknown_key_hint(key: str, cl: type, owner: type | None) -> str:
    """Why a key is unknown: mis-indented (it exists one level up or down), split text, or a typo."""
    known = [f.name for f in attrs.fields(cl)] if attrs.has(cl) else []
    if owner is not None and attrs.has(owner) and key in attrs.fields_dict(owner):
        return f"'{key}' is a field one level up: indented too far?"
    below = [name for name, child in _child_classes(cl).items() if key in attrs.fields_dict(child)] if known else []
    if below:
        return f"'{key}' is a field of the entries of '{below[0]}' one level down: indented too little?"
    if " " in key.strip() or key.rstrip().endswith((".", "?", "!")):
        return "a ',' in unquoted text inside {...} starts a new field: put the text in quotes"
    import difflib  # only for an unknown key: every load imports this module

    close = difflib.get_close_matches(key, known, n=1)
    return f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(known)}"


def iter_problems(exc: BaseException, path: PathKey = (), owner: type | None = None,
                  ) -> Iterator[tuple[PathKey, str, str | None]]:
    """Flatten a cattrs validation error into (field path, message, hint) triples.

    ``owner`` is the model class one level above the failing object (for "indented too far?").
    """
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without = exc.group_exceptions()
        inner_owner = exc.cl if isinstance(exc, ClassValidationError) else owner
        for inner, note in with_notes:
            step: str | int = note.index if isinstance(note, IterableValidationNote) else note.name
            yield from iter_problems(inner, (*path, step), inner_owner)
        for inner in without:
            yield from iter_problems(inner, path, owner)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield (*path, key), f"unknown field '{key}'", _unknown_key_hint(key, exc.cl, owner)
    elif isinstance(exc, KeyError):
        yield path, f"required field '{path[-1] if path else exc.args[0]}' is missing", None
    elif isinstance(exc, FieldError):
        yield path, str(exc), None
    elif isinstance(exc, TypeError) and "missing" in str(exc):
        yield path, "required fields are missing", None
    else:
        yield path, " ".join(str(exc).split()) or type(exc).__name__, None

"""A JSON Schema for pack files, generated from the model, so editors can autocomplete and validate."""

from __future__ import annotations

import types
import typing
from datetime import time
from typing import Any, Literal, get_type_hints

import attrs

from draaiboek.loader import COLLECTIONS
from draaiboek.model import Duration, Pack, Reveal, SourceRef

DURATION = {"oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^\s*\d+\s*(-\s*\d+\s*)?$"}],
            "description": "Minutes: 20, or a range '15-20'."}
CLOCK = {"type": "string", "pattern": r"^\s*([01]?\d|2[0-3])[:.][0-5]\d\s*$",
         "description": "A clock time in quotes, e.g. '13:00'."}
REVEAL_STRING = {"type": "string", "description": "Id of the session from whose start it is revealed."}
SOURCE_REF_STRING = {"type": "string", "description": "'<source-id> <section>', e.g. 'manual L75-126'."}


class SchemaBuilder:
    def __init__(self) -> None:
        self.definitions: dict[str, Any] = {}

    def for_type(self, tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is Duration:
            return DURATION
        if tp is time:
            return CLOCK
        if tp == list[Reveal]:  # shorthand, one mapping, or a list of either
            one = {"oneOf": [REVEAL_STRING, self.for_type(Reveal)]}
            return {"oneOf": [*one["oneOf"], {"type": "array", "items": one}]}
        if origin is Literal:
            return {"enum": list(typing.get_args(tp))}
        if origin is list:
            return {"type": "array", "items": self.for_type(typing.get_args(tp)[0])}
        if origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(tp) if a is not type(None)]
            return self.for_type(options[0]) if len(options) == 1 else {"anyOf": [self.for_type(a) for a in options]}
        if attrs.has(tp):
            name = tp.__name__
            if name not in self.definitions:
                self.definitions[name] = {}  # placeholder first: the model may refer to itself
                self.definitions[name] = self.for_class(tp)
            ref = {"$ref": f"#/$defs/{name}"}
            return {"oneOf": [SOURCE_REF_STRING, ref]} if tp is SourceRef else ref
        return {}

    def for_class(self, cls: type) -> dict[str, Any]:
        hints = get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for f in attrs.fields(cls):
            schema = dict(self.for_type(hints[f.name]))
            if "doc" in f.metadata:
                schema["description"] = f.metadata["doc"]
            properties[f.name] = schema
            if f.default is attrs.NOTHING:
                required.append(f.name)
        result: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
        if cls.__doc__:
            result["description"] = " ".join(cls.__doc__.split())
        if required:
            result["required"] = required
        return result


def pack_schema() -> dict[str, Any]:
    """One schema for every pack file: pack.yaml has the Pack fields; other files hold only the lists."""
    builder = SchemaBuilder()
    builder.for_type(Pack)
    pack_def = builder.definitions["Pack"]
    builder.definitions["PackFile"] = pack_def
    builder.definitions["PartFile"] = {
        "type": "object", "additionalProperties": False,
        "description": "A further pack file: any of the pack's lists.",
        "properties": {key: pack_def["properties"][key] for key in COLLECTIONS},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "draaiboek content pack file",
        "anyOf": [{"$ref": "#/$defs/PackFile"}, {"$ref": "#/$defs/PartFile"}],
        "$defs": builder.definitions,
    }

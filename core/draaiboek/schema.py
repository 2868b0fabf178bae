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

#: Meanings of field names that mean the same wherever they occur; a field's own `doc` metadata wins.
COMMON_DOCS = {
    "id": "Unique id: letters, digits, '-', '_' or '.'; other elements refer to it.",
    "title": "Title as printed in decks and the handbook.",
    "name": "Name as printed in decks and the handbook.",
    "text": "The text itself (Markdown).",
    "basis": "Where it comes from: source id and section, e.g. ['handleiding L245-260'].",
    "description": "Longer explanation (Markdown).",
    "summary": "A short summary (Markdown).",
    "note": "A remark for editors and trainers (Markdown).",
    "tips": "Tips for the trainer (Markdown).",
    "materials": "Things the trainer brings, e.g. flip-over, timer.",
    "goal": "What it is for (Markdown).",
    "steps": "The steps in order.",
    "grouping": "How the group works.",
    "group_size": "Size of the groups, e.g. '3-4'.",
    "audience": "Who may see or use it.",
    "sessions": "Ids of the sessions in which it is used.",
    "instructions": "Instructions printed above it (Markdown).",
    "help": "Extra explanation for the person filling it in.",
    "questions": "Questions to answer.",
    "kind": "What kind it is.",
    "label": "Short label as printed.",
    "when": "When, in words, e.g. 'een week vooraf'.",
    "minutes": "Minutes: 20, or a range '15-20'.",
    "duration": "Minutes: 20, or a range '15-20'.",
    "optional": "true: may be left out.",
    "editorial_notes": "Decisions the editors made where a source is silent or inconsistent.",
}


def field_doc(f: attrs.Attribute[Any]) -> str | None:
    """The one-line meaning of a model field, shared by the JSON Schema and the field reference."""
    return f.metadata.get("doc") or COMMON_DOCS.get(f.name)


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
            meaning = field_doc(f)
            if meaning:
                schema["description"] = meaning
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

"""The field reference for course authors (content_packs/FORMAT.md), generated from the JSON Schema.

It walks the same schema the editors use, so the reference and the schema say the same words.
"""

from __future__ import annotations

from typing import Any

import attrs

from draaiboek import model
from draaiboek.loader import COLLECTIONS
from draaiboek.schema import REVEAL_STRING, pack_schema

REGENERATE = "draaiboek schema --format markdown -o content_packs/FORMAT.md"

INTRO = f"""\
# Pack file format: every field

Generated from the model by `{REGENERATE}`; do not edit by hand (a test fails when it is out of date).
The guide (README.md in this folder) explains how the parts fit together; this page lists every field.

- **pack.yaml** holds the fields of [Pack](#pack). Every other file holds one or more of the lists
  {", ".join(f"`{key}`" for key in COLLECTIONS)}.
- *required* fields must be written; the others may be left out and then take their default.
- *text* may hold Markdown where the meaning says so. *minutes* is a number (`20`) or a range in quotes
  (`"15-20"`). A *clock time* is written in quotes: `"13:00"`.
- A *reference* is the id of another element, or `pack-id:id` for one in another installed pack.
"""


def _anchor(name: str) -> str:
    return f"[{name}](#{name.lower()})"


def describe(schema: dict[str, Any]) -> str:
    """A schema fragment in words: 'text', 'list of [Step](#step)', 'minutes'..."""
    if "$ref" in schema:
        return _anchor(schema["$ref"].rsplit("/", 1)[-1])
    if "enum" in schema:
        return "choice"
    kind = schema.get("type")
    if kind == "array":
        return f"list of {describe(schema['items'])}"
    if kind == "string":
        if "pattern" in schema:
            return "clock time" if ":" in schema["pattern"] else "text"
        return "text"
    if kind == "integer":
        return "whole number"
    if kind == "boolean":
        return "true or false"
    options = schema.get("oneOf") or schema.get("anyOf") or []
    if options and options[0].get("type") == "integer":  # the Duration schema
        return "minutes"
    if options and options[0] is REVEAL_STRING:
        return "session id, [Reveal](#reveal), or a list of these"
    if options and options[-1].get("$ref", "").endswith("/SourceRef"):
        return "source reference: `<source-id> <section>` or [SourceRef](#sourceref)"
    if options:
        return " or ".join(dict.fromkeys(describe(o) for o in options))
    return "any"


def _allowed(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return ", ".join(f"`{v}`" for v in schema["enum"])
    if schema.get("type") == "array":
        return _allowed(schema["items"])
    return ""


def _default(cls: type, name: str) -> str:
    default: Any = attrs.fields_dict(cls)[name].default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        value = default.factory()
        if value == []:
            return "empty list"
        if isinstance(value, list):
            return ", ".join(f"`{v}`" for v in value)
        return "see the fields of " + _anchor(type(value).__name__)
    if default is None:
        return "none"
    if isinstance(default, bool):
        return "`true`" if default else "`false`"
    return f"`{default}`"


def _cell(text: str) -> str:
    # Angle brackets would read as HTML in a Markdown viewer; a pipe would split the table cell.
    text = " ".join(text.split()).replace("|", "\\|")
    return text if "`" in text else text.replace("<", "&lt;").replace(">", "&gt;")


def object_section(name: str, definition: dict[str, Any]) -> list[str]:
    cls = getattr(model, name)
    lines = [f"## {name}", ""]
    if definition.get("description"):
        lines += [_cell(definition["description"]), ""]
    lines += ["| field | required | type | allowed values | default | meaning |", "|---|---|---|---|---|---|"]
    required = set(definition.get("required", []))
    for field_name, schema in definition["properties"].items():
        is_required = field_name in required
        row = [f"`{field_name}`", "required" if is_required else "optional", describe(schema), _allowed(schema),
               "" if is_required else _default(cls, field_name), schema.get("description", "")]
        lines.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
    return [*lines, ""]


def field_reference() -> str:
    """The whole FORMAT.md text: one section per object, Pack first, then in order of first use."""
    definitions = pack_schema()["$defs"]
    names = [n for n in definitions if n not in ("PackFile", "PartFile")]
    names.sort(key=lambda n: n != "Pack")
    lines = [INTRO, "## Objects", "", " · ".join(_anchor(n) for n in names), ""]
    for name in names:
        lines += object_section(name, definitions[name])
    return "\n".join(lines).rstrip() + "\n"

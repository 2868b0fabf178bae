"""Plain data straight from libyaml's event stream: one pass, no node tree, no line map until one is asked for
(the pass keeps a compact ``Layout`` to build it from, not the text to parse again).

This covers what packs hold: mappings, lists and untagged scalars. Anything else (an anchor, alias, tag,
merge key, duplicate or non-text key, a number or date that does not convert, a second document) raises
``Unusual``, and the caller reads the file the careful way (node tree, with the usual diagnostics), so
messages and lines never depend on which path read the file.
"""

from __future__ import annotations

from array import array
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

PathKey = tuple[str | int, ...]
STR, NULL, BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
#: Implicit tags built by SafeConstructor's own functions (rare in packs: counts, minutes, dates).
CONVERTED = {f"tag:yaml.org,2002:{name}" for name in ("int", "float", "timestamp")}
_RESOLVERS: dict[Any, list[tuple[str, Any]]] = yaml.SafeLoader.yaml_implicit_resolvers
_WILDCARD = list(_RESOLVERS.get(None, []))
_BY_FIRST = {first: [*found, *_WILDCARD] for first, found in _RESOLVERS.items() if first is not None}
_NO_KEY = object()


class Unusual(Exception):
    """The file holds something only the node-tree reader judges (and words) correctly."""


class TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class Constructor:
    """SafeConstructor's scalar functions, called directly (no construct_object, no recursion bookkeeping)."""

    def __init__(self) -> None:
        self.base = yaml.SafeLoader("")
        self.functions = yaml.SafeLoader.yaml_constructors

    def __call__(self, tag: str, value: str) -> Any:
        if tag == STR:
            return value
        if tag == NULL:
            return None
        if tag == BOOL:
            if value.lower() not in self.base.bool_values:  # '!!bool maybe'
                raise ValueError(value)
            return self.base.bool_values[value.lower()]
        return self.functions[tag](self.base, yaml.ScalarNode(tag, value))


def resolve(value: str) -> str:
    """The tag PyYAML's safe resolver gives a plain (unquoted) scalar."""
    for tag, pattern in _BY_FIRST.get(value[0] if value else "", _WILDCARD):
        if pattern.match(value):
            return tag
    return STR


class Layout:
    """Where the values of a file ``read_events`` read stand, to give its line map when a diagnostic asks:
    per value its line and kind, a mark per end of a mapping or list, and the keys in order. About a seventh of
    the text's size in memory (the bundled packs), and replayed several times faster than parsing the text again."""

    __slots__ = ("keys", "marks")

    def __init__(self) -> None:
        self.marks = array("i")  # line * 4 + _SCALAR / _MAPPING / _LIST, or _END
        self.keys: list[str] = []

    def line_map(self) -> dict[PathKey, int]:
        """The line of every value by field path, as the node-tree reader gives it."""
        lines: dict[PathKey, int] = {}
        keys = iter(self.keys)
        stack: list[list[Any]] = []  # a frame: [its path, a mapping?, the next index]
        for mark in self.marks:
            kind = mark & 3
            if kind == _END:
                stack.pop()
                continue
            path: PathKey = ()
            if stack:
                frame = stack[-1]
                if frame[1]:
                    path = (*frame[0], next(keys))
                else:
                    path = (*frame[0], frame[2])
                    frame[2] += 1
            lines[path] = (mark >> 2) + 1
            if kind != _SCALAR:
                stack.append([path, kind == _MAPPING, 0])
        return lines


_SCALAR, _MAPPING, _LIST, _END = 0, 1, 2, 3


def read_events(text: str, loader: Any, max_depth: int) -> tuple[Any, Layout]:
    """The data of ``text`` read by ``loader`` (a libyaml loader class), and its layout."""
    layout = Layout()
    parser = loader(text)
    try:
        parser.get_event()  # stream start
        if isinstance(parser.peek_event(), StreamEndEvent):
            return None, layout
        parser.get_event()  # document start
        data = _document(parser.get_event, Constructor(), max_depth, layout)
        if not isinstance(parser.get_event(), StreamEndEvent):
            raise Unusual("more than one document")
        return data, layout
    finally:
        parser.dispose()


def _document(get: Any, construct: Constructor, max_depth: int, layout: Layout) -> Any:
    # A frame: [container, the key awaiting its value or _NO_KEY]
    stack: list[list[Any]] = []
    root: Any = None
    # One object per distinct text: keys and values like 'title' or 'plenary' repeat thousands of times, and
    # a big pack is mostly such strings (the model shares them too).
    same: dict[str, str] = {}
    shared = same.setdefault
    mark, key = layout.marks.append, layout.keys.append
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise Unusual("anchor or tag")
            value = event.value
            value = shared(value, value)
            if stack and stack[-1][1] is _NO_KEY and type(stack[-1][0]) is dict:
                frame = stack[-1]
                if value in frame[0] or (value == "<<" and event.implicit[0]):
                    raise Unusual("duplicate or merge key")
                frame[1] = value
                key(value)
                continue
            if event.implicit[0]:
                tag = resolve(value)
                if tag is not STR:
                    if tag not in CONVERTED and tag not in (NULL, BOOL):
                        raise Unusual(tag)
                    try:
                        value = construct(tag, value)
                    except (ValueError, OverflowError, yaml.YAMLError) as exc:
                        raise Unusual("value does not convert") from exc
            mark(event.start_mark.line * 4)  # _SCALAR
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise Unusual("anchor or tag")
            if stack and stack[-1][1] is _NO_KEY and type(stack[-1][0]) is dict:
                raise Unusual("a key that is not plain text")
            if len(stack) >= max_depth:
                raise TooDeep(event.start_mark.line + 1)
            value = {} if kind is MappingStartEvent else []
            mark(event.start_mark.line * 4 + (_MAPPING if kind is MappingStartEvent else _LIST))
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            mark(_END)
            stack.pop()
            if not stack:
                get()  # document end
                return root
            continue
        elif kind is AliasEvent:
            raise Unusual("alias")
        else:
            raise Unusual(kind.__name__)
        # place the value in its parent
        if stack:
            frame = stack[-1]
            if type(frame[0]) is dict:
                frame[0][frame[1]] = value
                frame[1] = _NO_KEY
            else:
                frame[0].append(value)
        else:
            root = value
        if kind is not ScalarEvent:
            stack.append([value, _NO_KEY])
        elif not stack:
            if not isinstance(get(), DocumentEndEvent):
                raise Unusual("content after the root scalar")
            return root

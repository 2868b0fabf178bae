"""Reading one YAML file of a pack safely, keeping the line number of every value.

PyYAML's composer gives us the node tree with positions; we build plain Python data from it ourselves so
that aliases (and with them "billion laughs"), Python-object tags and duplicate keys are refused.
"""

from __future__ import annotations

import errno
import os
import stat
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from attrs import define, field

from draaiboek.diagnostics import Diagnostic
from draaiboek.yamlfast import Constructor, Layout, TooDeep, Unusual, read_events

MAX_FILE_BYTES = 1024 * 1024  # the largest bundled pack file is far below 100 KB
#: Deeper nesting is refused before PyYAML's composer (which recurses per level) can exhaust the stack.
MAX_DEPTH = 100
PathKey = tuple[str | int, ...]


def format_path(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


#: Set to 1 to read every file with PyYAML's own (pure Python) parser: the reference the fast path is tested against.
PURE_ENV = "DRAAIBOEK_PURE_YAML"


def pure_forced() -> bool:
    return os.environ.get(PURE_ENV, "") not in ("", "0")


@define(slots=False)  # slots off for cached_property
class YamlDocument:
    """One file's data. The line map is built on the first ``line_of``, from the layout the fast reader kept:
    most files never have a diagnostic, and the map is the largest thing a big pack holds."""

    file: str
    data: Any = None
    problems: list[Diagnostic] = field(factory=list)
    layout: Layout | None = field(default=None, repr=False)  # set when the line map is still to be built
    given_lines: dict[PathKey, int] = field(factory=dict, repr=False)

    @cached_property
    def lines(self) -> dict[PathKey, int]:
        if self.layout is None:
            return self.given_lines
        found = self.layout.line_map()
        self.layout = None
        return found

    def line_of(self, path: PathKey) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
SEQ, MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Stop(Exception):
    """An alias was met: the file is refused as a whole (one line, however many aliases a bomb holds)."""


class _DepthLoader(yaml.SafeLoader):  # type: ignore[misc,unused-ignore]  # Any without types-PyYAML
    """The safe loader, counting how deep the composer is before it recurses one level further. Like the
    libyaml path, it counts mappings and lists only (a text at the innermost level is no deeper)."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if not self.check_event(yaml.MappingStartEvent, yaml.SequenceStartEvent):
            return super().compose_node(parent, index)  # type: ignore[no-any-return,unused-ignore]
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise TooDeep(self.peek_event().start_mark.line + 1)  # type: ignore[no-untyped-call]  # untyped in the stubs
            return super().compose_node(parent, index)  # type: ignore[no-any-return,unused-ignore]
        finally:
            self.depth -= 1


class _Builder:
    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        self.construct = Constructor()

    def fail(self, code: str, message: str, node: yaml.Node, path: PathKey, hint: str | None = None) -> None:
        self.doc.problems.append(
            Diagnostic("error", code, message, self.doc.file, node.start_mark.line + 1, format_path(path) or None, hint)
        )

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        if id(node) in self.seen:
            self.fail("YAML003", "anchors and aliases (&name / *name) are not supported", node, path,
                      "write the value out in full")
            raise _Stop
        self.seen.add(id(node))
        self.doc.given_lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != SEQ:
                return self.bad_tag(node, path)
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: PathKey) -> Any:
        if node.tag != MAP:
            return self.bad_tag(node, path)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.fail("YAML004", "keys must be plain words", key_node, path, "merge keys (<<) are not supported")
                continue
            key = key_node.value
            if key in result:
                self.fail("YAML005", f"key '{key}' appears twice", key_node, (*path, key), "remove one of them")
                continue
            result[key] = self.build(value_node, (*path, key))
        return result

    def scalar(self, node: yaml.Node, path: PathKey) -> Any:
        if node.tag not in PLAIN_TAGS:
            return self.bad_tag(node, path)
        try:
            return self.construct(node.tag, node.value)
        except yaml.constructor.ConstructorError:
            return self.bad_tag(node, path)
        except (ValueError, OverflowError):  # 2024-02-30, or an integer longer than Python converts
            what = {"timestamp": "date", "bool": "true/false value"}.get(node.tag.rpartition(":")[2], "number")
            shown = str(node.value)
            shown = shown if len(shown) <= 30 else f"{shown[:20]}... ({len(shown)} characters)"
            self.fail("YAML009", f"'{shown}' is not a valid {what}", node, path,
                      "correct it, or put it in quotes to keep it as text")
            return None

    def bad_tag(self, node: yaml.Node, path: PathKey) -> None:
        self.fail("YAML006", f"tag {node.tag} is not allowed", node, path, "remove the tag; packs hold plain data")
        return None


_FAST: Any = getattr(yaml, "CSafeLoader", None)  # libyaml: about 20 times faster than PyYAML's own parser
_OPEN, _CLOSE = (yaml.MappingStartEvent, yaml.SequenceStartEvent), (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _compose(text: str, fast: bool) -> yaml.Node | None:
    """The node tree, by libyaml where installed; its composer recurses in C, so the depth is counted first
    on the flat event stream. A file libyaml refuses is read again by PyYAML, for the usual messages."""
    if not fast:
        return yaml.compose(text, Loader=_DepthLoader)
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_FAST):
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    raise TooDeep(event.start_mark.line + 1 if event.start_mark is not None else 0)
            elif isinstance(event, _CLOSE):
                depth -= 1
        return yaml.compose(text, Loader=_FAST)  # type: ignore[no-any-return,unused-ignore]
    except yaml.YAMLError:
        return yaml.compose(text, Loader=_DepthLoader)  # type: ignore[no-any-return,unused-ignore]


def decode(raw: bytes, file: str) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text, or a diagnostic that says how the file is encoded instead."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:200]:
        return None, Diagnostic("error", "ENC001", "file is UTF-16 or binary, not UTF-8 text", file, None, None,
                                "save the file as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):  # Notepad writes one; harmless, so read on
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Diagnostic("error", "ENC002", "file is not valid UTF-8 (Latin-1 or Windows-1252?)", file, line,
                                None, "save the file as UTF-8")


def syntax_error(text: str, exc: yaml.MarkedYAMLError, file: str) -> Diagnostic:
    """YAML001 in plain words (cause, fix, right line and column), then the parser's own text for experts."""
    from draaiboek.yamlerrors import explain  # only for a file with a syntax error: every load imports this module

    parser = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
    found = explain(text, exc)
    if found is None:
        mark = exc.problem_mark or exc.context_mark
        column = f"column {mark.column + 1}: " if mark else ""
        return Diagnostic("error", "YAML001", f"{column}invalid YAML", file, mark.line + 1 if mark else None, None,
                          f"check the indentation of this line and the line above, and put text holding "
                          f"': ', ' #' or '?' in quotes (YAML reader: {parser})")
    return Diagnostic("error", "YAML001", f"column {found.column}: {found.message}", file, found.line, None,
                      f"{found.hint} (YAML reader: {parser})")


def too_large(file: str, size: int) -> Diagnostic:
    return Diagnostic("error", "YAML007", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes "
                      f"({MAX_FILE_BYTES // 1024 // 1024} MB)", file, None, None, "split the pack into smaller files")


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file; a FIFO, device or socket is refused without being opened for a read
    that could block forever."""
    with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK)) as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return handle.read(MAX_FILE_BYTES + 1)


def read_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse one YAML file; problems are collected in the document, never raised."""
    doc = YamlDocument(display or str(path))
    try:
        return _read(path, doc)
    except (RecursionError, MemoryError) as exc:  # whatever slipped past the limits: still one line
        doc.data, doc.layout, doc.given_lines = None, None, {}
        doc.problems.append(Diagnostic("error", "YAML008", f"file is too deeply nested or too large to read "
                                       f"({type(exc).__name__})", doc.file, None, None,
                                       "split it into smaller files with less nesting"))
        return doc


def _read(path: Path, doc: YamlDocument) -> YamlDocument:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            doc.problems.append(too_large(doc.file, size))
            return doc
        raw = read_regular(path)
    except OSError as exc:
        doc.problems.append(Diagnostic("error", "FILE001", f"cannot read file: {exc.strerror}", doc.file))
        return doc
    if len(raw) > MAX_FILE_BYTES:  # the file grew after stat()
        doc.problems.append(too_large(doc.file, len(raw)))
        return doc
    text, problem = decode(raw, doc.file)
    if text is None:
        doc.problems.extend([problem] if problem else [])
        return doc
    fast = _FAST is not None and not pure_forced()
    try:
        if fast:
            try:
                doc.data, doc.layout = read_events(text, _FAST, MAX_DEPTH)
                return doc
            except (Unusual, yaml.YAMLError):  # read again the careful way, for the usual diagnostics
                doc.data, doc.layout = None, None
        node = _compose(text, fast)
    except TooDeep as exc:
        doc.problems.append(Diagnostic("error", "YAML008", f"values are nested more than {MAX_DEPTH} levels deep",
                                       doc.file, exc.line, None, "flatten the structure"))
        return doc
    except yaml.MarkedYAMLError as exc:
        doc.problems.append(syntax_error(text, exc, doc.file))
        return doc
    except yaml.YAMLError as exc:
        doc.problems.append(Diagnostic("error", "YAML001", f"invalid YAML: {exc}", doc.file))
        return doc
    if node is not None:
        try:
            doc.data = _Builder(doc).build(node, ())
        except _Stop:
            doc.data = None
    return doc

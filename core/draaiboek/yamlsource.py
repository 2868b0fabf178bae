"""Reading one YAML file of a pack safely, keeping the line number of every value.

PyYAML's composer gives us the node tree with positions; we build plain Python data from it ourselves so
that aliases (and with them "billion laughs"), Python-object tags and duplicate keys are refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from attrs import define, field

from draaiboek.diagnostics import Diagnostic
from draaiboek.yamlerrors import explain

MAX_FILE_BYTES = 5 * 1024 * 1024
PathKey = tuple[str | int, ...]


def format_path(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@define
class YamlDocument:
    file: str
    data: Any = None
    lines: dict[PathKey, int] = field(factory=dict)
    problems: list[Diagnostic] = field(factory=list)

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


class _Builder:
    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader("")

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
        self.doc.lines[path] = node.start_mark.line + 1
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
            return self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            return self.bad_tag(node, path)

    def bad_tag(self, node: yaml.Node, path: PathKey) -> None:
        self.fail("YAML006", f"tag {node.tag} is not allowed", node, path, "remove the tag; packs hold plain data")
        return None


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


def read_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse one YAML file; problems are collected in the document, never raised."""
    doc = YamlDocument(display or str(path))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            doc.problems.append(Diagnostic("error", "YAML007", f"file is {size // 1024 // 1024} MB; the limit is "
                                           f"{MAX_FILE_BYTES // 1024 // 1024} MB", doc.file, None, None,
                                           "split the pack into smaller files"))
            return doc
        raw = path.read_bytes()
    except OSError as exc:
        doc.problems.append(Diagnostic("error", "FILE001", f"cannot read file: {exc.strerror}", doc.file))
        return doc
    text, problem = decode(raw, doc.file)
    if text is None:
        doc.problems.extend([problem] if problem else [])
        return doc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
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

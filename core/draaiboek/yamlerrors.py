"""YAML syntax errors in plain words: the likely cause, the fix, and the right line.

PyYAML reports where it gave up, which is often the line after the mistake (an unclosed '{' is noticed on
the next line). We look at the text around that point to name the usual author mistakes: a tab, a '?', ':'
or '#' in unquoted text, a bracket never closed, a line indented differently from its neighbours. The
parser's own words follow for experts.
"""

from __future__ import annotations

import re

import yaml
from attrs import frozen

PLAIN_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w.-]*\s*$")
QUOTE_FIX = "put the text in quotes"
NO_SPACE = re.compile(r"^\s*(?:-\s+)?(([A-Za-z_][\w.-]*):)[^\s:/]")  # 'title:Training' (not 'https://')
AFTER_QUOTE = re.compile(r"^\s*(?:-\s+)?[\w.-]+:\s+([\"']).*?\1\s*[^\s#]")
RESERVED_START = re.compile(r"^\s*(?:-\s+)?[\w.-]+:\s+([*&!%@`|>])")


@frozen
class YamlProblem:
    line: int  # 1-based
    column: int  # 1-based
    message: str
    hint: str


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _line_above(lines: list[str], index: int) -> int | None:
    """Index of the nearest non-blank, non-comment line above ``index``."""
    for i in range(index - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None


def _show(line: str) -> str:
    text = line.strip()
    return f"'{text[:60]}...'" if len(text) > 60 else f"'{text}'"


def _unbalanced(line: str) -> bool:
    """More '{'/'[' than '}'/']' outside quotes: the bracket continues on a later line (or is never closed)."""
    depth, quote = 0, ""
    for char in line:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#":
            break
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return depth > 0


def _open_columns(lines: list[str], index: int) -> dict[int, int]:
    """Columns a line may start at after the lines above ``index``: {column: line index that opened it}."""
    columns: dict[int, int] = {}
    limit = 1 << 30
    for i in range(index - 1, -1, -1):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#") or _indent(line) >= limit:
            continue
        limit = _indent(line)
        columns.setdefault(limit, i)
        item = re.match(r"^(\s*-\s+)\S", line)
        if item:
            columns.setdefault(len(item.group(1)), i)
    return columns


def _quoted_example(line: str) -> str:
    """``title: Module 1: de basis`` -> ``title: "Module 1: de basis"``."""
    key, _, value = line.strip().lstrip("- ").partition(": ")
    value = value.strip().replace('"', "'")
    return f'{key}: "{value}"' if key and value else 'text: "..."'


def _tab(lines: list[str], exc: yaml.MarkedYAMLError) -> YamlProblem | None:
    mark = exc.problem_mark
    last = mark.line if mark else len(lines) - 1
    for i, line in enumerate(lines[: last + 1]):
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead:
            return YamlProblem(i + 1, lead.index("\t") + 1, "a tab character in the indentation",
                               "YAML indents with spaces only: replace the tab with spaces")
    if mark is not None and "'\\t'" in str(exc.problem):
        return YamlProblem(mark.line + 1, mark.column + 1, "a tab character where YAML expects a space",
                           "replace the tab with a space")
    return None


def _flow(lines: list[str], exc: yaml.MarkedYAMLError) -> YamlProblem | None:
    """Errors inside {...} or [...]: '?', ':' or ',' in unquoted text, a bracket never closed, a ' #'."""
    mark, opener = exc.problem_mark, exc.context_mark
    if mark is None or opener is None:
        return None
    line = lines[mark.line] if mark.line < len(lines) else ""
    got = str(exc.problem)
    if got.endswith("'?'"):
        return YamlProblem(mark.line + 1, mark.column + 1, "a '?' in unquoted text inside {...} or [...]",
                           f"{QUOTE_FIX}, e.g. text: \"Waar sta ik nu?\"")
    segment = re.split(r"[,{\[]", line[: mark.column])[-1]
    if got.endswith("':'") and ":" in segment:
        return YamlProblem(mark.line + 1, mark.column + 1, "a ':' in unquoted text inside {...} or [...]",
                           f"{QUOTE_FIX}, e.g. text: \"Tijd: 10 minuten\"")
    for i in range(opener.line, mark.line + 1):
        if "#" in lines[i] and re.search(r"\s#", lines[i]) and _unbalanced(lines[i]):
            column = re.search(r"\s#", lines[i]).start() + 2  # type: ignore[union-attr]
            return YamlProblem(i + 1, column, "' #' starts a comment, so the rest of the line, with its closing "
                               "bracket, is lost", f"{QUOTE_FIX} that holds the '#'")
    if mark.line > opener.line and _unbalanced(lines[mark.line - 1]):
        # The bracket of the line above is not closed: YAML read on into this line.
        above = mark.line - 1
        bracket = "}" if "mapping" in str(exc.context) else "]"
        return YamlProblem(above + 1, len(lines[above].rstrip()) + 1,
                           f"the line does not close its '{'{' if bracket == '}' else '['}' "
                           f"(opened at line {opener.line + 1}, column {opener.column + 1})",
                           f"add '{bracket}' at the end of the line; a ',' in a text also needs quotes")
    return YamlProblem(mark.line + 1, mark.column + 1, "unexpected text inside {...} or [...]",
                       f"separate entries with ', ' and {QUOTE_FIX} when it holds , : ? # [ ] {{ }}")


def _mapping_value(lines: list[str], exc: yaml.MarkedYAMLError) -> YamlProblem | None:
    """'mapping values are not allowed here': a ': ' in unquoted text, or a key indented under a value."""
    mark = exc.problem_mark
    if mark is None:
        return None
    line = lines[mark.line]
    above = _line_above(lines, mark.line)
    if above is not None and (glued := NO_SPACE.match(lines[above])):
        return YamlProblem(above + 1, glued.end(1) + 1, f"a ':' without a space after it: YAML reads "
                           f"'{lines[above].strip()}' as text", f"write '{glued.group(2)}: ...' (colon, space)")
    if PLAIN_KEY.match(line[: mark.column]) and above is not None and _indent(line) > _indent(lines[above]):
        return YamlProblem(mark.line + 1, _indent(line) + 1,
                           f"this line is indented further than the line above ({above + 1}: {_show(lines[above])}), "
                           "which already has a value",
                           f"indented too far? indent it as far as line {above + 1} ({_indent(lines[above])} spaces)")
    return YamlProblem(mark.line + 1, mark.column + 1, "a ': ' inside unquoted text",
                       f"{QUOTE_FIX}: {_quoted_example(line)}")


def _block_end(lines: list[str], exc: yaml.MarkedYAMLError) -> YamlProblem | None:
    """'expected <block end>': a line indented differently from its neighbours (or a '-' without a space)."""
    mark = exc.problem_mark
    if mark is None:
        return None
    line = lines[mark.line] if mark.line < len(lines) else ""
    if re.match(r"^\s*-[^\s-]", line):
        return YamlProblem(mark.line + 1, _indent(line) + 1, "a '-' without a space after it",
                           "write '- ' (dash, space) to start a list item")
    above = _line_above(lines, mark.line)
    shown = f"line {above + 1}: {_show(lines[above])}" if above is not None else "the line above"
    columns = _open_columns(lines, mark.line)
    if columns and _indent(line) not in columns:
        # Nearest column a line above opened; on a tie the deeper one (a field of the item above).
        best = min(columns, key=lambda c: (abs(c - _indent(line)), -c))
        how = "too far" if _indent(line) > best else "too little"
        line_no = columns[best] + 1
        return YamlProblem(mark.line + 1, _indent(line) + 1,
                           f"this line is indented {_indent(line)} spaces, which lines up with no line above it; above it is {shown}",
                           f"indented {how}? indent it {best} spaces, like line {line_no}")
    if line.lstrip().startswith("-"):
        items = sorted(c for c, i in columns.items() if c > _indent(line) and _indent(lines[i]) == c
                       and lines[i].lstrip().startswith("-"))
        fix = (f"indented too little? indent it {items[0]} spaces, like the list item on line {columns[items[0]] + 1}"
               if items else "indent the list further than the field name it belongs to")
        return YamlProblem(mark.line + 1, _indent(line) + 1,
                           f"a list item ('- ') where a field was expected; above it is {shown}", fix)
    return YamlProblem(mark.line + 1, mark.column + 1, f"unexpected indentation; above it is {shown}",
                       "give lines that belong together the same indentation, with spaces")


def _odd_text(lines: list[str], index: int) -> YamlProblem | None:
    """Text YAML reads as something else: more text after a closing quote, or a value starting with '*', '@'..."""
    line = lines[index]
    if match := AFTER_QUOTE.match(line):
        return YamlProblem(index + 1, match.start(1) + 1, "more text after the closing quote",
                           f"quote the whole text, with the other kind of quotes inside: {_quoted_example(line)}")
    if (match := RESERVED_START.match(line)) and match.group(1) not in "|>":
        return YamlProblem(index + 1, match.start(1) + 1, f"a text that starts with '{match.group(1)}'",
                           f"{QUOTE_FIX}: {_quoted_example(line)}")
    return None


def explain(text: str, exc: yaml.MarkedYAMLError) -> YamlProblem | None:
    """Plain words for a YAML syntax error, or None when no rule fits (the caller shows the parser's text)."""
    lines = text.splitlines() or [""]
    problem, context = str(exc.problem or ""), str(exc.context or "")
    mark = exc.problem_mark
    if mark is not None and mark.line >= len(lines):
        lines = [*lines, ""]
    if "\t" in text and (found := _tab(lines, exc)):
        return found
    if "scanning a quoted scalar" in context and exc.context_mark is not None:
        start = exc.context_mark
        return YamlProblem(start.line + 1, start.column + 1, "a quote is opened here and never closed",
                           "close the quote at the end of the text")
    if mark is not None and (found := _odd_text(lines, mark.line)):
        return found
    if "flow" in context:
        return _flow(lines, exc)
    if "mapping values are not allowed" in problem:
        return _mapping_value(lines, exc)
    if "expected <block end>" in problem:
        return _block_end(lines, exc)
    return None

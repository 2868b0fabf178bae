"""pyphen's Dutch hyphenation, with each pattern parsed when it is first looked up, and without importing pyphen.

``pyphen.Pyphen`` parses all 16,000 patterns of a dictionary when it is made: about four times ``import click``,
paid by every ``check`` that scores a text, which then looks up a few hundred of them. Importing pyphen costs
too: it lists its dictionaries through importlib.resources (zipfile, tempfile). This reads pyphen's own nl_NL
file into a table of raw patterns by key (whole-text operations), parses a pattern exactly as pyphen does on its
first lookup, and finds the points with pyphen's algorithm (``HyphDict.positions``, ``Pyphen.positions``).
Where pyphen's files are not plain files on disk, or hold what this reading does not cover, pyphen itself does
the work. tests/core/test_hyphenation.py compares table and points with pyphen's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

Pattern = tuple[int, tuple[int, ...]]
#: pyphen's ``ignored``: lines with these prefixes are not patterns.
IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
#: pyphen's ``parse``: a pattern line as (digit or "", letter or "") pairs.
PARSE = re.compile(r"(\d?)(\D?)").findall
#: The lines pyphen makes a pattern of: no ignored prefix, and a digit 1-9 (pyphen skips zeros-only patterns).
KEPT_LINE = re.compile(rf"^(?!{'|'.join(map(re.escape, IGNORED))})[^\n1-9]*[1-9][^\n]*", re.MULTILINE)


def parse_pattern(pattern: str) -> Pattern:
    """pyphen's parse of one plain pattern line (digits between letters) into (offset, values)."""
    values = [int(digit or "0") for digit, _ in PARSE(pattern)]
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, tuple(values[start:end])


class Unusual(Exception):
    """A pattern line with more than digits and letters: let pyphen read the whole file."""


def read_patterns(path: Path) -> dict[str, str]:
    """The patterns of a ``hyph_*.dic`` file as pyphen's HyphDict keeps them by key, each left as its raw line."""
    with path.open("rb") as stream:
        encoding = stream.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    body = path.read_text(encoding).partition("\n")[2]  # the first line names the encoding
    if "^^" in body or "/" in body or " " in body or not body.replace("\n", "").isprintable():
        raise Unusual(path.name)  # hex escapes, nonstandard hyphens, spaces in lines (none in nl_NL)
    # Whole-text operations, not one per line: this runs for 16,000 lines on every check that scores a text.
    # Digits are ASCII, so removing them from the UTF-8 bytes leaves every other character whole.
    lines = KEPT_LINE.findall(body)
    keys = "\n".join(lines).encode("utf-8").translate(None, b"0123456789").decode("utf-8").split("\n")
    return dict(zip(keys, lines, strict=True))  # a later pattern with the same letters replaces an earlier one


class Hyphenator:
    """``pyphen.Pyphen(...).positions`` over a table of raw patterns, each parsed on its first match."""

    def __init__(self, patterns: dict[str, str], left: int, right: int) -> None:
        self.patterns: dict[str, str | Pattern] = dict(patterns)
        self.maxlen = max(map(len, patterns))  # no generator: 16,000 keys
        self.left, self.right = left, right
        self.cache: dict[str, list[int]] = {}

    def points(self, word: str) -> list[int]:
        """pyphen's ``HyphDict.positions``: the odd-valued points of a lower-case word, from every pattern."""
        points = self.cache.get(word)
        if points is None:
            patterns, pointed, maxlen = self.patterns, f".{word}.", self.maxlen
            size, lookup = len(pointed), patterns.get  # locals: the inner loop runs some 15,000 times a check
            references = [0] * (size + 1)
            for i in range(size - 1):
                for j in range(i + 1, min(i + maxlen, size) + 1):
                    pattern = lookup(pointed[i:j])
                    if not pattern:
                        continue
                    if isinstance(pattern, str):
                        pattern = patterns[pointed[i:j]] = parse_pattern(pattern)
                    offset, values = pattern
                    where = slice(i + offset, i + offset + len(values))
                    references[where] = map(max, values, references[where])
            points = self.cache[word] = [i - 1 for i, reference in enumerate(references) if reference % 2]
        return points

    def positions(self, word: str) -> list[int]:
        """pyphen's ``Pyphen.positions``: the points at least ``left`` and ``right`` letters from the edges."""
        right = len(word) - self.right
        return [i for i in self.points(word.lower()) if self.left <= i <= right]


def _dictionary() -> Path | None:
    """pyphen's nl_NL file, found without importing pyphen (its import lists every dictionary); None when
    pyphen is not installed as plain files."""
    from importlib.util import find_spec

    spec = find_spec("pyphen")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "dictionaries" / "hyph_nl_NL.dic"
    return path if path.is_file() else None


def dutch_positions(left: int, right: int) -> Callable[[str], list[int]]:
    """``pyphen.Pyphen(lang="nl_NL", left=left, right=right).positions``, with the patterns read lazily."""
    path = _dictionary()
    try:
        if path is not None:
            return Hyphenator(read_patterns(path), left, right).positions
    except Unusual:
        pass
    import pyphen  # type: ignore[import-untyped]

    return pyphen.Pyphen(lang="nl_NL", left=left, right=right).positions  # type: ignore[no-any-return]

"""pyphen's Dutch hyphenation, with each pattern parsed when it is first looked up.

``pyphen.Pyphen`` parses all 16,000 patterns of a dictionary when it is made: about four times ``import click``,
paid by every ``check`` that scores a text, which then looks up a few hundred of them. This reads the same file
into a table of raw patterns by key (plain string operations), parses a pattern exactly as pyphen does on its
first lookup, and leaves the hyphenating itself to pyphen's own ``HyphDict.positions``. It fills in the attributes
pyphen's constructors set; tests/core/test_hyphenation.py compares table and points with pyphen's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress
from pathlib import Path
from typing import Any

Pattern = tuple[int, tuple[int, ...]]


class LazyPatterns(dict[str, Any]):
    """``HyphDict.patterns`` (key -> (offset, values)); a value still a raw pattern line is parsed on ``get``."""

    def get(self, key: str, default: Any = None) -> Any:
        found = dict.get(self, key)
        if found is None:
            return default
        if isinstance(found, str):
            found = self[key] = parse_pattern(found)
        return found


def parse_pattern(pattern: str) -> Pattern:
    """pyphen's parse of one plain pattern line (digits between letters) into (offset, values)."""
    import pyphen  # type: ignore[import-untyped]

    values = [int(digit or "0") for digit, _ in pyphen.parse(pattern)]
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, tuple(values[start:end])


class Unusual(Exception):
    """A pattern line with more than digits and letters: let pyphen read the whole file."""


def read_patterns(path: Path) -> LazyPatterns:
    """The patterns of a ``hyph_*.dic`` file as pyphen's HyphDict keeps them, left unparsed."""
    import pyphen

    with path.open("rb") as stream:
        encoding = stream.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    body = path.read_text(encoding).partition("\n")[2]  # the first line names the encoding
    if "^^" in body or "/" in body or " " in body or not body.replace("\n", "").isprintable():
        raise Unusual(path.name)  # hex escapes, nonstandard hyphens, spaces in lines (none in nl_NL)
    # Whole-text operations, not one per line: this runs for 16,000 lines on every check that scores a text.
    # pyphen skips empty lines, lines starting with one of its ignored prefixes and patterns of zeros only (no
    # digit 1-9). Digits and newlines are ASCII, so in the UTF-8 bytes no other character holds one.
    ignored: tuple[str, ...] = pyphen.ignored
    if body.startswith(ignored) or any(f"\n{prefix}" in body for prefix in ignored):
        lines = _kept_lines(ignored).findall(body)  # none in nl_NL: the careful way
        keys = _letters("\n".join(lines).encode("utf-8"))
    else:
        encoded = body.encode("utf-8")
        kept = encoded.translate(None, _ALL_BUT_NONZERO_DIGITS).split(b"\n")  # b"" for a line pyphen skips
        lines = list(compress(body.split("\n"), kept))
        keys = list(compress(_letters(encoded), kept))
    # a later pattern with the same letters replaces an earlier one, as dict() does
    return LazyPatterns(zip(keys, lines, strict=True))


def _letters(lines: bytes) -> list[str]:
    """Each line without its digits: the key pyphen files its pattern under."""
    return lines.translate(None, b"0123456789").decode("utf-8").split("\n")


_ALL_BUT_NONZERO_DIGITS = bytes(b for b in range(256) if b not in b"123456789\n")


def _kept_lines(ignored: tuple[str, ...]) -> re.Pattern[str]:
    """The lines pyphen parses into a pattern: not starting with an ignored prefix, with a digit 1-9."""
    prefixes = "|".join(map(re.escape, ignored))
    return re.compile(rf"^(?!{prefixes})[^\n1-9]*[1-9][^\n]*", re.MULTILINE)


def dutch_positions(left: int, right: int) -> Callable[[str], list[int]]:
    """``pyphen.Pyphen(lang="nl_NL", left=left, right=right).positions``, with the patterns read lazily."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("nl_NL")]
    try:
        patterns = read_patterns(path)
    except Unusual:
        return pyphen.Pyphen(filename=path, left=left, right=right).positions  # type: ignore[no-any-return]
    hyph_dict = object.__new__(pyphen.HyphDict)  # the attributes HyphDict.__init__ sets, from our reading
    hyph_dict.patterns = patterns
    hyph_dict.cache = {}
    hyph_dict.maxlen = max(map(len, hyph_dict.patterns))  # no generator: 16,000 keys
    hyphenator = object.__new__(pyphen.Pyphen)
    hyphenator.left, hyphenator.right, hyphenator.hd = left, right, hyph_dict
    return hyphenator.positions  # type: ignore[no-any-return]

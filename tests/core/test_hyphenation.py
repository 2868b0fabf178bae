"""Dutch syllables from lazily parsed patterns (draaiboek.hyphenation) are pyphen's own (issue 20.3): the same
pattern table and the same hyphenation points as ``pyphen.Pyphen(lang="nl_NL")``, compared within one run."""

from __future__ import annotations

import re
from pathlib import Path

import pyphen  # type: ignore[import-untyped]
import pytest

from draaiboek import hyphenation
from draaiboek.hyphenation import (
    IGNORED,
    PARSE,
    Hyphenator,
    Unusual,
    _dictionary,
    dutch_positions,
    parse_pattern,
    read_patterns,
)
from tests.support import ROOT


def reference() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1, cache=False)  # a fresh, fully parsed HyphDict


def test_every_pattern_reads_as_pyphen_reads_it() -> None:
    theirs = reference().hd
    path = _dictionary()  # found without importing pyphen
    assert path is not None and path == pyphen.LANGUAGES[pyphen.language_fallback("nl_NL")]
    assert IGNORED == pyphen.ignored and PARSE("a1b") == pyphen.parse("a1b")  # its constants, copied
    ours = read_patterns(path)
    assert len(ours) == len(theirs.patterns) > 10_000
    assert all(isinstance(raw, str) for raw in ours.values())  # nothing parsed before it is looked up
    assert {key: parse_pattern(raw) for key, raw in ours.items()} == theirs.patterns
    assert Hyphenator(ours, 1, 1).maxlen == theirs.maxlen


def test_a_pattern_is_parsed_on_its_first_match_only() -> None:
    path = _dictionary()
    assert path is not None
    hyphenator = Hyphenator(read_patterns(path), 1, 1)
    assert hyphenator.positions("lettergrepen") == reference().positions("lettergrepen") == [3, 6, 9]
    parsed = [key for key, value in hyphenator.patterns.items() if not isinstance(value, str)]
    assert 0 < len(parsed) < 100 and all(key.strip(".") in "lettergrepen" for key in parsed)


def test_every_word_of_the_bundled_packs_hyphenates_as_with_pyphen() -> None:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "content_packs").rglob("*.yaml")))
    words = sorted(set(re.findall(r"[^\W\d_]+", text.lower())))
    assert len(words) > 3000
    ours, theirs = dutch_positions(left=1, right=1), reference().positions
    assert [ours(word) for word in words] == [theirs(word) for word in words]
    edges = dutch_positions(left=2, right=2)  # pyphen's defaults, to show left/right reach it
    assert [edges(w) for w in words[:500]] == [pyphen.Pyphen(lang="nl_NL").positions(w) for w in words[:500]]


def test_pyphen_itself_reads_a_dictionary_this_reading_does_not_cover(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    unusual = tmp_path / "hyph_xx.dic"
    unusual.write_text("UTF-8\n.a1b\nc^^e9d1\n", encoding="utf-8")  # a hex escape: pyphen's to read
    with pytest.raises(Unusual):
        read_patterns(unusual)
    monkeypatch.setattr(hyphenation, "_dictionary", lambda: None)  # pyphen not installed as plain files
    fallback = dutch_positions(left=1, right=1)
    assert isinstance(fallback.__self__, pyphen.Pyphen)  # type: ignore[attr-defined]
    assert fallback("lettergrepen") == [3, 6, 9]

"""Dutch syllables from lazily parsed patterns (draaiboek.hyphenation) are pyphen's own (issue 20.3): the same
pattern table and the same hyphenation points as ``pyphen.Pyphen(lang="nl_NL")``, compared within one run."""

from __future__ import annotations

import re
from pathlib import Path

import pyphen  # type: ignore[import-untyped]

from draaiboek.hyphenation import LazyPatterns, dutch_positions, read_patterns
from tests.support import ROOT


def reference() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL", left=1, right=1, cache=False)  # a fresh, fully parsed HyphDict


def test_every_pattern_reads_as_pyphen_reads_it() -> None:
    theirs = reference().hd
    ours = read_patterns(pyphen.LANGUAGES[pyphen.language_fallback("nl_NL")])
    assert isinstance(ours, LazyPatterns) and len(ours) == len(theirs.patterns) > 10_000
    assert all(isinstance(raw, str) for raw in dict.values(ours))  # nothing parsed before it is looked up
    assert {key: ours.get(key) for key in theirs.patterns} == theirs.patterns
    assert ours.get("no such pattern") is None and ours.get("xq", 7) == 7
    assert max(len(key) for key in ours) == theirs.maxlen


def test_every_word_of_the_bundled_packs_hyphenates_as_with_pyphen() -> None:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "content_packs").rglob("*.yaml")))
    words = sorted(set(re.findall(r"[^\W\d_]+", text.lower())))
    assert len(words) > 3000
    ours, theirs = dutch_positions(left=1, right=1), reference().positions
    assert [ours(word) for word in words] == [theirs(word) for word in words]
    edges = dutch_positions(left=2, right=2)  # pyphen's defaults, to show left/right reach it
    assert [edges(w) for w in words[:500]] == [pyphen.Pyphen(lang="nl_NL").positions(w) for w in words[:500]]


def test_lines_pyphen_skips_are_skipped_either_way(tmp_path: Path) -> None:
    """Empty lines, patterns of zeros only and (second file) lines with an ignored prefix, which the bundled
    nl_NL file does not have: the table still equals pyphen's."""
    plain = tmp_path / "hyph_xx_XX.dic"
    plain.write_text("UTF-8\n.ab1c\n\nab3c\n2bc\nx0y\nab0c\në1ë\n", encoding="utf-8")
    prefixed = tmp_path / "hyph_yy_YY.dic"
    prefixed.write_text("UTF-8\n%note\n.ab1c\n#x1y\nab0c\nLEFTHYPHENMIN1\n2bc\n", encoding="utf-8")
    for path, size in ((plain, 4), (prefixed, 2)):
        theirs = pyphen.HyphDict(path).patterns
        ours = read_patterns(path)
        assert len(ours) == len(theirs) == size, path.name
        assert {key: ours.get(key) for key in theirs} == theirs

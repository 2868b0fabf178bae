"""difflib.get_close_matches(word, known, n=1), the same answer faster: for each unknown id of a big pack.

The candidates' letter counts are worked out once (``Candidates``), and a candidate is skipped as soon as an
upper bound of its score (its length, then its letters) is below the best score so far; difflib computes
both bounds for every candidate. Ties still go to the larger string, as in difflib.
"""

from __future__ import annotations

from collections import Counter

CUTOFF = 0.6  # difflib's default


def _ratio(matches: int, length: int) -> float:
    return 2.0 * matches / length if length else 1.0  # difflib's own formula, so the floats compare the same


class Candidates:
    def __init__(self, known: list[str]) -> None:
        self.known = [(text, len(text), tuple(Counter(text).items())) for text in known]

    def closest(self, word: str) -> str | None:
        """The best match other than ``word`` itself, or None."""
        import difflib  # only for an unknown id: every check imports this module

        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        counts = Counter(word)
        size = len(word)
        best: tuple[float, str] | None = None
        floor = CUTOFF
        for text, length, letters in self.known:
            if text == word or _ratio(min(length, size), length + size) < floor:
                continue
            if _ratio(sum(min(n, counts[c]) for c, n in letters), length + size) < floor:
                continue
            matcher.set_seq1(text)
            score = matcher.ratio()
            if score >= floor and (best is None or (score, text) > best):
                best, floor = (score, text), score
        return best[1] if best else None

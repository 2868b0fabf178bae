"""How hard a Dutch text is to read: sentences, words, syllables and the Flesch-Douma score.

Flesch-Douma (Douma 1960, Flesch's reading ease fitted to Dutch):
``206.84 - 0.77 * syllables per 100 words - 0.93 * words per sentence``; higher is easier. Syllables come from
pyphen's nl_NL hyphenation patterns (the LibreOffice/Hunspell ones), imported only when a score is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from attrs import frozen

#: Below this score a text of at least ``MIN_WORDS`` words is harder than B1 (60-70 reads as "normal" Dutch,
#: the level B1 guides aim for; under 60 is "fairly difficult").
B1_THRESHOLD = 60.0
#: Shorter texts are not scored: a few words swing the formula too far to mean anything.
MIN_WORDS = 40
#: A sentence longer than this is hard to follow at B1.
MAX_SENTENCE_WORDS = 20

WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
# A sentence ends at . ! ? followed by space and a capital, digit, quote or bracket.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Þ])")
ABBREVIATION = re.compile(r"\b(?:bijv|bv|o\.a|d\.w\.z|m\.b\.t|t\.a\.v|i\.p\.v|z\.s\.m|e\.d|enz|etc|ca|nr|blz|dhr|mevr|"
                          r"mr|dr|drs|ir|ing|prof|evt|incl|excl|resp|vs|jl|a\.s|n\.a\.v)\.$", re.IGNORECASE)


@frozen
class Reading:
    """The counts of one text and its Flesch-Douma score (None without words or without a syllable count)."""

    words: int
    sentences: int
    syllables: int | None
    longest: int
    long_sentences: tuple[str, ...]

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_100_words(self) -> float:
        return 100 * self.syllables / self.words if self.words and self.syllables is not None else 0.0

    @property
    def score(self) -> float | None:
        if not self.words or self.syllables is None:
            return None
        return 206.84 - 0.77 * self.syllables_per_100_words - 0.93 * self.words_per_sentence

    @property
    def scored(self) -> bool:
        """Long enough for the score to mean something."""
        return self.words >= MIN_WORDS

    @property
    def below_b1(self) -> bool:
        score = self.score
        return self.scored and score is not None and score < B1_THRESHOLD


LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")


def paragraphs(markdown: str) -> list[str]:
    """The plain text of each paragraph, list item and heading: each ends a sentence, period or not.

    A light reading of Markdown (links, emphasis, list and heading marks), so `check` need not load the
    full parser the exporters use.
    """
    found: list[str] = []
    current: list[str] = []
    for line in markdown.splitlines():
        starts_block = BLOCK_START.match(line) is not None
        if not line.strip() or starts_block:
            if current:
                found.append(" ".join(current))
            current = []
        text = EMPHASIS.sub("", LINK.sub(r"\1", BLOCK_START.sub("", line))).strip()
        if text:
            current.append(text)
    if current:
        found.append(" ".join(current))
    return found


def split_sentences(paragraph: str) -> list[str]:
    parts = SENTENCE_END.split(paragraph.strip())
    sentences: list[str] = []
    for part in parts:
        if sentences and ABBREVIATION.search(sentences[-1]):
            sentences[-1] += " " + part  # 'bijv. De ...' does not end a sentence
        else:
            sentences.append(part)
    return [s for s in sentences if WORD.search(s)]


def sentences(markdown: str) -> list[str]:
    return [s for para in paragraphs(markdown) for s in split_sentences(para)]


def words(sentence: str) -> list[str]:
    return WORD.findall(sentence)


@cache
def _hyphenator() -> Callable[[str], list[int]]:
    # Only when a text is scored: `draaiboek --help` and plain `show` stay light. pyphen's nl_NL patterns, each
    # parsed on first use (draaiboek.hyphenation): parsing all of them up front cost more than the rest of a check.
    from draaiboek.hyphenation import dutch_positions

    # left/right 1: count a single-letter syllable at a word's edge too ('a-de-men' is three).
    return dutch_positions(left=1, right=1)


VOWELS = re.compile(r"[aeiouyàáâèéêìíîòóôùúû]+|[äëïöü]")


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    """Syllables of one word: its hyphenation points plus one, per part of a compound with a hyphen.

    Hyphenation never splits off a single letter at a word's edge ('a-de-men'), so where the vowel groups
    count more ('ideeën', 'ademen'), they count. A number or a word without vowels ('2024', 'SPV') is one.
    """
    total = 0
    for part in re.split(r"[-'’]", word.lower()):
        groups = len(VOWELS.findall(part))
        if groups:
            total += max(len(_hyphenator()(part)) + 1, groups)
    return max(total, 1)


def reading(markdown: str, count_syllables: bool | None = None) -> Reading:
    """Count a text: its sentences (paragraphs and list items end one), words and syllables.

    Syllables (and so the score) are counted only for texts long enough to score, unless asked for: a pack
    of short texts never loads the hyphenation dictionary.
    """
    found = sentences(markdown)
    lengths = [len(words(s)) for s in found]
    total = sum(lengths)
    long = tuple(s for s, n in zip(found, lengths, strict=True) if n > MAX_SENTENCE_WORDS)
    count = total >= MIN_WORDS if count_syllables is None else count_syllables
    counted = sum(syllables(w) for s in found for w in words(s)) if count else None
    return Reading(total, len(found), counted, max(lengths, default=0), long)

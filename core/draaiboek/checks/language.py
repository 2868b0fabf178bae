"""Language for the reader (B1): acronyms, double-barrelled statements, long sentences, readability.

Only participant texts are read (draaiboek.views.participants decides which); trainer notes may be dense.
Every finding is a warning with the element's ref, so an author can accept it with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from draaiboek.checks.base import Finding, warning
from draaiboek.model import GlossaryEntry, Pack
from draaiboek.refs import Resolver
from draaiboek.views.participants import ParticipantText, Path, glossary_used, pack_texts

#: Acronyms written in lower case (or with one capital, 'Wlz') that participants meet in care and welfare.
KNOWN_LOWER = frozenset({
    "avg", "ggz", "ggd", "lvb", "wmo", "wlz", "wgbo", "wzd", "wvggz", "zvw", "cjg", "pgb", "ciz", "cak", "uwv", "svb",
    "vog", "mbo", "hbo", "spv", "fact", "iq",
})
ROMAN = re.compile(r"^[IVXLC]+$")
TOKEN = re.compile(r"[^\W_]+")
# 'of' meaning 'whether' after these verbs asks one thing ('ik kan inschatten of ...').
WHETHER = frozenset({
    "weet", "weten", "inschatten", "nagaan", "bepalen", "beoordelen", "vragen", "vraag", "checken", "check", "zien",
    "merken", "merk", "na", "afwegen", "beslissen", "kijken", "kijk", "twijfel", "twijfelen", "controleren", "toetsen",
})
JOIN = re.compile(r"\b(en|of)\b", re.IGNORECASE)
# After 'en'/'of': a new clause with its own subject ('en ik', 'of we').
CLAUSE_START = re.compile(r"(?:ik|we|wij|je|jij|zij|ze|hij|u)\b", re.IGNORECASE)
# Before 'en'/'of': a list, 'A, B' with no clause break since the comma.
LIST = re.compile(r",[^,.;:]{1,60}$")
# ... unless what follows the comma is the main clause ('Als ..., dan meld ik', '..., ga ik na') or examples.
NOT_A_LIST = re.compile(r"\s*(?:dan\b|\S+\s+(?:ik|we|wij|je|jij|hij|zij|ze|u)\b)", re.IGNORECASE)


def check_language(pack: Pack, resolver: Resolver) -> Iterator[Finding]:
    from draaiboek.readability import B1_THRESHOLD, MAX_SENTENCE_WORDS, MIN_WORDS, reading, sentences

    for text in pack_texts(pack):
        if text.path is None or not text.text.strip():
            continue
        plain = " ".join(sentences(text.text))
        yield from _acronyms(text, text.path, plain, pack.glossary)
        if text.scored:
            yield from _double_barrelled(text, text.path, plain)
        found = reading(text.text)
        if found.long_sentences:
            longest = max(found.long_sentences, key=lambda s: len(s.split()))
            many = len(found.long_sentences)
            count = (f"{many} sentences longer than {MAX_SENTENCE_WORDS} words, the longest" if many > 1
                     else "a sentence")
            yield warning("LANG003", f"{text.label}: {count} of {found.longest} words: '{_excerpt(longest)}'",
                          text.path, f"split it: one thought per sentence, at most {MAX_SENTENCE_WORDS} words"
                          f"{_accept(text)}", text.ref)
        score = found.score
        if found.below_b1 and score is not None:
            yield warning("LANG004", f"{text.label}: readability {score:.1f} (Flesch-Douma) is below B1 "
                          f"({B1_THRESHOLD:.0f}): {found.words_per_sentence:.1f} words per sentence, "
                          f"{found.syllables_per_100_words:.0f} syllables per 100 words", text.path,
                          f"use shorter sentences and everyday words (texts of {MIN_WORDS}+ words are scored)"
                          f"{_accept(text)}", text.ref)


def acronyms(plain: str) -> list[str]:
    """Acronyms in a text, each once: two or more capitals ('SPV', 'FACT-team'), or a known one ('avg', 'Wlz')."""
    found: dict[str, str] = {}
    for token in TOKEN.findall(plain):
        # Most words have no capital at all: skip counting their letters (this runs for every word of a pack).
        if (not token.islower() and _mostly_capitals(token)) or token.casefold() in KNOWN_LOWER:
            found.setdefault(token.casefold(), token)
    return list(found.values())


def _mostly_capitals(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    capitals = sum(1 for c in letters if c.isupper())
    return capitals >= 2 and 2 * capitals >= len(letters) and not ROMAN.match(token)


def explained_in(plain: str, acronym: str) -> bool:
    """The text spells it out itself: 'sociaal-psychiatrisch verpleegkundige (SPV)' or 'SPV (...)'."""
    term = re.escape(acronym)
    return re.search(rf"\(\s*{term}\s*\)|(?<![\w-]){term}\s*(?:\(|staat voor\b)", plain, re.IGNORECASE) is not None


def _acronyms(text: ParticipantText, path: Path, plain: str, glossary: list[GlossaryEntry]) -> Iterator[Finding]:
    # An entry defines its spellings, and the parts of a spelling the text uses ('PDD-NOS' defines 'NOS' there).
    defined = {s for e in glossary for s in e.spellings}
    defined |= {part for e in glossary_used(plain, glossary) for s in e.spellings for part in TOKEN.findall(s)}
    missing = [a for a in acronyms(plain) if not explained_in(plain, a) and a not in defined]
    if missing:
        names = ", ".join(f"'{a}'" for a in missing)
        first = missing[0]
        yield warning("LANG001", f"{text.label}: {'acronym' if len(missing) == 1 else 'acronyms'} {names} not "
                      "spelled out", path, f"add it to the pack's glossary ({{term: {first}, expansion: ..., "
                      f"explanation: ...}}) or write it out in this text ('... ({first})'){_accept(text)}", text.ref)


def double_barrel(plain: str) -> re.Match[str] | None:
    """Where the text joins two things to score ('en' or 'of'), or None.

    Flagged: two clauses ('..., en ik weet ...', '... en ik ...') and lists ('A, B en C'). Not flagged: one pair
    ('cliënt en naasten', 'kort en concreet'), 'tussen A en B', 'wel of niet', 'inschatten of' (whether).
    """
    for match in JOIN.finditer(plain):
        joined = match.group(1).casefold()
        before, after = plain[:match.start()], plain[match.end():].lstrip()
        words = before.split()
        previous = words[-1].casefold() if words else ""
        if not words or after.startswith("niet") or previous in ("wel", "en", "of"):
            continue  # 'wel of niet', 'wel en niet', 'en/of': one question
        if joined == "of" and previous.strip(",") in WHETHER:
            continue  # 'ik kan inschatten of ...': whether
        if joined == "en" and "tussen" in (w.casefold() for w in words[-6:]):
            continue  # 'het verschil tussen A en B' is one thing
        if joined == "of" and previous == "hij" and after.startswith("zij"):
            continue  # 'hij of zij' is one person
        clause = before.rstrip().endswith(",") or CLAUSE_START.match(after) is not None
        listed = ((found := LIST.search(before)) is not None and not NOT_A_LIST.match(found.group(0)[1:])
                  and "zoals" not in (w.casefold() for w in words[-12:]))
        if clause or listed:
            return match
    return None


def _double_barrelled(text: ParticipantText, path: Path, plain: str) -> Iterator[Finding]:
    match = double_barrel(plain)
    if match:
        around = " ".join(plain[max(match.start() - 40, 0):match.end() + 40].split()[1:-1])
        yield warning("LANG002", f"{text.label} may ask two things at once ('{match.group(1)}'): '... {around} ...'",
                      path, "a participant gives one score per statement: split it, or keep one action and "
                      f"one object{_accept(text)}", text.ref)


def _excerpt(sentence: str, size: int = 60) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= size else sentence[:size].rsplit(" ", 1)[0] + " ..."


def _accept(text: ParticipantText) -> str:
    return f"; accept it with ref '{text.ref}' and a reason if the wording must stay"

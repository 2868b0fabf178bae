"""What never goes on a slide: editorial and authoring remarks, version numbers, ids, answers in the task.

Packs record editorial decisions in their own words ("De bron bevat geen ...", "door de redactie
geschreven"); such sentences belong in the trainer's notes or the colophon, not in front of the room.
"""

from __future__ import annotations

import re

from draaiboek.markdown import Para, Run
from draaiboek_slides.fit import sentences

EDITORIAL = re.compile(
    r"\bredactie\b|\bredactioneel\b|\beditorial\b|\bde bron (?:bevat|geeft|noemt|zegt) (?:geen|niets)"
    r"|\bthe source (?:has|gives|says) no|\bcolofon\b|\bcolophon\b|\bverzonnen\b|\bfictional\b"
    r"|\bnog niet vastgesteld\b|\bnot yet (?:adopted|established)\b|\bopgegeven duur\b"
    r"|\b\d+\.\d+\.\d+\b|\b[a-z][a-z0-9]*-(?:lo|wf|hw|q)\d+\b",
    re.IGNORECASE)


def is_editorial(text: str) -> bool:
    return EDITORIAL.search(text) is not None


def clean(paras: list[Para]) -> list[Para]:
    """The paragraphs without editorial sentences (a paragraph left empty disappears)."""
    out: list[Para] = []
    for para in paras:
        if not is_editorial(para.text):
            out.append(para)
            continue
        kept = [s for s in sentences(para) if not is_editorial(s.text)]
        if kept and not para.heading:
            runs = tuple(r if i == 0 or not k else Run(" " + r.text.lstrip(), r.bold, r.italic, r.href)
                         for k, s in enumerate(kept) for i, r in enumerate(s.runs))
            out.append(Para(runs, para.level, para.bullet, para.number, para.heading))
    return out


def without_answers(paras: list[Para]) -> list[Para]:
    """A quiz as the room sees it: italic parenthesised runs (the answers, for the debrief) left out."""
    out: list[Para] = []
    for para in paras:
        runs = tuple(r for r in para.runs if not (r.italic and r.text.strip().startswith("(")
                                                  and r.text.strip().endswith(")")))
        if runs and "".join(r.text for r in runs).strip():
            out.append(Para(runs, para.level, para.bullet, para.number, para.heading))
    return out


def has_answers(paras: list[Para]) -> bool:
    return [p.text for p in without_answers(paras)] != [p.text for p in paras]

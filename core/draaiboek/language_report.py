"""`show --language`: per session, how readable each participant text is, so authors see where to work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from draaiboek.readability import B1_THRESHOLD, MAX_SENTENCE_WORDS, MIN_WORDS, reading

if TYPE_CHECKING:
    from draaiboek.views.training import TrainingView

HEADER = f"{'score':>6} {'words':>5} {'longest':>7}  text"


def render_language(view: TrainingView) -> str:
    """A table per session: Flesch-Douma score (texts of MIN_WORDS+ words), word count, longest sentence.

    A '!' marks a score below B1 or a sentence over MAX_SENTENCE_WORDS words; 'a' such a text whose warning
    the pack accepts (as `check` does: by the text's ref, its owner's, or for the whole code).
    """
    from draaiboek.views.participants import session_texts

    legend = (f"Flesch-Douma, B1 from {B1_THRESHOLD:.0f} (texts of {MIN_WORDS}+ words); sentences up to "
              f"{MAX_SENTENCE_WORDS} words; '!' marks a text to work on, 'a' one whose warning the pack accepts")
    lines = [f"{view.training.title}: participant texts", legend]
    flagged = total = 0
    for title, texts in session_texts(view):
        if not texts:
            continue
        lines += ["", title, HEADER]
        for text in texts:
            found = reading(text.text)
            score = found.score
            shown = f"{score:6.1f}" if found.scored and score is not None else f"{'-':>6}"
            codes = [c for c, hit in (("LANG004", found.below_b1), ("LANG003", found.longest > MAX_SENTENCE_WORDS))
                     if hit]
            mark = " " if not codes else "a" if all(_accepted(view, c, text.ref) for c in codes) else "!"
            flagged += mark == "!"
            total += 1
            lines.append(f"{shown} {found.words:>5} {found.longest:>7} {mark}{text.label}")
    lines += ["", f"{total} participant texts, {flagged} to work on"]
    return "\n".join(lines)


def _accepted(view: TrainingView, code: str, ref: str) -> bool:
    accepted = {(a.code, a.ref) for a in view.pack.accepted_warnings}
    return bool({(code, ref), (code, None), (code, ref.split("/", 1)[0])} & accepted)

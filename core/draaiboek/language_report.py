"""`show --language`: per session, how readable each participant text is, so authors see where to work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from draaiboek.readability import B1_THRESHOLD, MAX_SENTENCE_WORDS, MIN_WORDS, reading

if TYPE_CHECKING:
    from draaiboek.views.training import TrainingView

HEADER = f"{'score':>6} {'words':>5} {'longest':>7}  text"


def render_language(view: TrainingView) -> str:
    """A table per session: Flesch-Douma score (texts of MIN_WORDS+ words), word count, longest sentence.

    A '!' marks a score below B1 or a sentence over MAX_SENTENCE_WORDS words.
    """
    from draaiboek.views.participants import session_texts

    legend = (f"Flesch-Douma, B1 from {B1_THRESHOLD:.0f} (texts of {MIN_WORDS}+ words); sentences up to "
              f"{MAX_SENTENCE_WORDS} words; '!' marks a text to work on")
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
            mark = "!" if found.below_b1 or found.longest > MAX_SENTENCE_WORDS else " "
            flagged += mark == "!"
            total += 1
            lines.append(f"{shown} {found.words:>5} {found.longest:>7} {mark}{text.label}")
    lines += ["", f"{total} participant texts, {flagged} to work on"]
    return "\n".join(lines)

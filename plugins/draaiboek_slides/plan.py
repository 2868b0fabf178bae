"""The layout plan: a deck as a list of :class:`SlidePlan` built from the model (no python-pptx here).

The plan decides which slides a deck has, what is on them, what goes into the speaker notes and how text
is fitted: one body size per deck, long lists continued at item boundaries (for at most 5% of the deck's
slides), everything else shortened on the slide with the full text in the notes. The renderer only puts
the plan into a template.
"""

from __future__ import annotations

from dataclasses import replace

from draaiboek.errors import ExportError, ExportNotApplicable
from draaiboek.markdown import Para, heading, plain
from draaiboek.model import GlossaryEntry, Session, Training
from draaiboek.views.participants import spelled_out
from draaiboek_slides import sections
from draaiboek_slides.deck import ROLES, Context, DeckOptions, Geometry, Role, SlidePlan
from draaiboek_slides.fit import MAX_WORDS, Box, fits, paginate, shorten, word_count

__all__ = ["ROLES", "Context", "DeckOptions", "Geometry", "Role", "SlidePlan", "build_deck", "select_sessions"]

#: Share of a deck's slides that may be "(continued)" slides.
CONTINUATION_SHARE = 0.05
#: The smallest body size the deck shrinks to, and the share of slides that must fit without shortening.
MIN_FONT = 18.0
FIT_SHARE = 0.9


def select_sessions(training: Training, choice: str | None) -> list[Session]:
    """The sessions ``--session`` names: ``all`` (default), a number, a position or an id."""
    if choice is None or choice.strip().lower() == "all":
        return list(training.sessions)
    wanted = choice.strip()
    for session in training.sessions:
        if session.id == wanted or (wanted.isdigit() and session.number == int(wanted)):
            return [session]
    if wanted.isdigit() and 1 <= int(wanted) <= len(training.sessions):
        return [training.sessions[int(wanted) - 1]]
    ids = ", ".join(s.id for s in training.sessions)
    raise ExportError(f"training {training.id!r} has no session {wanted!r}: use all, a number or one of: {ids}")


def build_deck(ctx: Context, sessions: list[Session], geometry: Geometry) -> list[SlidePlan]:
    """The slides for one session, or for several with a section slide before each."""
    if not sessions:
        raise ExportNotApplicable(f"training {ctx.training.id!r} has no sessions to make slides for")
    return fit_slides(ctx, spell_out_acronyms(sections.deck_slides(ctx, sessions), ctx.pack.glossary), geometry)


def spell_out_acronyms(slides: list[SlidePlan], glossary: list[GlossaryEntry]) -> list[SlidePlan]:
    """Each glossary term written out once: on the first slide whose body uses it (titles stay short)."""
    pending = list(glossary)
    out: list[SlidePlan] = []
    for slide in slides:
        if pending and slide.role != "title":
            body: list[Para] = []
            right: list[Para] = []
            for column, target in ((slide.body, body), (slide.right, right)):
                for para in column:
                    runs = []
                    for run in para.runs:
                        for entry in list(pending):
                            written = spelled_out(run.text, entry)
                            if written is not None:
                                run = replace(run, text=written)
                                pending.remove(entry)
                        runs.append(run)
                    target.append(replace(para, runs=tuple(runs)))
            slide = replace(slide, body=body, right=right)
        out.append(slide)
    return out


def _columns_fit(slide: SlidePlan, geometry: Geometry) -> bool:
    if slide.role == "two_columns" and geometry.left is not None and geometry.right is not None:
        return fits(slide.body, geometry.left) and fits(slide.right, geometry.right) \
            and fits(slide.body + slide.right, Box(1e6, 1e6, 1))
    return fits(slide.body + slide.right, geometry.content)


def deck_font(slides: list[SlidePlan], geometry: Geometry) -> float:
    """One body size for the whole deck: the template's, unless too few slides fit; then the largest size
    (in 2 pt steps, not below :data:`MIN_FONT`) at which most do."""
    content = [s for s in slides if s.role not in ("title", "section")]
    size = geometry.content.font
    while size - 2 >= MIN_FONT:
        fitting = sum(_columns_fit(s, geometry.with_font(size)) for s in content)
        if fitting >= FIT_SHARE * len(content):
            break
        size -= 2
    return size


def fit_slides(ctx: Context, slides: list[SlidePlan], geometry: Geometry) -> list[SlidePlan]:
    """Merge columns the template cannot show, pick the deck's body size and fit every slide."""
    slides = [replace(s, role="content", body=s.body + s.right, right=[])
              if s.role == "two_columns" and (geometry.left is None or geometry.right is None) else s
              for s in slides]
    font = deck_font(slides, geometry)
    sized = geometry.with_font(font)
    marker = font if font < geometry.content.font else None
    budget = int(CONTINUATION_SHARE * len(slides))
    fitted: list[SlidePlan] = []
    for slide in slides:
        if slide.role in ("title", "section"):
            fitted.append(slide)
            continue
        if slide.role == "two_columns" and not _columns_fit(slide, sized):
            assert sized.left is not None and sized.right is not None
            right = shorten(slide.right, sized.right, MAX_WORDS // 2)
            left = shorten(slide.body, sized.left, MAX_WORDS - word_count(right))
            if left and right:  # both columns shortened, the layout kept
                fitted.append(replace(slide, body=left, right=right, font=marker,
                                      notes=slide.notes + _left_out(ctx, slide.body + slide.right, left + right)))
                continue
            slide = replace(slide, role="content", body=slide.body + slide.right, right=[])
        if _columns_fit(slide, sized):
            fitted.append(replace(slide, font=marker))
            continue
        pages = paginate(slide.body, sized.content) if slide.list_like else []
        if 1 < len(pages) <= budget + 1 and sum(map(len, pages)) == len(slide.body):
            budget -= len(pages) - 1
            fitted.extend(_continued(ctx, slide, pages, marker))
            continue
        kept = shorten(slide.body, sized.content)
        fitted.append(replace(slide, body=kept, font=marker, notes=slide.notes + _left_out(ctx, slide.body, kept)))
    return fitted


def _continued(ctx: Context, slide: SlidePlan, pages: list[list[Para]], font: float | None) -> list[SlidePlan]:
    out = [replace(slide, body=pages[0], font=font)]
    for page in pages[1:]:
        cue = f"{ctx.t('continued')}: {slide.title}"
        out.append(replace(slide, title=f"{slide.title} ({ctx.t('continued')})", body=page, font=font,
                           notes=[plain(cue)]))
    return out


def _left_out(ctx: Context, whole: list[Para], kept: list[Para]) -> list[Para]:
    """For the notes: what the slide leaves out or shows shortened, in full."""
    shown = {p.text for p in kept}
    missing = [p for p in whole if p.text not in shown]
    return [heading(ctx.t("left_out")), *missing] if missing else []

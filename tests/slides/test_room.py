"""Decks as the room sees them: every bundled deck and decks made with test templates, rendered by LibreOffice
and measured (issue 13): few continuation slides, no split sentence, no text outside its box, no empty
content slide, no editorial text, slide numbers, word limits, titles clear of the body."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from deckmeasure import DeckFigures, measure

from draaiboek.cli import build_app
from tests.support import FULL_PACK, soffice_convert

pytestmark = pytest.mark.libreoffice
MAX_WORDS = 80


def run(*args: str) -> Result:
    """The CLI in-process, as the ``run_cli`` fixture runs it."""
    group, state = build_app(list(args), None)
    return CliRunner().invoke(group, list(args), obj=state, catch_exceptions=False)


#: Test templates (tests/slides/templates.py) whose decks are measured besides the bundled ones.
MEASURED = ("large-titles", "footers", "no-idx")


def rendered_decks(out: Path, templates: dict[str, Path]) -> list[DeckFigures]:
    """Every bundled deck, and whole-training decks with the test-built templates, measured after LibreOffice."""
    built = run("build", "-o", str(out / "bundled"), "--exporter", "slides")
    assert built.exit_code == 0, built.output
    (out / "templated").mkdir()
    for name, template in templates.items():
        for pack in ("het-gesprek", str(FULL_PACK)):
            target = out / "templated" / f"{name}-{Path(pack).name}.pptx"
            result = run("export", "slides", pack, "-o", str(target), "--template", str(template),
                         "--session", "all", "--date", "2027-05-04")
            assert result.exit_code == 0, result.output
    figures = []
    for deck in sorted([*(out / "bundled").rglob("*.pptx"), *(out / "templated").glob("*.pptx")]):
        pdf = soffice_convert(deck, "pdf", out / "pdf" / deck.parent.name)
        figures.append(measure(deck, pdf))
    return figures


def problems(deck: DeckFigures) -> list[str]:
    """What a trainer projecting the deck would object to, one line each."""
    name = deck.path.name
    out = []
    if len(deck.continued) > 0.05 * len(deck.slides):
        out.append(f"{name}: {len(deck.continued)} continuation slides of {len(deck.slides)}")
    out += [f"{name} #{s.number}: starts mid-sentence" for s in deck.split_sentences]
    for slide in deck.slides:
        where = f"{name} #{slide.number} {slide.title!r}"
        if slide.outside:
            out.append(f"{where}: text outside its box {slide.outside[:6]}")
        if slide.title_outside:
            out.append(f"{where}: title runs out of its box {slide.title_outside}")
        if slide.empty:
            out.append(f"{where}: empty content slide")
        if slide.content and not slide.has_number:
            out.append(f"{where}: no slide number")
        if slide.content and slide.words > MAX_WORDS:
            out.append(f"{where}: {slide.words} words")
    out += [f"{name}: editorial text on slide {e}" for e in deck.editorial()]
    out += [f"{name}: ids or metadata in notes {e}" for e in deck.bad_notes()]
    return out


def test_every_bundled_and_templated_deck_holds_the_room_figures(tmp_path: Path, templates: dict[str, Path],
                                                                 libreoffice_template: Path) -> None:
    chosen = {name: templates[name] for name in MEASURED} | {"libreoffice-saved": libreoffice_template}
    decks = rendered_decks(tmp_path, chosen)
    assert len(decks) >= 20 + 2 * len(chosen)
    found = [line for deck in decks for line in problems(deck)]
    assert not found, "\n".join(found)
    words = [w for deck in decks for w in deck.words]
    assert statistics.median(words) <= 50, statistics.median(words)
    templated = [d for d in decks if d.path.parent.name == "templated"]
    assert len(templated) == 2 * len(chosen)
    for deck in templated:  # the layouts' footer, date and slide number placeholders, filled
        assert all(s.has_number for s in deck.slides[1:]), deck.path.name
        assert all("4 mei 2027" in s.furniture or "4 May 2027" in s.furniture for s in deck.slides[1:]), deck.path.name

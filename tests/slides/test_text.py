"""Markdown to runs, and the text size estimation that replaces fit_text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from draaiboek.markdown import Para, parse, plain
from draaiboek_slides.fit import (
    ELLIPSIS,
    MAX_WORDS,
    Box,
    fits,
    line_count,
    paginate,
    sentences,
    shorten,
    word_count,
)


def test_markdown_formatting_becomes_runs() -> None:
    paras = parse("Een **vet** en *schuin* woord met [een link](https://example.org).")
    assert len(paras) == 1
    runs = paras[0].runs
    assert [(r.text, r.bold, r.italic, r.href) for r in runs] == [
        ("Een ", False, False, None), ("vet", True, False, None), (" en ", False, False, None),
        ("schuin", False, True, None), (" woord met ", False, False, None),
        ("een link", False, False, "https://example.org"), (".", False, False, None)]
    assert "*" not in paras[0].text


def test_nested_and_ordered_lists_keep_levels_and_numbers() -> None:
    paras = parse("- een\n- twee\n  - diep\n\n3. drie\n4. vier")
    assert [(p.text, p.level, p.bullet) for p in paras] == [
        ("een", 1, "bullet"), ("twee", 1, "bullet"), ("diep", 2, "bullet"), ("drie", 1, "number"),
        ("vier", 1, "number")]
    assert [p.number for p in paras[3:]] == [3, 4]


def test_markdown_heading_is_bold() -> None:
    [title, body] = parse("## Kopje\n\nTekst")
    assert title.heading and all(run.bold for run in title.runs) and not body.heading


def test_empty_markdown_gives_nothing() -> None:
    assert parse(None) == [] and parse("  \n") == []


def test_line_count_wraps_at_words() -> None:
    assert line_count("aaa bbb ccc", 7) == 2
    assert line_count("", 10) == 1


WORDS = st.text(alphabet="abcdefghij", min_size=1, max_size=14)
SENTENCE = st.builds(lambda ws: " ".join(ws) + ".", st.lists(WORDS, min_size=1, max_size=20))
PARAS = st.lists(st.builds(lambda ss, lvl: plain(" ".join(ss), level=lvl), st.lists(SENTENCE, min_size=1, max_size=6),
                           st.integers(0, 2)), min_size=1, max_size=25)
BOXES = st.builds(Box, st.floats(200, 900), st.floats(120, 400), st.sampled_from([16.0, 20.0, 24.0]))


def _sentences(paras: list[Para]) -> list[str]:
    return [s.text for p in paras for s in sentences(p)]


@settings(max_examples=60, deadline=None)
@given(PARAS, BOXES)
def test_pages_split_only_between_paragraphs_and_every_page_fits(paras: list[Para], box: Box) -> None:
    pages = paginate(paras, box)
    for page in pages:
        assert fits(page, box) or (len(page) == 1 and ELLIPSIS in page[0].text)
    texts = [p.text for page in pages for p in page]
    originals = [p.text for p in paras]
    # every paragraph is whole, or shortened to its first sentences (never cut mid-sentence unless ellipsised)
    for text in texts:
        assert text in originals or any(o.startswith(text) for o in originals) or text.endswith(ELLIPSIS)
        assert text.endswith((".", ELLIPSIS))


@settings(max_examples=60, deadline=None)
@given(PARAS, BOXES)
def test_shortened_text_fits_and_keeps_whole_sentences(paras: list[Para], box: Box) -> None:
    kept = shorten(paras, box)
    assert fits(kept, box) or not kept
    known = set(_sentences(paras))
    for para in kept:
        for sentence in sentences(para):
            assert sentence.text in known or sentence.text.endswith(ELLIPSIS), sentence.text


def test_shortening_drops_details_before_prose_and_cuts_at_a_sentence_end() -> None:
    box = Box(400, 120, 20)
    paras = [plain("Eerste zin van de opdracht. " + "Tweede zin met veel meer woorden erin " * 4 + "."),
             plain("Een detail dat weg mag.", level=2)]
    kept = shorten(paras, box)
    assert [p.text for p in kept][0] == "Eerste zin van de opdracht."
    assert all(p.level < 2 for p in kept)


def test_word_limit_holds_even_in_a_large_box() -> None:
    box = Box(2000, 2000, 12)
    paras = [plain(f"Zin {n} met zes woorden erin.") for n in range(40)]
    assert not fits(paras, box)
    assert 0 < word_count(shorten(paras, box)) <= MAX_WORDS

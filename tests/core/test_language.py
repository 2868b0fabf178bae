"""Language for the reader (issue 21): the glossary, which texts participants read, the LANG checks as an author
meets them in `check`, and `show --language`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from draaiboek.api import check_folder, load_pack, open_training
from draaiboek.catalog import Catalog
from draaiboek.checks.language import KNOWN_LOWER, ROMAN, TOKEN, acronyms, double_barrel, explained_in
from draaiboek.model import GlossaryEntry
from draaiboek.readability import MIN_WORDS, reading, sentences, syllables
from draaiboek.views import TrainingView
from draaiboek.views.participants import glossary_used, pack_texts, session_texts
from tests.support import BROKEN, ROOT, RunCli

PACKS = sorted((ROOT / "content_packs").glob("draaiboek_pack_*/pack"))


def _line(case: str, expected_code: str, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Run `check` on a broken pack as a user would; return the file:line of the code's warning and that line."""
    monkeypatch.chdir(BROKEN)
    result = run_cli("check", case)
    hits = [line for line in result.output.splitlines() if f" warning {expected_code}: " in line]
    assert len(hits) >= 1, result.output
    where = hits[0].split(": ", 1)[0]
    file, number = where.rsplit(":", 1)
    return where, (BROKEN / file).read_text(encoding="utf-8").splitlines()[int(number) - 1]


def test_undefined_acronym_fires_on_the_hand_out_text(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    where, line = _line("lang-acronym", "LANG001", run_cli, monkeypatch)
    assert where == "lang-acronym/training.yaml:22" and line.strip() == "content: |"
    output = run_cli("check", "lang-acronym").output
    assert "'SPV'" in output
    assert "'FACT'" not in output, "spelled out in the text itself"
    assert "'ggz'" not in output and "'GGZ'" not in output, "defined in the glossary (by its alias)"


def test_double_barrelled_statement_fires_on_the_statement(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    where, line = _line("lang-double-barrel", "LANG002", run_cli, monkeypatch)
    assert where == "lang-double-barrel/meter.yaml:9" and "id: st2" in line
    output = run_cli("check", "lang-double-barrel").output
    assert "st1" not in output, "'inschatten of' asks one thing (whether)"
    accepted = [line for line in output.splitlines() if "st3" in line]
    assert accepted and accepted[0].endswith("[accepted: Gevalideerde formulering uit de bron.]")


def test_long_sentence_fires_on_the_assignment(run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    where, line = _line("lang-long-sentence", "LANG003", run_cli, monkeypatch)
    assert where == "lang-long-sentence/training.yaml:18" and line.strip() == "assignment: >-"
    output = run_cli("check", "lang-long-sentence").output
    assert "a sentence of 31 words" in output and "accept it with ref 'oefenen'" in output
    assert "work_formats" not in output, "the work format's own short assignment passes"


def test_hard_case_layer_fails_readability_and_short_layer_is_not_scored(
        run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    where, line = _line("lang-readability", "LANG004", run_cli, monkeypatch)
    assert where == "lang-readability/training.yaml:31" and line.strip() == "text: >-"
    output = run_cli("check", "lang-readability").output
    assert output.count("LANG004") == 1, "'Karel woont alleen.' is too short to score"
    assert "(Flesch-Douma) is below B1 (60)" in output


def test_accepting_an_owner_covers_its_elements(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    folder.mkdir()
    for name in ("training.yaml", "meter.yaml"):
        (folder / name).write_text((BROKEN / "lang-double-barrel" / name).read_text(encoding="utf-8"), "utf-8")
    text = (BROKEN / "lang-double-barrel" / "pack.yaml").read_text(encoding="utf-8").replace("ref: m/st3", "ref: m")
    (folder / "pack.yaml").write_text(text, encoding="utf-8")
    checked = check_folder(folder, Catalog.from_environment())
    lang = [d for d in checked.diagnostics if d.code == "LANG002"]
    assert [d.ref for d in lang] == ["m/st2", "m/st3"] and all(d.accepted for d in lang)


def test_flesch_douma_by_hand() -> None:
    # 6 words, 6 syllables, 1 sentence: 206.84 - 0.77 * 100 - 0.93 * 6
    found = reading("De kat zit op de mat.", count_syllables=True)
    assert (found.words, found.sentences, found.syllables) == (6, 1, 6)
    assert found.score == pytest.approx(124.26)
    assert not found.scored and not found.below_b1
    assert reading("De kat zit op de mat.").score is None, "short texts are not scored by default"
    assert [syllables(w) for w in ("deelnemer", "ademen", "ideeën", "ervaringsdeskundige", "SPV")] == [3, 3, 3, 7, 1]


def test_sentences_follow_markdown_and_abbreviations() -> None:
    text = "**Let op:** bijv. een test. En nog een zin!\n\n- eerste punt\n- tweede *punt*\n\n[Lees](https://x.nl) dit."
    assert sentences(text) == ["Let op: bijv. een test.", "En nog een zin!", "eerste punt", "tweede punt",
                               "Lees dit."]
    assert reading(" ".join(["woord"] * 21) + ".").long_sentences


def test_acronym_rules() -> None:
    assert acronyms("De SPV van het FACT-team belt de huisarts; avg en Wlz gelden, ook in hoofdstuk IV.") == [
        "SPV", "FACT", "avg", "Wlz"]
    assert acronyms("De McDonald's en B1 en iPad") == []
    assert explained_in("een sociaal-psychiatrisch verpleegkundige (SPV)", "SPV")
    assert explained_in("SPV (sociaal-psychiatrisch verpleegkundige)", "SPV")
    assert not explained_in("De SPV belt.", "SPV")


def test_glossary_mentions_skip_texts_without_the_term_with_the_same_answer() -> None:
    """mentions() tests the plain substring before the whole-word pattern: for every participant text of the
    bundled packs and every spelling of every glossary entry, the answer is the pattern's alone."""
    from draaiboek.views.participants import _term_pattern, mentions

    pairs, found = 0, 0
    for folder in PACKS:
        pack = load_pack(folder)
        texts = [text.text for text in pack_texts(pack)] + ["", "een LVB-er", "de (LVB) en", "SPV's"]
        spellings = [s for entry in pack.glossary for s in entry.spellings] + ["LVB", " LVB ", "SPV", ""]
        for text in texts:
            for spelling in spellings:
                assert mentions(text, spelling) == (_term_pattern(spelling).search(text) is not None)
                pairs, found = pairs + 1, found + mentions(text, spelling)
    assert pairs > 5000 and found > 100


def test_acronyms_skip_lower_case_words_with_the_same_answer() -> None:
    """acronyms() skips counting the letters of a word without capitals: every word of the bundled packs (and a
    few odd ones) is found as counting the capitals of every word finds it."""
    def counted(token: str) -> bool:
        letters = [c for c in token if c.isalpha()]
        capitals = sum(1 for c in letters if c.isupper())
        return (capitals >= 2 and 2 * capitals >= len(letters) and not ROMAN.match(token)) or \
            token.casefold() in KNOWN_LOWER

    text = " ".join(path.read_text(encoding="utf-8") for pack in PACKS for path in sorted(pack.rglob("*.yaml")))
    tokens = sorted(set(TOKEN.findall(text))) + ["2024", "ß", "ǅx", "ΣΑ", "Wlz", "FACT", "avg", "IV", "SPVer"]
    assert len(tokens) > 3000
    found = {token for token in tokens if acronyms(token) == [token]}
    assert found == {token for token in tokens if counted(token)} and {"ΣΑ", "Wlz", "FACT", "SPVer"} <= found


@pytest.mark.parametrize(("statement", "joined"), [
    ("Ik vraag naar de zorgen van naasten, en ik leg uit wat ik doe.", "en"),
    ("Ik let op hoe zwaar het is, vraag naar steun en verwijs door.", "en"),
    ("Regels rond wetgeving, financiering of indicatie houden zorg tegen.", "of"),
    ("Ik betrek cliënt en naasten bij het plan.", None),
    ("Ik kan inschatten of een naaste steun nodig heeft.", None),
    ("Ik ken het verschil tussen zorgen en klachten.", None),
    ("Ik vertel wat ik wel of niet kan delen.", None),
    ("Volgt een patiënt uitleg niet goed, dan meld ik dat aan de huisarts of POH.", None),
    ("Ik ken hulpmiddelen, zoals de Signalenkaart en de SCIL.", None),
    ("Als een patiënt afhaakt, ga ik na of mijn uitleg te veel vraagt.", None),
])
def test_double_barrel_heuristic(statement: str, joined: str | None) -> None:
    found = double_barrel(statement)
    assert (found.group(1) if found else None) == joined


def test_glossary_used_finds_every_spelling_as_a_whole_word() -> None:
    glossary = [GlossaryEntry("AVG", "Algemene verordening gegevensbescherming", aliases=["avg"]),
                GlossaryEntry("SPV", "sociaal-psychiatrisch verpleegkundige"),
                GlossaryEntry("Wlz", "Wet langdurige zorg")]
    used = glossary_used("Volgens de avg mag de SPV-er dat niet delen.", glossary)
    assert [e.term for e in used] == ["AVG", "SPV"]
    assert glossary_used("Wlzorg is geen woord.", glossary) == []
    assert glossary_used("de spv belt", glossary) == [], "case counts: list other spellings as aliases"


def test_participant_texts_leave_trainer_texts_out() -> None:
    pack = load_pack(BROKEN / "lang-acronym")
    texts = list(pack_texts(pack))
    assert [(t.kind, t.ref, t.path) for t in texts] == [
        ("handout", "ho-team", ("trainings", 0, "handouts", 0, "content"))]
    full = load_pack(ROOT / "tests" / "packs" / "full")
    found = list(pack_texts(full))
    assert {"statement", "case", "form", "assignment"} <= {t.kind for t in found}
    refs = {t.ref for t in found}
    assert {"case-a/reg", "case-a/later"} <= refs
    assert not {"case-a/behaviour", "case-a/actor"} & refs, "layers for role players, trainers and actors"
    observer_form = next(q for q in full.questionnaires if q.audience == ["observers"])
    assert not any(t.ref.split("/")[0] == observer_form.id for t in found)


@pytest.mark.parametrize("folder", PACKS, ids=lambda p: p.parent.name)
def test_bundled_packs_have_no_unaccepted_language_warning(folder: Path) -> None:
    checked = check_folder(folder, Catalog.from_environment())
    open_ = [d.format() for d in checked.diagnostics if d.code.startswith("LANG") and not d.accepted]
    assert open_ == []


@pytest.mark.parametrize("folder", PACKS, ids=lambda p: p.parent.name)
def test_bundled_glossaries_validate_against_the_schema(folder: Path, run_cli: RunCli) -> None:
    schema = json.loads(run_cli("schema").stdout)
    assert "glossary" in schema["$defs"]["Pack"]["properties"]
    data = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data.get("glossary"), "every bundled pack spells out its acronyms"
    pack = load_pack(folder)
    assert all(e.term and e.expansion and e.explanation for e in pack.glossary)


@pytest.mark.parametrize("ref", ["het-gesprek", "lvb-coaching", "naasten", "vgz-ggz"])
def test_session_texts_are_the_checked_texts_with_the_same_refs(ref: str) -> None:
    pack, training, resolver = open_training(ref)
    checked = {(t.ref, t.path) for t in pack_texts(pack)}
    shown = [t for _, texts in session_texts(TrainingView(pack, training, resolver)) for t in texts]
    assert shown and all((t.ref, t.path) in checked for t in shown if t.path is not None)
    assert all(t.path is not None for t in shown), "every text of a one-pack training is located"


def test_show_language_prints_scores_per_session(run_cli: RunCli) -> None:
    result = run_cli("show", "lvb-coaching", "--language")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith(": participant texts") and "Flesch-Douma, B1 from 60" in lines[1]
    assert any(line.startswith("Bijeenkomst 2") for line in lines)
    rows = [line for line in lines if line.endswith("statement h1")]
    assert rows and rows[0].split()[0] == "-", f"statements are shorter than {MIN_WORDS} words: not scored"
    scored = [float(line.split()[0]) for line in lines if line[:6].strip().replace(".", "").isdigit()]
    assert scored and all(0 < s < 130 for s in scored)
    assert lines[-1].endswith(" participant texts, 0 to work on")
    quiz = [line for line in lines if "Wat is LVB? (assignment)" in line]
    assert quiz and quiz[0][21] == "a", "the quiz's accepted warnings show as 'a', not '!'"


def _loads_pyphen(args: list[str]) -> bool:
    code = ("import sys\nfrom draaiboek.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
            "print('PYPHEN', 'pyphen' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120,
                          cwd=ROOT)
    return next(line for line in done.stdout.splitlines() if line.startswith("PYPHEN")) == "PYPHEN True"


def test_pyphen_loads_only_for_scored_texts() -> None:
    assert not _loads_pyphen(["--help"])
    assert not _loads_pyphen(["show", "tests/packs/full"]), "the outline does not score texts"
    assert not _loads_pyphen(["check", "tests/packs/broken/lang-acronym"]), "no text there is long enough to score"
    assert _loads_pyphen(["check", "tests/packs/broken/lang-readability"])


def test_the_handbook_and_the_decks_spell_out_the_terms_they_use(run_cli: RunCli, tmp_path: Path) -> None:
    """The handbook lists the glossary terms it uses; a deck writes a term out on the first slide that uses it."""
    from pptx import Presentation

    from draaiboek.api import open_training

    pack, _, _ = open_training("vgz-ggz")
    assert run_cli("export", "handbook", "vgz-ggz", "-o", str(tmp_path / "hb.md")).exit_code == 0
    handbook = (tmp_path / "hb.md").read_text(encoding="utf-8")
    glossary = handbook.split("\n## Begrippen\n", 1)[1].split("\n## ", 1)[0]
    wlz = next(e for e in pack.glossary if e.term == "Wlz")
    assert f"- **Wlz**: {wlz.expansion}" in glossary
    before = handbook.split("\n## Begrippen\n")[0]
    assert all(f"**{e.term}**" not in glossary for e in pack.glossary if e.term not in before)
    deck = tmp_path / "deck.pptx"
    assert run_cli("export", "slides", "vgz-ggz", "-o", str(deck)).exit_code == 0
    texts = ["\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame
                       and shape != slide.shapes.title) for slide in Presentation(str(deck)).slides]
    for entry in pack.glossary:
        written = f"{entry.term} ({entry.expansion})"
        assert sum(text.count(written) for text in texts) <= 1, f"{entry.term} written out once at most"
    for term in ("GGZ", "VG"):  # the terms every vgz-ggz deck opens with
        entry = next(e for e in pack.glossary if e.term == term)
        first = next(i for i, text in enumerate(texts) if re.search(rf"(?<![\w-]){term}(?!\w)", text))
        assert f"{term} ({entry.expansion})" in texts[first], (term, texts[first][:200])

"""Decks made through the CLI for every bundled pack and the test pack, reopened with python-pptx."""

from __future__ import annotations

import zipfile
from datetime import time
from pathlib import Path

import pytest

from draaiboek.api import open_training
from draaiboek.catalog import Catalog
from draaiboek.errors import DraaiboekError
from draaiboek.labels import label
from tests.support import FULL_PACK, RunCli

from deckcheck import check_deck, plain_start, read_deck

BUNDLED = ["het-gesprek", "lvb-coaching", "naasten", "vgz-ggz"]


def loaded(ref: str):  # type: ignore[no-untyped-def]
    try:
        return open_training(ref)
    except DraaiboekError as exc:
        pytest.skip(f"{ref} does not load or has no single training yet: {exc}")


def trainings_of(pack_id: str) -> list[str]:
    pack = Catalog.from_environment().pack_by_id(pack_id)
    if pack is None:
        pytest.skip(f"pack {pack_id} does not load (its own tests say why)")
    if not pack.trainings:
        pytest.skip(f"pack {pack_id} has no trainings")
    return [f"{pack_id}/{t.id}" for t in pack.trainings]


@pytest.mark.parametrize("pack_id", BUNDLED)
def test_build_makes_a_checked_deck_per_session(pack_id: str, run_cli: RunCli, tmp_path: Path) -> None:
    refs = trainings_of(pack_id)
    result = run_cli("build", pack_id, "--exporter", "slides", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    for ref in refs:
        pack, training, resolver = open_training(ref)
        for session in training.sessions:
            deck = tmp_path / pack.id / f"{training.id}-{session.id}-slides.pptx"
            assert deck.exists(), result.output
            slides = check_deck(deck, pack, training, [session], resolver)
            # The title slide names this deck's session: "Bijeenkomst 2: <title>", or the bare title.
            kind = (session.kind or label("session", pack.language)).strip()
            name = f"{kind[:1].upper()}{kind[1:]} {session.number}: {session.title}" \
                if session.number is not None else session.title
            assert slides[0].text.splitlines()[:2] == [training.title, name], deck.name


def test_full_pack_whole_training_deck(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "all.pptx"
    result = run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--date", "2027-05-04",
                     "--trainer", "Jo de Vries", "--start", "13:00")
    assert result.exit_code == 0, result.output
    pack, training, resolver = open_training(str(FULL_PACK))
    slides = check_deck(out, pack, training, training.sessions, resolver, start=time(13, 0))
    assert "4 May 2027" in slides[0].text and "Trainer: Jo de Vries" in slides[0].text
    sections = [s.title for s in slides if s.layout == "Section Header"]
    for session in training.sessions:
        assert any(session.title in title for title in sections)
    programme = next(s for s in slides if s.title == label("programme", pack.language))
    assert programme.text.split("\n")[1].startswith("13:00–13:")
    assert label("break", pack.language) in {s.title for s in slides}


def test_full_pack_case_layers_per_session(run_cli: RunCli, tmp_path: Path) -> None:
    pack, training, resolver = open_training(str(FULL_PACK))
    case = pack.cases[0]
    later = next(layer for layer in case.layers if [r.session for r in layer.reveal] == ["s2"])
    decks = {}
    for number in ("1", "2"):
        out = tmp_path / f"s{number}.pptx"
        assert run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--session", number).exit_code == 0
        decks[number] = "\n".join(s.text for s in read_deck(out) if s.title.endswith(case.title))
    assert later.text.strip() not in decks["1"]
    assert later.text.strip() in decks["2"]


def test_same_input_gives_identical_bytes_with_fixed_times(run_cli: RunCli, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"
    for out in (first, second):
        assert run_cli("export", "slides", str(FULL_PACK), "-o", str(out)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core and "<cp:revision>1</cp:revision>" in core


def test_bad_options_are_one_line_errors(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "x.pptx"
    result = run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--session", "9")
    assert result.exit_code != 0 and "has no session '9'" in result.output
    assert "Traceback" not in result.output and not out.exists()
    result = run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--start", "nine")
    assert result.exit_code != 0 and "invalid start time" in result.output and not out.exists()
    assert not list(tmp_path.iterdir())  # no temporary files left behind


def test_a_choice_group_shows_the_trainers_pick_only(run_cli: RunCli, tmp_path: Path) -> None:
    pack, training, _ = open_training("het-gesprek")
    group = [c for c in pack.cases if c.choice_group]
    assert len(group) == 2
    for pick, other in ((None, group[1]), (group[1].id, group[0])):
        out = tmp_path / f"{pick}.pptx"
        args = ["export", "slides", "het-gesprek", "-o", str(out), "--session", "2"]
        result = run_cli(*args, *(["--case", pick] if pick else []))
        assert result.exit_code == 0, result.output
        text = "\n".join(s.title + "\n" + s.text for s in read_deck(out))
        shown = group[0] if pick is None else group[1]
        assert f"Casus: {shown.title}" in text and other.title not in text
    result = run_cli("export", "slides", "het-gesprek", "-o", str(tmp_path / "x.pptx"), "--case", "casus-niemand")
    assert result.exit_code != 0 and "--case 'casus-niemand' is not a case to choose" in result.output
    assert not (tmp_path / "x.pptx").exists()


def test_het_gesprek_behaviour_layers_stay_off_screen_until_after_the_relay(run_cli: RunCli, tmp_path: Path) -> None:
    """Issue 13: the client player knows the behaviour beforehand (role cards); the room sees it only after
    the module-2 relay role play."""
    pack, training, _ = open_training("het-gesprek")
    m2 = training.session("m2")
    assert m2 is not None
    relay = next(item for item in m2.agenda if item.id == "m2-estafette")
    behaviour = [layer for case in pack.cases for layer in case.layers if layer.title.startswith("Het gedrag")]
    assert len(behaviour) >= 2
    starts = [plain_start(layer.text, 30) for layer in behaviour]
    for session in ("1", "2"):
        out = tmp_path / f"m{session}.pptx"
        assert run_cli("export", "slides", "het-gesprek", "-o", str(out), "--session", session).exit_code == 0
        slides = read_deck(out)
        titles = [s.title for s in slides]
        cut = titles.index(relay.title) + 1 if session == "2" else len(slides)
        while cut < len(slides) and slides[cut].title.startswith("Casus"):  # the relay's own case slides
            cut += 1
        before = "\n".join(s.text for s in slides[:cut])
        assert not [start for start in starts if start in before], f"module {session}"
        if session == "2":  # shown once the relay is over, where the case is next used
            assert any(start in "\n".join(s.text for s in slides[cut:]) for start in starts)

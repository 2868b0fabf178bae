"""Printed materials: what a trainer hands out, per session and audience, on paper (Word, then LibreOffice PDF)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import docx
import pytest
from draaiboek_materials.export import planned_files

from draaiboek.exporters import ExportJob
from draaiboek.markdown import parse
from draaiboek.model import Case
from tests.handbook.books import cli
from tests.handbook.docx_text import squash
from tests.materials.conftest import PACKS, Printed
from tests.support import run_draaiboek

CARD = "Rolkaart: "


def paragraphs(markdown: str | None) -> Iterator[str]:
    """The plain text of each paragraph of pack Markdown, long enough to be telling."""
    for para in parse(markdown or ""):
        text = squash("".join(run.text for run in para.runs))
        if len(text) >= 25:
            yield text


def all_cases(p: Printed) -> list[Case]:
    return list(p.view.cases)


def picks_for(case: Case) -> tuple[str, ...]:
    return (case.id,) if case.choice_group else ()


@pytest.mark.libreoffice
@pytest.mark.parametrize("ref", PACKS)
def test_every_file_opens_and_converts(printed: Callable[..., Printed], ref: str) -> None:
    p = printed(ref)
    assert p.files
    session_ids = {s.id for s in p.training.sessions}
    for path in p.files:
        stem = path.stem.removeprefix(f"{p.training.id}-")
        if stem != "meter":
            session, word = stem.rsplit("-", 1)
            assert session in session_ids and word in ("deelnemers", "rolkaarten"), path.name
        document = docx.Document(str(path))
        assert document.paragraphs and document.core_properties.language == "nl"
        pages = p.pages(path)
        assert pages and all(page.strip() for page in pages), path.name


@pytest.mark.libreoffice
@pytest.mark.parametrize("ref", ["het-gesprek", "naasten", "vgz-ggz"])
def test_each_role_card_has_pages_of_its_own(printed: Callable[..., Printed], ref: str) -> None:
    p = printed(ref)
    card_files = [f for f in p.files if f.stem.endswith("-rolkaarten")]
    assert card_files
    for path in card_files:
        session_id = path.stem.removeprefix(f"{p.training.id}-").removesuffix("-rolkaarten")
        index = p.view.session_index(session_id)
        assert index is not None
        expected = [card for case in p.view.cases for card in p.view.role_cards(case, index)
                    if not case.choice_group or case is p.view.chosen_case(case.choice_group, None)]
        starts = 0
        for page in p.pages(path):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            headings = [line for line in lines if line.startswith(CARD)]
            assert len(headings) <= 1, f"{path.name}: two cards on one page: {headings}"
            if headings:
                assert lines[0] == headings[0], f"{path.name}: a card starts mid-page: {headings[0]}"
                starts += 1
        assert starts == len(expected), path.name


@pytest.mark.parametrize("ref", ["het-gesprek", "naasten", "vgz-ggz"])
def test_every_role_card_is_in_every_session_it_lists(printed: Callable[..., Printed], ref: str) -> None:
    for case in all_cases(printed(ref)):
        p = printed(ref, *picks_for(case))
        for card in case.role_cards:
            for session_ref in card.sessions:
                index = p.view.session_index(session_ref)
                assert index is not None
                path = p.file(p.training.sessions[index].id, "rolkaarten")
                assert path is not None, f"{card.id}: no role-card file for {session_ref}"
                text = squash(p.text(path))
                assert squash(CARD + card.role) in text
                for line in paragraphs(card.text):
                    assert line in text


@pytest.mark.parametrize("ref", ["het-gesprek", "naasten", "vgz-ggz"])
def test_a_card_never_carries_another_roles_secrets(printed: Callable[..., Printed], ref: str) -> None:
    p = printed(ref)
    for path in (f for f in p.files if f.stem.endswith("-rolkaarten")):
        cards = re.split(r"(?=\n" + CARD + ")", "\n" + p.text(path))
        for chunk in filter(str.strip, cards):
            role = squash(chunk.strip().splitlines()[0].removeprefix(CARD))
            text = squash(chunk)
            for case in all_cases(p):
                for other in case.role_cards:
                    if squash(other.role) != role:
                        for line in paragraphs(other.text):
                            assert line not in text, f"{path.name}: {role} carries {other.role}'s text"


def test_client_player_gets_behaviour_layer_before_the_role_play(printed: Callable[..., Printed]) -> None:
    p = printed("het-gesprek")
    m2 = p.file("m2", "rolkaarten")
    assert m2 is not None
    case = p.view.chosen_case("lvb-casus", None)
    assert case is not None
    behaviour = next(layer for layer in case.layers if layer.id == "gedrag")
    text = squash(p.text(m2))
    assert all(line in text for line in paragraphs(behaviour.text))


@pytest.mark.parametrize("ref", PACKS)
def test_participants_get_each_layer_in_the_session_that_reveals_it(printed: Callable[..., Printed], ref: str) -> None:
    for case in all_cases(printed(ref)):
        p = printed(ref, *picks_for(case))
        for session in p.view.sessions:
            layers = p.view.revealed_in(case, "participants", session.index)
            path = p.file(session.session.id, "deelnemers")
            if layers:
                assert path is not None, f"{session.session.id}: no participants' file"
                text = squash(p.text(path))
                for layer in layers:
                    assert squash(layer.title) in text
                    assert all(line in text for line in paragraphs(layer.text)), layer.id


@pytest.mark.parametrize("ref", PACKS)
def test_no_text_for_other_audiences_in_a_participants_file(printed: Callable[..., Printed], ref: str) -> None:
    p = printed(ref)
    secret: list[str] = []
    for case in all_cases(p):
        for layer in case.layers:
            if "participants" not in layer.audience:
                secret += paragraphs(layer.text)
        for card in case.role_cards:
            secret += paragraphs(card.text)
    for session in p.training.sessions:
        secret += paragraphs(session.notes)
        for item in session.agenda:
            secret += paragraphs(item.description)
            for tip in item.tips:
                secret += paragraphs(tip)
    for form in p.pack.questionnaires:
        if not {"participants", "observers"} & set(form.audience):
            secret += paragraphs(form.instructions)
    assert secret
    for path in (f for f in p.files if f.stem.endswith("-deelnemers")):
        text = squash(p.text(path))
        leaked = [line for line in secret if line in text]
        assert not leaked, f"{path.name}: {leaked[:2]}"


@pytest.mark.parametrize("ref", PACKS)
def test_forms_and_homework_have_room_to_write(printed: Callable[..., Printed], ref: str) -> None:
    p = printed(ref)
    for session in p.view.sessions:
        path = p.file(session.session.id, "deelnemers")
        homework = session.session.homework
        if not homework:
            continue
        assert path is not None
        document = docx.Document(str(path))
        text = squash(p.text(path))
        for task in homework:
            assert squash(task.title) in text
            for question in task.questions:
                assert squash(question) in text
        # room to write: empty one-cell tables at least a few lines high
        boxes = [t for t in document.tables if len(t.rows) == 1 and len(t.columns) == 1 and not t.cell(0, 0).text]
        assert len(boxes) >= sum(len(task.questions) for task in homework)


@pytest.mark.libreoffice
@pytest.mark.parametrize("ref", PACKS)
def test_meter_on_paper(printed: Callable[..., Printed], ref: str) -> None:
    p = printed(ref)
    if not p.view.meters:
        assert p.file(None, "meter") is None
        return
    path = p.file(None, "meter")
    assert path is not None
    document = docx.Document(str(path))
    text = squash(p.text(path))
    for meter in p.view.meters:
        for statement in meter.statements:
            assert squash(statement.text) in text
        points = [str(point.value) for point in meter.scale.points]
        tables = [t for t in document.tables if [c.text for c in t.rows[0].cells][-len(points):] == points]
        assert sum(len(t.rows) - 1 for t in tables) >= len(meter.statements)
    assert len(p.pages(path)) >= 2


def test_file_names_follow_the_pack_language(printed: Callable[..., Printed], tmp_path: Path) -> None:
    p = printed("het-gesprek")
    pack = attrs.evolve(p.pack, language="en")
    names = [name for name, _ in planned_files(ExportJob(pack, p.training, p.view.resolver, tmp_path))]
    assert any(n.endswith("-m1-participants.docx") for n in names)
    assert any(n.endswith("-role-cards.docx") for n in names) and any(n.endswith("-meter.docx") for n in names)
    assert not any("deelnemers" in n or "rolkaarten" in n for n in names)


def test_cli_folder_force_and_bad_case(tmp_path: Path) -> None:
    folder = tmp_path / "print"
    folder.mkdir()
    first = run_draaiboek(["export", "materials", "lvb-coaching", "-o", str(folder)])
    assert first.returncode == 0, first.stderr
    written = sorted(folder.iterdir())
    assert written and all(f"wrote {f}" in first.stdout for f in written)
    again = run_draaiboek(["export", "materials", "lvb-coaching", "-o", str(folder)])
    assert again.returncode == 1 and "use --force" in again.stderr and "Traceback" not in again.stderr
    assert run_draaiboek(["export", "materials", "lvb-coaching", "-o", str(folder), "--force"]).returncode == 0
    bad = run_draaiboek(["export", "materials", "het-gesprek", "-o", str(tmp_path / "x"), "--case", "nope"])
    assert bad.returncode == 1 and "--case nope" in bad.stderr and "casus-emma" in bad.stderr
    assert not (tmp_path / "x").exists()


def test_build_writes_the_materials(tmp_path: Path) -> None:
    cli("build", "het-gesprek", "--exporter", "materials", "-o", str(tmp_path))
    [folder] = tmp_path.glob("het-gesprek/*-materials")
    names = [f.name for f in folder.iterdir()]
    assert any(n.endswith("-m1-deelnemers.docx") for n in names) and any(n.endswith("-rolkaarten.docx") for n in names)


@pytest.mark.libreoffice
def test_house_style_and_pdf_for_every_file(tmp_path: Path) -> None:
    template = tmp_path / "huisstijl.docx"
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Zorggroep Noord · Academie"
    document.save(str(template))
    folder = tmp_path / "print"
    output = cli("export", "materials", "lvb-coaching", "-o", str(folder), "--template", str(template), "--pdf")
    files = sorted(folder.glob("*.docx"))
    assert files
    for path in files:
        assert docx.Document(str(path)).sections[0].header.paragraphs[0].text == "Zorggroep Noord · Academie"
        assert path.with_suffix(".pdf").stat().st_size > 1000 and f"wrote {path.with_suffix('.pdf')}" in output
    again = run_draaiboek(["export", "materials", "lvb-coaching", "-o", str(folder), "--pdf"])
    assert again.returncode == 1 and "use --force" in again.stderr


def test_participants_files_spell_out_the_glossary_terms_they_use(printed: Callable[..., Printed]) -> None:
    p = printed("vgz-ggz")
    checked = 0
    for path in (f for f in p.files if f.stem.endswith("-deelnemers")):
        text = p.text(path)
        body, _, glossary = text.partition("\nBegrippen\n")
        for entry in p.pack.glossary:
            if re.search(rf"(?<![\w-]){re.escape(entry.term)}(?!\w)", body):
                assert f"{entry.term}: {entry.expansion}" in glossary, (path.name, entry.term)
                checked += 1
    assert checked

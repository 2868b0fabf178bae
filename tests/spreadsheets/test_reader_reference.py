"""The fast reader (zipfile and lxml) against the old openpyxl reader kept in reference_reader.py: the same
Response, the same problem line, the same report bytes and the same terminal output, within one run."""

from __future__ import annotations

import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from draaiboek.api import open_training
from draaiboek.errors import InputFileError
from draaiboek.exporters import ExportJob
from draaiboek.views import TrainingView
from draaiboek_spreadsheets.collect import collect, expand
from draaiboek_spreadsheets.commands import results
from draaiboek_spreadsheets.exporters import export_meter
from draaiboek_spreadsheets.meter_plan import MeterPlan, plan_meter
from draaiboek_spreadsheets.meter_render import render_meter
from draaiboek_spreadsheets.reader import read_meter
from draaiboek_spreadsheets.records import Response
from draaiboek_spreadsheets.report_render import render_report
from draaiboek_spreadsheets.results import calculate
from tests.spreadsheets import reference_reader
from tests.untrusted.hostile import read_entry, rewrite_zip

from xlsx_filling import Scores, fill, soffice_convert, soffice_fill
from xlsx_models import make_pack

Reader = Callable[[Path], Response]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
BUNDLED = ("het-gesprek", "lvb-coaching", "naasten", "vgz-ggz")


def outcome(read: Reader, path: Path) -> Response | str:
    try:
        return read(path)
    except InputFileError as error:
        return f"problem: {error}"


def same(path: Path) -> Response | str:
    """What both readers give for ``path``; fails when they differ."""
    new, old = outcome(read_meter, path), outcome(reference_reader.read_meter, path)
    assert new == old, path.name
    return new


def members(path: Path) -> dict[str, bytes]:
    """Zip members of a report, creation and modification times left out (as /work/baseline/snap.py does)."""
    with zipfile.ZipFile(path) as archive:
        found = {name: archive.read(name) for name in archive.namelist()}
    found["docProps/core.xml"] = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\w+>", b"",
                                        found["docProps/core.xml"])
    return found


def same_report(folder: Path, out: Path, anonymise: bool = False) -> None:
    """Both readers over the whole folder: the same group, problems and report workbook."""
    paths = expand([folder])
    reports = []
    for name, read in (("new", read_meter), ("old", reference_reader.read_meter)):
        group = collect(paths, read)
        report = out / f"report-{name}.xlsx"
        render_report(calculate(group, min_group=2, anonymise=anonymise), group, anonymise, report)
        reports.append((group.used, [str(p) for p in group.problems], members(report)))
    assert reports[0] == reports[1]


def sheet_part(path: Path, title: str) -> str:
    """openpyxl writes the Nth sheet as xl/worksheets/sheetN.xml."""
    return f"xl/worksheets/sheet{openpyxl.load_workbook(path, read_only=True).sheetnames.index(title) + 1}.xml"


def to_shared(source: Path, target: Path) -> Path:
    """The scores sheet's inline strings moved to a shared string table, the way Excel writes them; some as
    rich-text runs, with a phonetic run and an escaped ``_x005F_`` as Excel may write them too."""
    part = sheet_part(source, "Invullen")
    strings: list[str] = []

    def shared(match: re.Match[str]) -> str:
        text = match.group(2)
        number = len(strings)
        if text.startswith("Naam "):  # the name in two runs; Excel writes a typed "_x" as "_x005F_x"
            strings.append(f"<si><r><t>Na</t></r><r><rPr><i/></rPr><t>am_x005F_x{text[4:]}</t></r>"
                           "<rPh sb=\"0\" eb=\"1\"><t>yomi</t></rPh></si>")
        elif number % 3 == 1 and len(text) > 2:  # split into two runs
            strings.append(f"<si><r><rPr><b/></rPr><t>{text[:2]}</t></r><r><t xml:space=\"preserve\">{text[2:]}"
                           "</t></r><rPh sb=\"0\" eb=\"1\"><t>yomi</t></rPh></si>")
        elif number % 3 == 2:
            strings.append(f"<si><t>{text}</t><phoneticPr fontId=\"1\"/></si>")
        else:
            strings.append(f"<si><t>{text}</t></si>")
        return f'{match.group(1)} t="s"><v>{number}</v></c>'

    sheet = re.sub(r'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is><t[^>]*>([^<]*)</t></is></c>', shared,
                   read_entry(source, part).decode())
    strings.append("<si><t>unused</t></si>")
    table = f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{"".join(strings)}</sst>'
    types = read_entry(source, "[Content_Types].xml").decode().replace("</Types>", (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sharedStrings+xml"/></Types>'))
    rels = read_entry(source, "xl/_rels/workbook.xml.rels").decode().replace("</Relationships>", (
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
    return rewrite_zip(source, target, {part: sheet.encode(), "xl/sharedStrings.xml": table.encode(),
                                    "[Content_Types].xml": types.encode(), "xl/_rels/workbook.xml.rels":
                                    rels.encode()})


def random_scores(plan: MeterPlan, rng: random.Random) -> dict[str, dict[str, object]]:
    return {m.id: {s.id: rng.choice(plan.scale).value for s in plan.statements if rng.random() > 0.1}
            for m in plan.moments if rng.random() > 0.2}


@pytest.fixture(scope="module")
def meter(tmp_path_factory: pytest.TempPathFactory) -> tuple[MeterPlan, Path]:
    pack = make_pack()
    plan = plan_meter(pack, pack.meters[0])
    blank = tmp_path_factory.mktemp("blank") / "blank.xlsx"
    render_meter(plan, blank)
    return plan, blank


def typed_values(plan: MeterPlan) -> dict[str, Scores]:
    """Score cells as participants leave them: dropdown text, typed numbers, numbers stored as text, labels,
    blanks, and what must be refused (a formula, out of range, a fraction, a truth value)."""
    ids = [s.id for s in plan.statements]
    first, second = plan.moments[0].id, plan.moments[1].id
    return {
        "dropdown": {first: {i: 3 for i in ids}, second: {i: 4 for i in ids}},
        "typed-numbers": {first: {i: 2.0 for i in ids}, second: {ids[0]: 1.0, ids[1]: 4}},
        "numbers-as-text": {first: {ids[0]: "3", ids[1]: " 2 ", ids[2]: "4 - altijd", ids[3]: "meestal",
                                    ids[4]: "SOMS", ids[5]: "1 – nog niet"}},
        "blanks": {first: {ids[0]: "", ids[1]: "   ", ids[2]: None, ids[3]: 2}},
        "formula": {first: {ids[0]: "=1+1", ids[1]: "=SUM(C6:C7)", ids[2]: 3}},
        "out-of-range": {first: {ids[0]: 7, ids[1]: "abc", ids[2]: 2.5, ids[3]: True}},
        "nothing": {},
    }


def test_meters_filled_by_openpyxl_read_the_same(meter: tuple[MeterPlan, Path], tmp_path: Path) -> None:
    plan, blank = meter
    folder = tmp_path / "in"
    folder.mkdir()
    for name, scores in typed_values(plan).items():
        fill(plan, blank, folder / f"{name}.xlsx", scores, name=name.title())
    fill(plan, blank, folder / "no-name.xlsx", {plan.moments[0].id: {plan.statements[0].id: 2}})
    rng = random.Random(20)
    for n in range(4):
        fill(plan, blank, folder / f"random-{n}.xlsx", random_scores(plan, rng), name=f"R{n}")
    seen = {path.name: same(path) for path in expand([folder])}
    assert "a formula where a score belongs (Invullen!C6, Invullen!C7)" in str(seen["formula.xlsx"])
    assert "scores out of range (scale 1-4): Invullen!C6=7, Invullen!C7='abc', Invullen!C8=2.5 and 1 more" \
        in str(seen["out-of-range.xlsx"])
    texts = seen["numbers-as-text.xlsx"]
    assert not isinstance(texts, str) and texts.scores == {"voor": {s.id: v for s, v in zip(
        plan.statements, [3, 2, 4, 3, 2, 1], strict=False)}}
    assert not isinstance(seen["no-name.xlsx"], str) and seen["no-name.xlsx"].participant == "no-name"
    same_report(folder, tmp_path)
    same_report(folder, tmp_path, anonymise=True)


def test_shared_strings_read_as_inline_strings(meter: tuple[MeterPlan, Path], tmp_path: Path) -> None:
    plan, blank = meter
    rng = random.Random(3)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        inline = fill(plan, blank, tmp_path / f"inline-{n}.xlsx", random_scores(plan, rng), name=f"Naam {n}")
        shared = to_shared(inline, folder / f"shared-{n}.xlsx")
        assert b'<rPh sb="0"' in read_entry(shared, "xl/sharedStrings.xml")
        new = same(shared)
        assert not isinstance(new, str) and new.participant == f"Naam_x {n}"
        assert new.scores == read_meter(inline).scores
    same_report(folder, tmp_path)


@pytest.mark.parametrize("ref", BUNDLED)
def test_bundled_meters_read_the_same(ref: str, tmp_path: Path) -> None:
    pack, training, resolver = open_training(ref)
    [blank] = export_meter(ExportJob(pack, training, resolver, tmp_path / "blank.xlsx"))
    plan = plan_meter(pack, TrainingView(pack, training, resolver).meters[0])
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(ref)
    for n in range(3):
        scores = {m.id: {s.id: rng.choice(plan.scale).value for s in plan.statements} for m in plan.moments}
        fill(plan, blank, folder / f"p{n}.xlsx", scores, name=f"Deelnemer {n}")
    for path in expand([folder]):
        assert not isinstance(same(path), str), path
    same_report(folder, tmp_path)


def _set_metadata(kind: str, key: str | None, column: int, value: int | str) -> Callable[[Path, Path], Path]:
    def edit(source: Path, target: Path) -> Path:
        wb = openpyxl.load_workbook(source)
        row = next(r for r in wb["draaiboek"].iter_rows() if r[0].value == kind and (key is None or r[1].value == key))
        row[column - 1].value = value
        wb.save(target)
        return target
    return edit


def _in_part(part: str, change: Callable[[bytes], bytes]) -> Callable[[Path, Path], Path]:
    def edit(source: Path, target: Path) -> Path:
        name = sheet_part(source, part[6:]) if part.startswith("sheet:") else part
        return rewrite_zip(source, target, {name: change(read_entry(source, name))})
    return edit


def _many_rows(data: bytes) -> bytes:
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(100, 5200))
    return data.replace(b"</sheetData>", rows.encode() + b"</sheetData>")


def _wide_row(data: bytes) -> bytes:
    start = re.search(rb'<row r="1"[^>]*>', data).end()  # type: ignore[union-attr]
    return data[:start] + b'<c t="inlineStr"><is><t>x</t></is></c>' * 20_000 + data[start:]


def _same_cell_again(data: bytes) -> bytes:
    start = re.search(rb'<row r="2"[^>]*>', data).end()  # type: ignore[union-attr]
    return data[:start] + b'<c r="A2" t="inlineStr"><is><t>x</t></is></c>' * 9000 + data[start:]


def _declare(data: bytes) -> bytes:
    """A DOCTYPE defining the entity e, right after the XML declaration (one is added when missing)."""
    if b"?>" not in data:
        data = b'<?xml version="1.0"?>' + data
    return data.replace(b"?>", b'?><!DOCTYPE worksheet [<!ENTITY e "Eve">]>', 1)


def _doctype(data: bytes) -> bytes:
    return re.sub(rb"<t>2 ", b"<t>&e; ", _declare(data), count=1)


def _cut_after_scores(data: bytes) -> bytes:
    """A note typed far below the statements, then the file cut off: what the reader needs is whole."""
    data = data.replace(b"</sheetData>", b'<row r="40"><c r="A40" t="inlineStr"><is><t>notitie</t></is></c></row>'
                                         b"</sheetData>")
    return data[: data.index(b'<row r="40"') + 20]


def _shared_index(data: bytes) -> bytes:
    return re.sub(rb'<c r="C6"([^>]*) t="inlineStr"><is><t>[^<]*</t></is>', rb'<c r="C6"\1 t="s"><v>99999</v>', data)


def _not_a_number(data: bytes) -> bytes:
    return re.sub(rb'<c r="C6"([^>]*) t="inlineStr"><is><t>[^<]*</t></is>', rb'<c r="C6"\1 t="n"><v>drie</v>', data)


def _bad_row_number(data: bytes) -> bytes:
    return data.replace(b'<row r="6"', b'<row r="x6"', 1)


def _no_metadata_target(source: Path, target: Path) -> Path:
    return rewrite_zip(source, target, {sheet_part(source, "draaiboek"): None})


def _no_scores_sheet(source: Path, target: Path) -> Path:
    return _set_metadata("key", "sheet", 3, "Weg")(source, target)


def _unknown_relationship(data: bytes) -> bytes:
    return data.replace(b'r:id="rId2"', b'r:id="rId77"')


def _missing_strings_part(data: bytes) -> bytes:
    return data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')


def _bomb(source: Path, target: Path) -> Path:
    rewrite_zip(source, target, {})
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as out, out.open("xl/media/zeros.bin", "w") as stream:
        for _ in range(201):
            stream.write(b"\0" * (1 << 20))
    return target


HOSTILE: dict[str, Callable[[Path, Path], Path]] = {
    "zip-bomb": _bomb,
    "metadata-5000-rows": _in_part("sheet:draaiboek", _many_rows),
    "scores-5000-rows": _in_part("sheet:Invullen", _many_rows),
    "row-past-last-column": _in_part("sheet:Invullen", _wide_row),
    "one-cell-9000-times": _in_part("sheet:Invullen", _same_cell_again),
    "doctype-in-sheet": _in_part("sheet:Invullen", _doctype),
    "doctype-in-metadata": _in_part("sheet:draaiboek", _doctype),
    "sheet-cut": _in_part("sheet:Invullen", lambda d: d[: len(d) * 6 // 10]),
    "sheet-cut-after-last-score": _in_part("sheet:Invullen", _cut_after_scores),
    "workbook-cut": _in_part("xl/workbook.xml", lambda d: d[: len(d) // 2]),
    "rels-cut": _in_part("xl/_rels/workbook.xml.rels", lambda d: d[: len(d) // 2]),
    "content-types-cut": _in_part("[Content_Types].xml", lambda d: d[: len(d) // 2]),
    "no-such-shared-string": _in_part("sheet:Invullen", _shared_index),
    "not-a-number": _in_part("sheet:Invullen", _not_a_number),
    "bad-row-number": _in_part("sheet:Invullen", _bad_row_number),
    "unknown-relationship": _in_part("xl/workbook.xml", _unknown_relationship),
    "missing-shared-strings": _in_part("[Content_Types].xml", _missing_strings_part),
    "metadata-part-missing": _no_metadata_target,
    "scores-sheet-missing": _no_scores_sheet,
    "column-too-far": _set_metadata("moment", None, 4, 100_000_000),
    "negative-column": _set_metadata("moment", None, 4, -1),
    "row-too-far": _set_metadata("key", "name_row", 3, 2_000_000_000),
    "statement-row-0": _set_metadata("statement", None, 4, 0),
    "format-version": _set_metadata("draaiboek-meter", None, 2, 9),
}


def test_hostile_meters_give_the_same_problem_line(meter: tuple[MeterPlan, Path], tmp_path: Path) -> None:
    plan, blank = meter
    good = fill(plan, blank, tmp_path / "good.xlsx", {m.id: {s.id: 2 for s in plan.statements}
                                                      for m in plan.moments}, name="Goed")
    folder = tmp_path / "in"
    folder.mkdir()
    for name, make in HOSTILE.items():
        make(good, folder / f"{name}.xlsx")
    (folder / "empty.xlsx").write_bytes(b"")
    (folder / "text.xlsx").write_text("naam;score\n", encoding="utf-8")
    (folder / "broken-zip.xlsx").write_bytes(b"PK\x03\x04 broken")
    openpyxl.Workbook().save(folder / "plain.xlsx")
    seen = {path.stem: same(path) for path in expand([folder])}
    read = {"sheet-cut-after-last-score", "one-cell-9000-times", "scores-5000-rows"}  # nothing needed is damaged
    assert {name for name, line in seen.items() if not isinstance(line, str)} == read
    expected = {
        "zip-bomb": "too large when unpacked (201 MB)",
        "metadata-5000-rows": "the meter's metadata sheet is damaged (more than 5000 rows)",
        "row-past-last-column": "the workbook is damaged (row 1 has a cell past Excel's last column)",
        "doctype-in-sheet": "the workbook is damaged (the sheet declares a DOCTYPE)",
        "sheet-cut": "cannot be read as a workbook (XMLSyntaxError",
        "no-such-shared-string": "the workbook is damaged (shared string '99999' does not exist)",
        "unknown-relationship": "cannot be read as a workbook (KeyError: 'rId77')",
        "missing-shared-strings": "cannot be read as a workbook (KeyError: \"There is no item named 'xl/sharedS",
        "metadata-part-missing": "not a draaiboek meter (no 'draaiboek' metadata sheet)",
        "scores-sheet-missing": "the sheet 'Weg' with the scores is missing",
        "column-too-far": "metadata sheet is damaged (column 100000000 is outside 1-16,384)",
        "plain": "not a draaiboek meter",
    }
    for name, message in expected.items():
        assert message in str(seen[name]), (name, seen[name])
    same_report(folder, tmp_path)


def test_doctypes_in_the_parts_openpyxl_parsed_are_now_refused(meter: tuple[MeterPlan, Path],
                                                               tmp_path: Path) -> None:
    """Where the readers differ, on purpose: openpyxl read a workbook.xml with a DOCTYPE (and expanded entities in
    the shared strings); the fast reader refuses a DOCTYPE in every part it reads."""
    plan, blank = meter
    good = fill(plan, blank, tmp_path / "good.xlsx", {plan.moments[0].id: {plan.statements[0].id: 2}}, name="Eva")
    hostile = _in_part("xl/workbook.xml", _doctype)(good, tmp_path / "doctype.xlsx")
    assert not isinstance(reference_reader.read_meter(hostile), str)
    with pytest.raises(InputFileError, match=r"doctype.xlsx: the workbook is damaged \(xl/workbook.xml declares a "
                                             r"DOCTYPE\)$"):
        read_meter(hostile)
    shared = to_shared(good, tmp_path / "shared.xlsx")
    entities = _in_part("xl/sharedStrings.xml", lambda d: _declare(d).replace(b"<t>Eva</t>", b"<t>&e;</t>"))(
        shared, tmp_path / "entities.xlsx")
    assert reference_reader.read_meter(entities).participant == "Eve"  # expat expanded the entity
    with pytest.raises(InputFileError, match=r"the workbook is damaged \(xl/sharedStrings.xml declares a DOCTYPE\)"):
        read_meter(entities)


def test_the_command_prints_and_writes_the_same(meter: tuple[MeterPlan, Path], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    plan, blank = meter
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(5)
    for n in range(5):
        fill(plan, blank, folder / f"p{n}.xlsx", random_scores(plan, rng), name=f"P{n % 4}")
    _bomb(folder / "p0.xlsx", folder / "bomb.xlsx")
    _in_part("sheet:Invullen", _shared_index)(folder / "p1.xlsx", folder / "strings.xlsx")
    runs = []
    for read in (read_meter, reference_reader.read_meter):
        monkeypatch.setattr("draaiboek_spreadsheets.reader.read_meter", read)
        report = tmp_path / f"{read.__module__}.xlsx"
        done = CliRunner().invoke(results, [str(folder), "-o", str(report), "--min-group", "2"])
        assert done.exit_code == 0, done.output
        runs.append((done.output.replace(str(report), "REPORT"), members(report)))
    assert "problem: " in runs[0][0] and runs[0] == runs[1]


@pytest.mark.libreoffice
def test_meters_saved_by_libreoffice_read_the_same(meter: tuple[MeterPlan, Path], tmp_path: Path) -> None:
    plan, blank = meter
    filled = tmp_path / "filled"
    filled.mkdir()
    sources = [fill(plan, blank, filled / f"{name}.xlsx", scores, name=name.title())
               for name, scores in typed_values(plan).items()]
    folder = tmp_path / "saved"
    saved = soffice_convert(sources, folder)
    rng = random.Random(9)
    soffice_fill(plan, blank, folder / "filled-in-libreoffice.xlsx", random_scores(plan, rng), name="Lotte")
    assert b"<si>" in read_entry(saved[0], "xl/sharedStrings.xml")  # LibreOffice writes shared strings
    seen = {path.name: same(path) for path in expand([folder])}
    assert not isinstance(seen["filled-in-libreoffice.xlsx"], str)
    assert seen["filled-in-libreoffice.xlsx"].participant == "Lotte"
    assert "a formula where a score belongs" in str(seen["formula.xlsx"])
    same_report(folder, tmp_path)

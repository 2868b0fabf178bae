"""Hostile filled meters given to `results` (issue 19: 1, 2, 5, 8, 10): the bad file is a problem line with its
reason, everyone else gets their results, memory and time stay bounded."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.untrusted.hostile import draaiboek, export_meter, read_entry, rewrite_zip

Edit = Callable[[Any], None]


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_meter(tmp_path_factory.mktemp("meter"))


def fill(blank: Path, target: Path, name: str, score: int = 2, edit: Edit | None = None) -> Path:
    """A participant's meter: name and a score for every statement at every moment, as a trainer gets it back;
    ``edit`` may then change the hidden metadata sheet, as a hostile sender would."""
    wb = openpyxl.load_workbook(blank)
    meta = wb["draaiboek"]
    records = list(meta.iter_rows(values_only=True))
    keys: dict[Any, Any] = {r[1]: r[2] for r in records if r[0] == "key"}
    sheet = wb[str(keys["sheet"])]
    sheet.cell(int(keys["name_row"]), int(keys["name_column"])).value = name
    for moment in (r for r in records if r[0] == "moment"):
        for statement in (r for r in records if r[0] == "statement"):
            sheet.cell(int(str(statement[3])), int(str(moment[3]))).value = score
    if edit:
        edit(meta)
    wb.save(target)
    return target


def set_record(kind: str, key: str | None, column: int, value: object) -> Edit:
    """Change field ``column`` of the first metadata record of ``kind`` (and key)."""
    def edit(meta: Any) -> None:
        row = next(r for r in meta.iter_rows() if r[0].value == kind and (key is None or r[1].value == key))
        row[column - 1].value = value
    return edit


def group(blank: Path, folder: Path, extra: dict[str, Edit | None] | None = None) -> Path:
    """Two good meters (Anna, Bram) plus the extra ones, each named by its file."""
    folder.mkdir()
    fill(blank, folder / "anna.xlsx", "Anna", 2)
    fill(blank, folder / "bram.xlsx", "Bram", 3)
    for name, edit in (extra or {}).items():
        fill(blank, folder / name, Path(name).stem.title(), 1, edit)
    return folder


def report_cells(path: Path) -> dict[str, list[str]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None] for ws in wb}


def problems(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [str(c.value) for c in wb.worksheets[-1]["A"][1:]]


def participants(path: Path) -> set[str]:
    wb = openpyxl.load_workbook(path)
    return {str(c.value) for c in wb["Participants"]["A"][1:] if c.value}


@pytest.mark.parametrize("edit, reason", [
    (set_record("moment", None, 4, 100_000_000), "column 100000000 is outside 1-16,384"),
    (set_record("moment", None, 4, -1), "column -1 is outside 1-16,384"),
    (set_record("key", "name_row", 3, 2_000_000_000), "row 2000000000 is outside 1-1,048,576"),
    (set_record("key", "name_column", 3, -1000), "column -1000 is outside 1-16,384"),
    (set_record("statement", None, 4, 0), "row 0 is outside 1-1,048,576"),
])
def test_metadata_numbers_are_bounded(blank: Path, tmp_path: Path, edit: Edit, reason: str) -> None:
    folder = group(blank, tmp_path / "in", {"hostile.xlsx": edit})
    done, peak = draaiboek("results", "in", "-o", "report.xlsx", cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [f"problem: in/hostile.xlsx: the meter's metadata sheet is damaged ({reason})"]
    assert participants(tmp_path / "report.xlsx") == {"Anna", "Bram"}
    assert peak < 300
    assert folder.exists()


def _cut(entry: str, keep: float) -> Callable[[bytes], bytes]:
    return lambda data: data[: int(len(data) * keep)]


def _doctype(data: bytes) -> bytes:
    text = data.decode()
    text = text.replace("?>", '?><!DOCTYPE worksheet [<!ENTITY e "Eve">]>', 1)
    return re.sub(r"<v>2</v>", "<v>&e;</v>", text, count=1).encode()


@pytest.mark.parametrize("entry, damage, reason", [
    ("xl/worksheets/sheet2.xml", _cut("sheet", 0.6), "cannot be read as a workbook (XMLSyntaxError"),
    ("xl/worksheets/sheet2.xml", _doctype, "cannot be read as a workbook (XMLSyntaxError"),
    ("xl/workbook.xml", _cut("workbook", 0.5), "cannot be read as a workbook ("),
    ("xl/worksheets/sheet2.xml", lambda d: re.sub(rb'(<c r="[A-Z]+[0-9]+" s="[0-9]+") t="n"><v>2</v>',
                                                  rb'\1 t="s"><v>99999</v>', d, count=1),
     "the workbook is damaged (shared string '99999' does not exist)"),
])
def test_a_damaged_meter_is_a_problem_line_and_the_rest_is_reported(blank: Path, tmp_path: Path, entry: str,
                                                                       damage: Callable[[bytes], bytes],
                                                                       reason: str) -> None:
    folder = group(blank, tmp_path / "in")
    good = fill(blank, tmp_path / "cem.xlsx", "Cem")
    wb = openpyxl.load_workbook(good)
    assert wb.sheetnames.index("draaiboek") != 1 and wb.sheetnames[1] == "Scores"  # sheet2.xml is the scores
    rewrite_zip(good, folder / "cem.xlsx", {entry: damage(read_entry(good, entry))})
    done, peak = draaiboek("results", "in", "-o", "report.xlsx", cwd=tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("problem: in/cem.xlsx: ") and reason in line, line
    assert participants(tmp_path / "report.xlsx") == {"Anna", "Bram"}
    assert any(reason in p for p in problems(tmp_path / "report.xlsx"))


def test_anonymised_report_holds_no_names_or_paths(blank: Path, tmp_path: Path) -> None:
    folder = group(blank, tmp_path / "in", {"cem-de-vries.xlsx": None})
    shutil.copy(folder / "anna.xlsx", folder / "anna-again.xlsx")  # a duplicate participant: a problem with names
    (folder / "dewi.xlsx").write_bytes(b"not a workbook")
    done, _ = draaiboek("results", "in", "-o", "report.xlsx", "--anonymise", "--min-group", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "in/anna.xlsx: duplicate participant 'Anna'" in done.stderr  # the trainer's terminal keeps them
    cells = report_cells(tmp_path / "report.xlsx")
    text = "\n".join(value for values in cells.values() for value in values).lower()
    for secret in ("anna", "bram", "cem", "vries", "dewi", str(tmp_path).lower(), "in/"):
        assert secret not in text, secret
    lines = problems(tmp_path / "report.xlsx")
    assert "file 2: duplicate participant (Before, After, Three months later also in another file); file left out" \
        in lines
    assert "file 5: not an Excel workbook (.xlsx)" in lines
    assert participants(tmp_path / "report.xlsx") == {"P01", "P02", "P03"}


def test_control_character_in_a_file_name(blank: Path, tmp_path: Path) -> None:
    folder = group(blank, tmp_path / "in")
    (folder / "bad\x07name\x1b[2J.xlsx").write_bytes(b"PK\x03\x04 broken")
    done, _ = draaiboek("results", "in", "-o", "report.xlsx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert "problem: in/bad\\x07name\\x1b[2J.xlsx: " in done.stderr
    assert any(p.startswith("in/badname[2J.xlsx: ") for p in problems(tmp_path / "report.xlsx"))


def test_millions_of_cells_in_one_row_stay_small(blank: Path, tmp_path: Path) -> None:
    """A million inline strings in one row (the attack used 4 million, 466 KB zipped: openpyxl built the whole
    row, 3.7 GB); the reader stops at Excel's last column, so the count does not matter."""
    folder = group(blank, tmp_path / "in")
    good = fill(blank, tmp_path / "cem.xlsx", "Cem")
    sheet = read_entry(good, "xl/worksheets/sheet2.xml").decode()
    start = re.search(r'<row r="1"[^>]*>', sheet).end()  # type: ignore[union-attr]
    sheet = sheet[:start] + '<c t="inlineStr"><is><t>x</t></is></c>' * 1_000_000 + sheet[start:]
    rewrite_zip(good, folder / "cem.xlsx", {"xl/worksheets/sheet2.xml": sheet.encode()})
    del sheet
    assert (folder / "cem.xlsx").stat().st_size < 1024 * 1024
    done, peak = draaiboek("results", "in", "-o", "report.xlsx", cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["problem: in/cem.xlsx: the workbook is damaged (row 1 has a cell past "
                                        "Excel's last column)"]
    assert peak < 300


def test_shared_strings_are_bounded_before_openpyxl_reads_them(blank: Path, tmp_path: Path) -> None:
    folder = group(blank, tmp_path / "in")
    good = fill(blank, tmp_path / "cem.xlsx", "Cem")
    strings = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               + "<si><t>x</t></si>" * 1_100_000 + "</sst>")
    types = read_entry(good, "[Content_Types].xml").decode().replace("</Types>", (
        '<Override PartName="/xl/strings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sharedStrings+xml"/></Types>'))
    rewrite_zip(good, folder / "cem.xlsx", {"xl/strings.xml": strings.encode(), "[Content_Types].xml": types.encode()})
    done, peak = draaiboek("results", "in", "-o", "report.xlsx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["problem: in/cem.xlsx: xl/strings.xml is too large for a meter (18 MB)"]
    assert peak < 200

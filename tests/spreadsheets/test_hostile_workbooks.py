"""Hostile workbooks given to `results`: clear one-line errors, bounded time and memory, inputs untouched."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.support import FULL_PACK, ROOT

PEAK = "VmHWM:"
# The CLI in a child process that prints its own peak memory last on stderr. VmHWM, not ru_maxrss: on Linux
# ru_maxrss keeps the high-water mark of the forked parent across exec.
RUN = ("import sys\nfrom draaiboek.cli import main\ntry:\n    main(sys.argv[1:])\nfinally:\n"
       "    print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM:')), file=sys.stderr)\n")


def draaiboek(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run the CLI; returns the result and that process's peak memory in MB."""
    done = subprocess.run([sys.executable, "-c", RUN, *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    peak = int(done.stderr.rsplit(PEAK, 1)[1].split()[0]) // 1024
    return done, peak


def meter(tmp_path: Path) -> Path:
    path = tmp_path / "meter.xlsx"
    done, _ = draaiboek("export", "meter", str(FULL_PACK), "-o", str(path), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rewrite(source: Path, target: Path, change: dict[str, bytes] | None = None, extra: int = 0) -> Path:
    """Copy a workbook entry by entry, replacing some entries and adding `extra` MB of zeros."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            out.writestr(name, (change or {}).get(name, src.read(name)))
        if extra:
            with out.open("xl/media/zeros.bin", "w") as stream:
                for _ in range(extra):
                    stream.write(b"\0" * (1 << 20))
    return target


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    bomb = rewrite(meter(tmp_path), tmp_path / "bomb.xlsx", extra=300)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    before = digest(bomb)
    done, peak = draaiboek("results", str(bomb), "-o", str(tmp_path / "r.xlsx"), cwd=tmp_path)
    assert done.returncode == 1
    assert "bomb.xlsx: too large when unpacked (300 MB)" in done.stdout + done.stderr
    assert peak < 200 and digest(bomb) == before and not (tmp_path / "r.xlsx").exists()


@pytest.mark.parametrize("sheet_name", ["Scores", "draaiboek"])
def test_a_million_rows_are_read_in_bounded_time_and_memory(tmp_path: Path, sheet_name: str) -> None:
    source = meter(tmp_path)
    # openpyxl writes sheet N of the workbook as xl/worksheets/sheetN.xml
    sheet = f"xl/worksheets/sheet{openpyxl.load_workbook(source).sheetnames.index(sheet_name) + 1}.xml"
    with zipfile.ZipFile(source) as src:
        text = src.read(sheet).decode()
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(200, 1_000_001))
    text = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:F1000000"/>', text.replace("</sheetData>",
                                                                                            rows + "</sheetData>"))
    big = rewrite(source, tmp_path / "million.xlsx", {sheet: text.encode()})
    done, peak = draaiboek("results", str(big), "-o", str(tmp_path / "r.xlsx"), cwd=tmp_path)
    # Not filled in, so no usable meter: but it was read, quickly and in little memory, and said so in one line.
    assert "million.xlsx" in done.stdout + done.stderr and "Traceback" not in done.stderr
    assert peak < 150
    if sheet_name == "draaiboek":
        assert "the meter's metadata sheet is damaged (more than 5000 rows)" in done.stderr


def test_formula_where_a_score_belongs_is_named(tmp_path: Path) -> None:
    path = meter(tmp_path)
    workbook = openpyxl.load_workbook(path)
    scores = workbook["Scores"]
    scores["C2"] = "Piet"
    scores["C6"] = "=1+1"
    scores["C7"] = 3
    workbook.save(tmp_path / "formula.xlsx")
    done, _ = draaiboek("results", "formula.xlsx", "-o", "r.xlsx", cwd=tmp_path)
    assert done.returncode == 1
    assert "formula.xlsx: a formula where a score belongs (Scores!C6); choose a score from the list" in done.stderr

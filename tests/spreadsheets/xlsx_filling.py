"""Fill a generated meter the way a participant does, and run LibreOffice headless on workbooks."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import openpyxl

from draaiboek_spreadsheets.meter_plan import MeterPlan

#: scores[moment id][statement id] = a scale value (written as the dropdown text) or any raw cell value.
Scores = Mapping[str, Mapping[str, object]]


def fill(plan: MeterPlan, source: Path, target: Path, scores: Scores, name: str | None = None) -> Path:
    """Open the meter in openpyxl, pick dropdown entries (or type raw values), save under ``target``."""
    wb = openpyxl.load_workbook(source)
    ws = wb[plan.sheet("fill")]
    choices = {o.value: o.choice for o in plan.scale}
    columns = {m.id: m.column for m in plan.moments}
    rows = {s.id: s.row for s in plan.statements}
    if name is not None:
        ws.cell(2, 3).value = name
    for moment, values in scores.items():
        for statement, value in values.items():
            cell = ws.cell(rows[statement], columns[moment])
            if isinstance(value, int) and not isinstance(value, bool):
                cell.value = choices.get(value, value)
            else:
                cell.value = value  # type: ignore[assignment]  # raw test values of any type, on purpose
    wb.save(target)
    return target


_RECALC_ITEM = ('<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                '<prop oor:name="{mode}" oor:op="fuse"><value>0</value></prop></item>\n')
_RECALC = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
""" + _RECALC_ITEM.format(mode="OOXMLRecalcMode") + _RECALC_ITEM.format(mode="ODFRecalcMode") + "</oor:items>\n"


def soffice_convert(sources: list[Path], outdir: Path, target: str = "xlsx") -> list[Path]:
    """Open ``sources`` in LibreOffice headless (always recalculating) and save them as ``target`` in ``outdir``."""
    soffice = shutil.which("soffice")
    assert soffice is not None
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        user = Path(profile) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_RECALC, encoding="utf-8")
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(outdir), *map(str, sources)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": profile})
    produced = [outdir / f"{source.stem}.{target.split(':')[0]}" for source in sources]
    for path in produced:
        assert path.exists(), f"LibreOffice did not write {path}"
    return produced


def soffice_fill(plan: MeterPlan, source: Path, target: Path, scores: Scores, name: str) -> Path:
    """Fill ``source`` in LibreOffice (through UNO, with the system python) and save it as ``target``."""
    import json

    choices = {o.value: o.choice for o in plan.scale}
    columns = {m.id: m.column for m in plan.moments}
    rows = {s.id: s.row for s in plan.statements}
    cells: dict[str, object] = {"C2": name}
    for moment, values in scores.items():
        for statement, value in values.items():
            letter = chr(64 + columns[moment])
            cells[f"{letter}{rows[statement]}"] = choices.get(value, value) if isinstance(value, int) else value
    with tempfile.TemporaryDirectory(prefix="lo-fill-") as profile:
        job = Path(profile) / "job.json"
        job.write_text(json.dumps({"source": str(source), "target": str(target), "sheet": plan.sheet("fill"),
                                   "cells": cells, "profile": profile}), encoding="utf-8")
        subprocess.run(["/usr/bin/python3", str(Path(__file__).with_name("xlsx_lo_fill.py")), str(job)], check=True,
                       capture_output=True, timeout=240, env={**os.environ, "HOME": profile})
    assert target.exists(), f"LibreOffice did not save {target}"
    return target

"""The generated competence meter: sheets, inputs, protection, validation, print setup, formula safety."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import MergedCell

from draaiboek.errors import ExportError, ExportNotApplicable
from draaiboek.exporters import ExportJob
from draaiboek.model import Training, TrainingAudience
from draaiboek.refs import Resolver
from draaiboek_spreadsheets.exporters import export_meter
from draaiboek_spreadsheets.meter_plan import METADATA_SHEET, plan_meter


def test_sheets_and_hidden_metadata(pack, export_job) -> None:  # type: ignore[no-untyped-def]
    [path] = export_meter(export_job())
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:6] == ["Uitleg", "Invullen", "Krachten en uitdagingen", "Actieplan", "Overzicht", "Schaal"]
    assert wb[METADATA_SHEET].sheet_state == "hidden"
    meta = [row for row in wb[METADATA_SHEET].iter_rows(values_only=True)]
    keys = {r[1]: r[2] for r in meta if r[0] == "key"}
    assert (keys["pack"], keys["meter"], keys["pack_version"]) == ("het-gesprek", "competentiemeter", "1.2")
    meter = pack.meters[0]
    assert [r[1] for r in meta if r[0] == "statement"] == [s.id for s in meter.statements]
    assert [(r[1], r[2]) for r in meta if r[0] == "scale"] == [(p.value, p.label) for p in meter.scale.points]


def test_only_input_cells_are_unlocked_and_sheets_are_protected_without_password(pack, export_job) -> None:  # type: ignore[no-untyped-def]
    [path] = export_meter(export_job())
    plan = plan_meter(pack, pack.meters[0])
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
        assert not ws.protection.password, ws.title
    fill = wb["Invullen"]
    unlocked = {c.coordinate for row in fill.iter_rows() for c in row
                if c.protection.locked is False and not isinstance(c, MergedCell)}  # merged: the first cell counts
    expected = {fill.cell(s.row, m.column).coordinate for s in plan.statements for m in plan.moments}
    expected |= {fill.cell(s.row, plan.remark_column).coordinate for s in plan.statements}
    expected.add("C2")  # name or code
    assert unlocked == expected
    plan_sheet = wb["Actieplan"]
    answers = [c for row in plan_sheet.iter_rows() for c in row if c.protection.locked is False]
    assert len(answers) == len(pack.meters[0].action_plan)
    for name in ("Uitleg", "Krachten en uitdagingen", "Overzicht", "Schaal"):
        assert not [c for row in wb[name].iter_rows() for c in row if c.protection.locked is False], name


def test_dropdown_is_a_range_on_the_scale_sheet_covering_every_score_cell(pack, export_job) -> None:  # type: ignore[no-untyped-def]
    [path] = export_meter(export_job())
    plan = plan_meter(pack, pack.meters[0])
    ws = openpyxl.load_workbook(path)["Invullen"]
    [validation] = ws.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == "'Schaal'!$C$2:$C$5"  # a range, not an inline "a,b,c" list
    scale = openpyxl.load_workbook(path)["Schaal"]
    assert [scale.cell(r, 3).value for r in range(2, 6)] == [o.choice for o in plan.scale]
    for s in plan.statements:
        for m in plan.moments:
            assert ws.cell(s.row, m.column).coordinate in validation.sqref


def test_print_setup_a4_landscape_full_width_with_repeated_header(export_job) -> None:  # type: ignore[no-untyped-def]
    [path] = export_meter(export_job())
    wb = openpyxl.load_workbook(path)
    for name in ("Uitleg", "Invullen", "Krachten en uitdagingen", "Actieplan", "Overzicht"):
        ws = wb[name]
        assert str(ws.page_setup.paperSize) == "9" and ws.page_setup.orientation == "landscape", name  # 9 = A4
        # fits the width at full size (so page breaks hold), or is fit to width without shrinking in height,
        # or (a sheet a few lines over one page) is fit onto one page
        setup = ws.sheet_properties.pageSetUpPr
        fit = setup is not None and setup.fitToPage
        assert (not fit and ws.page_setup.scale == 100) or (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) \
            in {(1, 0), (1, 1)}, name
        assert ws.oddHeader is not None and ws.oddFooter is not None, name
        assert ws.print_area and ws.oddHeader.left.text == "Competentiemeter Het Gesprek", name
        assert ws.oddFooter.right.text == "Pagina &P van &N", name
    assert wb["Invullen"].print_title_rows == "$4:$4"


def test_scale_hidden_prompt_and_chart_axis_on_the_scale(pack, export_job) -> None:  # type: ignore[no-untyped-def]
    [path] = export_meter(export_job())
    wb = openpyxl.load_workbook(path)
    assert wb["Schaal"].sheet_state == "hidden"  # a helper: it is not printed
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == [
        "Uitleg", "Invullen", "Krachten en uitdagingen", "Actieplan", "Overzicht"]
    [validation] = wb["Invullen"].data_validations.dataValidation
    assert validation.showInputMessage and validation.promptTitle == "Kies je score"
    assert validation.prompt == "Kies in de lijst wat het best past, van 1 – nog niet tot 4 – altijd."
    [chart] = wb["Overzicht"]._charts  # type: ignore[attr-defined]  # private, but openpyxl's only way to read charts
    scale = pack.meters[0].scale
    assert (chart.y_axis.scaling.min, chart.y_axis.scaling.max) == (scale.low, scale.high)  # 1-4, not 0-4


def test_statements_are_numbered_as_in_the_handbook_and_show_their_roles(tmp_path: Path) -> None:
    from draaiboek.api import open_training
    from tests.support import run_draaiboek

    handbook = tmp_path / "hb.md"
    done = run_draaiboek(["export", "handbook", "lvb-coaching", "-o", str(handbook)])
    assert done.returncode == 0, done.stderr
    pack, training, resolver = open_training("lvb-coaching")
    [path] = export_meter(ExportJob(pack, training, resolver, tmp_path / "m.xlsx"))
    ws = openpyxl.load_workbook(path)["Invullen"]
    meter = pack.meters[0]
    numbers = [ws.cell(r, 1).value for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value]
    assert numbers == [s.id for s in meter.statements]
    listed = handbook.read_text(encoding="utf-8")
    assert all(f"`{n}`" in listed for n in numbers)  # the handbook lists h1 as h1
    h3 = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "h3")
    assert str(ws.cell(h3, 2).value).endswith("\nAlleen voor: huisarts, POH-GGZ")


def test_pack_text_starting_like_a_formula_is_written_as_text(pack, export_job) -> None:  # type: ignore[no-untyped-def]
    [path] = export_meter(export_job())
    with zipfile.ZipFile(path) as archive:
        names = openpyxl.load_workbook(path).sheetnames
        fill_xml = archive.read(f"xl/worksheets/sheet{names.index('Invullen') + 1}.xml").decode()
        plan_xml = archive.read(f"xl/worksheets/sheet{names.index('Actieplan') + 1}.xml").decode()
    assert "<f>" not in fill_xml and "<f>" not in plan_xml  # no formula on the sheets that show pack text
    ws = openpyxl.load_workbook(path)["Invullen"]
    texts = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for value in ("=Vraagverheldering", "-Ik vraag door.", "@Ik ben nieuwsgierig.", "+Ik ken de sociale kaart."):
        assert texts[value].data_type == "s"


def test_moment_option_unlocks_only_that_column(pack, export_job) -> None:  # type: ignore[no-untyped-def]
    [path] = export_meter(export_job(moment="Nameting"))
    plan = plan_meter(pack, pack.meters[0], moment="na")
    ws = openpyxl.load_workbook(path)["Invullen"]
    for s in plan.statements:
        assert [ws.cell(s.row, m.column).protection.locked for m in plan.moments] == [True, False, True]
    with pytest.raises(ExportError, match="has no moment 'daarna'; choose one of: voor"):
        export_meter(export_job(moment="daarna"))


def test_training_without_meter_is_not_applicable(pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bare = Training("kaal", "Kaal", TrainingAudience("iedereen"), [], instruments=["iets-anders"])
    job = ExportJob(pack, bare, Resolver(pack), tmp_path / "m.xlsx")
    with pytest.raises(ExportNotApplicable, match="has no competence meter"):
        export_meter(job)
    assert not (tmp_path / "m.xlsx").exists()


def test_participants_csv_gives_one_prefilled_workbook_each_with_codes_not_names(export_job, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv_file = tmp_path / "groep.csv"
    csv_file.write_text("naam;code\nJan de Vries;P-07\n=Els;P-08\n", encoding="utf-8")
    written = export_meter(export_job("meter.xlsx", participants=str(csv_file)))
    assert [p.name for p in written] == ["meter-p-07.xlsx", "meter-p-08.xlsx"]
    ws = openpyxl.load_workbook(written[0])["Invullen"]
    assert ws["C2"].value == "P-07" and ws["C2"].protection.locked
    everything = " ".join(str(c.value) for s in openpyxl.load_workbook(written[1]) for r in s.iter_rows() for c in r)
    assert "Jan" not in everything and "Els" not in everything
    taken = r"meter-p-07.xlsx exists \(and 1 more\); a participant may have filled it in"
    with pytest.raises(ExportError, match=taken):
        export_meter(export_job("meter.xlsx", participants=str(csv_file)))


def test_participants_csv_problems_are_one_line_errors(export_job, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from draaiboek.errors import InputFileError

    dup = tmp_path / "dup.csv"
    dup.write_text("Jan\nPiet\njan\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"dup.csv:3: participant 'jan' is already on line 1"):
        export_meter(export_job(participants=str(dup)))
    with pytest.raises(InputFileError, match="participants file not found"):
        export_meter(export_job(participants=str(tmp_path / "none.csv")))


def test_plugin_import_does_not_load_openpyxl() -> None:
    code = "import sys, draaiboek_spreadsheets as p, draaiboek_spreadsheets.exporters, " \
           "draaiboek_spreadsheets.commands;" \
           "print('openpyxl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": ":".join(sys.path)})
    assert out.stdout.strip() == "False"

"""Fixtures for the spreadsheet plugin tests: model objects built in Python, a meter workbook, filling helpers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT / "core", ROOT / "plugins", Path(__file__).parent):
    if str(folder) not in sys.path:  # running from a checkout that is not installed
        sys.path.insert(0, str(folder))

from xlsx_models import make_pack  # noqa: E402


@pytest.fixture
def pack():  # type: ignore[no-untyped-def]
    return make_pack()


@pytest.fixture
def export_job(pack, tmp_path):  # type: ignore[no-untyped-def]
    """Make an ExportJob for the test pack's training: export_job(output_name, start=time(13, 30), **options)."""
    from datetime import time

    from draaiboek.exporters import ExportJob
    from draaiboek.refs import Resolver

    def make(name: str = "meter.xlsx", start: time | None = None, **options: object) -> ExportJob:
        return ExportJob(pack, pack.trainings[0], Resolver(pack), tmp_path / name, options, start)

    return make

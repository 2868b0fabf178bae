"""Fixtures for the spreadsheet plugin tests: model objects built in Python, a meter workbook, filling helpers."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT / "core", ROOT / "plugins", Path(__file__).parent):
    if str(folder) not in sys.path:  # running from a checkout that is not installed
        sys.path.insert(0, str(folder))

from models import make_pack  # noqa: E402


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("soffice") is None:
        skip = pytest.mark.skip(reason="LibreOffice (soffice) is not installed")
        for item in items:
            if "libreoffice" in item.keywords:
                item.add_marker(skip)


@pytest.fixture
def pack():  # type: ignore[no-untyped-def]
    return make_pack()

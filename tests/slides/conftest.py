"""Fixtures for the slides plugin tests: a pack built in Python, the fixture templates, deck helpers."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT / "core", ROOT / "plugins", Path(__file__).parent):
    if str(folder) not in sys.path:  # running from a checkout that is not installed
        sys.path.insert(0, str(folder))

from draaiboek.model import Pack
from draaiboek.refs import Resolver
from slide_models import make_pack


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("soffice") is None:
        skip = pytest.mark.skip(reason="LibreOffice (soffice) is not installed")
        for item in items:
            if "libreoffice" in item.keywords:
                item.add_marker(skip)


@pytest.fixture
def pack() -> Pack:
    return make_pack()


@pytest.fixture
def resolver(pack: Pack) -> Resolver:
    return Resolver(pack)

"""Fixtures for the slides plugin tests: a pack built in Python, the test templates, deck helpers.

LibreOffice tests follow the root conftest's one policy: required in CI, skipped with a reason elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT / "core", ROOT / "plugins", Path(__file__).parent):
    if str(folder) not in sys.path:  # running from a checkout that is not installed
        sys.path.insert(0, str(folder))

from draaiboek.model import Pack  # noqa: E402
from draaiboek.refs import Resolver  # noqa: E402
from tests.slides.templates import build_all, libreoffice_saved  # noqa: E402

from slide_models import make_pack  # noqa: E402


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every test template (see tests/slides/templates.py), built once per test process."""
    return build_all(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def libreoffice_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template saved by LibreOffice Impress; only for tests marked ``libreoffice``."""
    return libreoffice_saved(tmp_path_factory.mktemp("libreoffice-template"))


@pytest.fixture
def pack() -> Pack:
    made: Pack = make_pack()  # slide_models is imported by its bare name, so mypy sees Any
    return made


@pytest.fixture
def resolver(pack: Pack) -> Resolver:
    return Resolver(pack)

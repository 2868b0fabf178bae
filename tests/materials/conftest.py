"""Printed materials exported once per pack (and per case pick), read back with python-docx and LibreOffice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from draaiboek.api import open_training
from draaiboek.exporters import ExportJob
from draaiboek.model import Pack, Training
from draaiboek.views import TrainingView, training_view
from tests.handbook.books import cli
from tests.handbook.docx_text import docx_text, pdf_pages
from tests.support import soffice_convert

PACKS = ["het-gesprek", "naasten", "vgz-ggz", "lvb-coaching"]


@dataclass
class Printed:
    """One export of the materials: the pack, its view, the files, their text and (on demand) PDF pages."""

    pack: Pack
    training: Training
    view: TrainingView
    folder: Path
    files: list[Path]
    _pages: dict[Path, list[str]] = field(default_factory=dict)

    def file(self, session_id: str | None, word: str) -> Path | None:
        name = f"{self.training.id}-{session_id}-{word}.docx" if session_id else f"{self.training.id}-{word}.docx"
        return self.folder / name if (self.folder / name).exists() else None

    def text(self, path: Path) -> str:
        return docx_text(path)

    def pages(self, path: Path) -> list[str]:
        """The PDF pages LibreOffice makes of a file (converted once)."""
        if path not in self._pages:
            self._pages[path] = pdf_pages(soffice_convert(path, "pdf", self.folder / "pdf"))
        return self._pages[path]


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Printed]:
    made: dict[tuple[str, tuple[str, ...]], Printed] = {}

    def get(ref: str, *picks: str) -> Printed:
        key = (ref, picks)
        if key not in made:
            folder = tmp_path_factory.mktemp(ref)
            cli("export", "materials", ref, "-o", str(folder), *[a for p in picks for a in ("--case", p)])
            pack, training, resolver = open_training(ref)
            view = training_view(ExportJob(pack, training, resolver, folder))
            made[key] = Printed(pack, training, view, folder, sorted(folder.glob("*.docx")))
        return made[key]

    return get

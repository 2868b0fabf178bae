"""Handbooks exported once per pack (Markdown and Word), as a user gets them from the CLI."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from draaiboek.api import open_training
from tests.handbook.books import Handbook, cli


@pytest.fixture(scope="session")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Handbook]:
    made: dict[str, Handbook] = {}

    def get(ref: str) -> Handbook:
        if ref not in made:
            folder = tmp_path_factory.mktemp(ref.replace("/", "-"))
            cli("export", "handbook", ref, "-o", str(folder / "handbook.md"))
            cli("export", "handbook", ref, "-o", str(folder / "handbook.docx"))
            pack, training, _ = open_training(ref)
            made[ref] = Handbook(pack, training, (folder / "handbook.md").read_text(encoding="utf-8"),
                                 folder / "handbook.docx")
        return made[ref]

    return get

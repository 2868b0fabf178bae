"""Running the CLI in-process and holding what it wrote, for the handbook and materials tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from draaiboek.cli import build_app
from draaiboek.model import Pack, Training


@dataclass(frozen=True)
class Handbook:
    pack: Pack
    training: Training
    markdown: str
    docx: Path


def cli(*args: str) -> str:
    group, state = build_app(list(args))
    result = CliRunner().invoke(group, list(args), obj=state, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output

"""LibreOffice (headless) opens a few decks: PDF conversion works and every slide becomes one page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.support import FULL_PACK, RunCli

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "templates"
pytestmark = pytest.mark.libreoffice


def pdf_pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def test_decks_convert_to_pdf_with_one_page_per_slide(run_cli: RunCli, tmp_path: Path) -> None:
    from pptx import Presentation

    decks = {
        "default": ["--session", "all"],
        "moved": ["--template", str(FIXTURES / "layouts-moved.pptx"), "--session", "1"],
        "nosl": ["--template", str(FIXTURES / "reference-no-slides.pptx"), "--session", "2"],
    }
    for name, options in decks.items():
        result = run_cli("export", "slides", str(FULL_PACK), "-o", str(tmp_path / f"{name}.pptx"), *options)
        assert result.exit_code == 0, result.output
    pptx_files = sorted(tmp_path.glob("*.pptx"))
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    done = subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                           *map(str, pptx_files)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for deck in pptx_files:
        pdf = deck.with_suffix(".pdf")
        assert pdf.exists(), done.stdout + done.stderr
        assert pdf_pages(pdf) == len(Presentation(str(deck)).slides), deck.name


def test_every_bundled_deck_and_fixture_template_deck_converts(run_cli: RunCli, tmp_path: Path) -> None:
    """Issue promise: every deck `draaiboek build` makes opens in LibreOffice, one page per slide."""
    from pptx import Presentation

    built = run_cli("build", "-o", str(tmp_path / "out"), "--exporter", "slides")
    assert built.exit_code == 0, built.output
    for template in sorted(FIXTURES.glob("*.pptx")):
        result = run_cli("export", "slides", "lvb-coaching", "-o", str(tmp_path / "out" / f"tpl-{template.stem}.pptx"),
                         "--session", "1", "--template", str(template))
        assert result.exit_code == 0 or "has no layout for content slides" in result.stderr, result.output
    decks = sorted((tmp_path / "out").rglob("*.pptx"))
    assert len(decks) >= 26  # 20+ session decks of the bundled packs, the example pack's, 6 template decks
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    done = subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                           *map(str, decks)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    for deck in decks:
        pdf = tmp_path / "pdf" / f"{deck.stem}.pdf"
        assert pdf.exists(), f"{deck.name}: {done.stderr[-300:]}"
        assert pdf_pages(pdf) == len(Presentation(str(deck)).slides), deck.name

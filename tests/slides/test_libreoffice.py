"""LibreOffice (headless) opens the decks: PDF conversion works and every slide becomes one page; a template
saved by LibreOffice Impress is usable in `template check` and in `export` alike."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.slides.templates import UNUSABLE
from tests.support import FULL_PACK, RunCli

pytestmark = pytest.mark.libreoffice


def pdf_pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def test_decks_convert_to_pdf_with_one_page_per_slide(run_cli: RunCli, tmp_path: Path,
                                                      templates: dict[str, Path]) -> None:
    from pptx import Presentation

    decks = {
        "default": ["--session", "all"],
        "moved": ["--template", str(templates["layouts-moved"]), "--session", "1"],
        "nosl": ["--template", str(templates["no-slides"]), "--session", "2"],
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


def test_every_bundled_deck_and_test_template_deck_converts(run_cli: RunCli, tmp_path: Path,
                                                            templates: dict[str, Path],
                                                            libreoffice_template: Path) -> None:
    """Issue promise: every deck `draaiboek build` makes opens in LibreOffice, one page per slide."""
    from pptx import Presentation

    built = run_cli("build", "-o", str(tmp_path / "out"), "--exporter", "slides")
    assert built.exit_code == 0, built.output
    usable = {name: path for name, path in templates.items() if name not in UNUSABLE}
    for name, template in {**usable, "libreoffice-saved": libreoffice_template}.items():
        result = run_cli("export", "slides", "lvb-coaching", "-o", str(tmp_path / "out" / f"tpl-{name}.pptx"),
                         "--session", "1", "--template", str(template))
        assert result.exit_code == 0, f"{name}: {result.output}"
    decks = sorted((tmp_path / "out").rglob("*.pptx"))
    assert len(decks) >= 20 + len(usable) + 1  # 20+ session decks of the installed packs, the template decks
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    done = subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                           *map(str, decks)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    for deck in decks:
        pdf = tmp_path / "pdf" / f"{deck.stem}.pdf"
        assert pdf.exists(), f"{deck.name}: {done.stderr[-300:]}"
        assert pdf_pages(pdf) == len(Presentation(str(deck)).slides), deck.name


def test_a_template_saved_by_libreoffice_checks_and_exports_alike(run_cli: RunCli, tmp_path: Path,
                                                                  libreoffice_template: Path) -> None:
    """Impress writes layout placeholders without idx: `template check` and `export` must agree on it."""
    from draaiboek.api import open_training

    from deckcheck import check_deck

    check = run_cli("template", "check", str(libreoffice_template))
    assert check.exit_code == 0, check.output
    assert "usable for slide decks" in check.output
    out = tmp_path / "deck.pptx"
    result = run_cli("export", "slides", str(FULL_PACK), "-o", str(out), "--template", str(libreoffice_template))
    assert result.exit_code == 0, f"template check calls it usable, but export says: {result.output}"
    pack, training, resolver = open_training(str(FULL_PACK))
    slides = check_deck(out, pack, training, training.sessions, resolver)
    assert slides[0].title == training.title

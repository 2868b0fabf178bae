"""PDF copies of Word files through LibreOffice, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from draaiboek.errors import ExportError

NOT_INSTALLED = ("--pdf: LibreOffice (soffice) is not installed, so no PDF was made; the Word files are written. "
                 "Install LibreOffice (e.g. apt install libreoffice-writer) or save as PDF from Word.")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(sources: list[Path], timeout: int = 300) -> list[Path]:
    """A PDF next to each source (same name, .pdf), written atomically; [] when LibreOffice is missing."""
    from draaiboek.output import atomic_path

    program = soffice()
    if program is None or not sources:
        return []
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="draaiboek-pdf-") as work:
        # Its own profile: a LibreOffice the user has open (or a parallel run) does not block the conversion.
        command = [program, f"-env:UserInstallation={Path(work, 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", work, *map(str, sources)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ExportError(f"--pdf: LibreOffice took longer than {timeout} s; try again or save as PDF from Word") \
                from exc
        for source in sources:
            made = Path(work, source.stem + ".pdf")
            if not made.exists():
                raise ExportError(f"--pdf: LibreOffice could not convert {source.name}: "
                                  f"{(done.stderr or done.stdout).strip()[:200] or 'no reason given'}")
            target = source.with_suffix(".pdf")
            with atomic_path(target) as temp:
                shutil.copyfile(made, temp)
            written.append(target)
    return written

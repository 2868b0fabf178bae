"""Paths and helpers shared by the tests (importable as ``tests.support``)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from click.testing import Result

TESTS = Path(__file__).parent
ROOT = TESTS.parent
FULL_PACK = TESTS / "packs" / "full"
BROKEN = TESTS / "packs" / "broken"

RunCli = Callable[..., Result]


def env_flag(name: str, default: str = "") -> bool:
    """An on/off environment variable: unset, empty, 0, false or no is off."""
    return os.environ.get(name, default).strip().lower() not in ("", "0", "false", "no")


def in_ci() -> bool:
    """CI sets CI=true: there, nothing may be skipped for want of LibreOffice."""
    return env_flag("CI")


def run_draaiboek(args: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None,
                  ) -> subprocess.CompletedProcess[str]:
    """The installed ``draaiboek`` command in a subprocess, exactly as a user runs it."""
    command = [sys.executable, "-m", "draaiboek", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def soffice_convert(source: Path, target_format: str, out_dir: Path, timeout: int = 180) -> Path:
    """Convert a file with headless LibreOffice (e.g. 'pdf', 'xlsx', 'csv'); returns the converted file.

    Each call gets its own LibreOffice profile, so parallel test workers do not lock each other out.
    """
    import tempfile

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                   "--convert-to", target_format, "--outdir", str(out_dir), str(source)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    converted = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    if done.returncode != 0 or not converted.exists():
        raise AssertionError(f"LibreOffice could not convert {source.name}: {done.stderr.strip() or done.stdout}")
    return converted

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


def run_draaiboek(args: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None,
                  ) -> subprocess.CompletedProcess[str]:
    """The installed ``draaiboek`` command in a subprocess, exactly as a user runs it."""
    command = [sys.executable, "-m", "draaiboek", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})

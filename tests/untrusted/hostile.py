"""Helpers for the untrusted-input tests: the CLI in a child process under a memory limit, small fixtures."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.support import BROKEN, FULL_PACK, ROOT

#: Address-space limit for the child: a regression fails with MemoryError instead of swapping the machine.
LIMIT_MB = 1500
PEAK = "VmHWM:"
# VmHWM (peak resident memory of this process), not ru_maxrss: on Linux that keeps the forked parent's peak.
RUN = ("import resource, sys\n"
       "resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))\n"
       "from draaiboek.cli import main\n"
       "try:\n    main(sys.argv[1:])\n"
       "finally:\n"
       "    print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM:')), file=sys.stderr)\n")


def draaiboek(*args: str, cwd: Path, timeout: int = 60, limit_mb: int = LIMIT_MB,
              ) -> tuple[subprocess.CompletedProcess[str], int]:
    """The CLI as a user runs it, in a child with limited memory; the result and its peak memory in MB."""
    code = RUN.format(limit=limit_mb * 1024 * 1024)
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)
    peak = int(done.stderr.rsplit(PEAK, 1)[1].split()[0]) // 1024 if PEAK in done.stderr else -1
    done.stderr = done.stderr.rsplit(PEAK, 1)[0]
    return done, peak


def one_line_error(done: subprocess.CompletedProcess[str], *needles: str) -> str:
    """The command failed with one line on stderr, holding every needle, and no traceback."""
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def small_pack(tmp_path: Path, name: str = "pack") -> Path:
    """A copy of a small pack with one training, one session and one work format (one warning, no error)."""
    pack = tmp_path / name
    shutil.copytree(BROKEN / "uncovered-outcome", pack, ignore=shutil.ignore_patterns("expected.txt"))
    return pack


def full_pack(tmp_path: Path, name: str = "full") -> Path:
    pack = tmp_path / name
    shutil.copytree(FULL_PACK, pack)
    return pack


def export_meter(tmp_path: Path, name: str = "meter.xlsx") -> Path:
    path = tmp_path / name
    done, _ = draaiboek("export", "meter", str(FULL_PACK), "-o", str(path), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return path


def rewrite_zip(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """Copy a zip entry by entry; ``change`` replaces entries (None removes one) and adds new ones."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            data = change.get(name, src.read(name))
            if data is not None:
                out.writestr(name, data)
        for name, data in change.items():
            if name not in src.namelist() and data is not None:
                out.writestr(name, data)
    return target


def read_entry(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)

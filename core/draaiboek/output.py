"""Writing files safely: never a half-written file, never a good file replaced by a broken one."""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from draaiboek.errors import DraaiboekError


class _Terminated(BaseException):
    """SIGTERM arrived while a file was being written: unwinds (removing temporary files), then dies of it."""


_depth = 0


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


@contextmanager
def _cleanup_on_sigterm() -> Iterator[None]:
    """While the outermost atomic write runs, SIGTERM unwinds like Ctrl-C, then ends the process by SIGTERM."""
    global _depth
    own = (_depth == 0 and threading.current_thread() is threading.main_thread()
           and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)  # an ignored or handled SIGTERM stays so
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if own else None
    _depth += 1
    try:
        yield
    except _Terminated:
        if not own:
            raise
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)  # die of the signal, as the sender expects
        raise
    finally:
        _depth -= 1
        if own:
            signal.signal(signal.SIGTERM, previous)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it is renamed onto ``target``.

    If the block raises (or the process dies), the temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DraaiboekError(f"{folder}: folder does not exist; create it or choose another output path")
    with _cleanup_on_sigterm():
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        os.close(fd)
        temp = Path(name)
        try:
            yield temp
            # mkstemp makes the file private (0600); give it the permissions any new file would get.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
            os.replace(temp, target)
        finally:
            if temp.exists():
                temp.unlink()


def write_text_atomic(target: Path, text: str) -> None:
    with atomic_path(target) as temp:
        temp.write_text(text, encoding="utf-8")

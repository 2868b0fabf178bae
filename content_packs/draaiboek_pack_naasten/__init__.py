"""A bundled draaiboek content pack: the data lives in ``pack/`` next to this file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from draaiboek import hookimpl

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


@hookimpl
def register_content_packs(register: Callable[[Path], None]) -> None:
    # The folder next to this file: what importlib.resources.files(__name__) / "pack" gives for an installed
    # package, without importing importlib.resources (zipfile, tempfile) into every 'packs' and 'check'.
    # pathlib is imported here, not at the top: every start loads this module (also --help).
    from pathlib import Path

    register(Path(__file__).parent / "pack")

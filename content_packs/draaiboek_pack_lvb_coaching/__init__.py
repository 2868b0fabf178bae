"""A bundled draaiboek content pack: the data lives in ``pack/`` next to this file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from draaiboek import hookimpl

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.abc import Traversable


@hookimpl
def register_content_packs(register: Callable[[Traversable], None]) -> None:
    # Imported here, not at the top: every start loads this module (also --help), few need the pack.
    from importlib.resources import files

    register(files(__name__) / "pack")

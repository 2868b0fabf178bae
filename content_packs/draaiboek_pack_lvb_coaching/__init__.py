"""A bundled draaiboek content pack: the data lives in ``pack/`` next to this file."""

from collections.abc import Callable
from importlib.abc import Traversable
from importlib.resources import files

from draaiboek import hookimpl


@hookimpl
def register_content_packs(register: Callable[[Traversable], None]) -> None:
    register(files(__name__) / "pack")

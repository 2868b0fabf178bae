"""When the garbage collector runs while draaiboek builds large, long-lived structures."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Allocations between young collections while building (Python's default is 700).
BUILDING_THRESHOLD = 50_000


@contextmanager
def few_collections() -> Iterator[None]:
    """Loading plugins, the model's classes and a pack makes objects that live on: at the default threshold they
    set off collection after collection over a growing heap, all finding nothing. Collect less often inside,
    and restore the thresholds after (for callers that go on in the same process, such as tests)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], BUILDING_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def spare_the_exit() -> None:
    """For the process's own entry point, when its command is done: move every object into the permanent
    generation, so the interpreter's last collection at exit does not walk the whole heap (about 25 ms after a
    ``check``, a tenth of it). Exit handlers still run and files are closed by the commands themselves; what is
    frozen is never collected again, so an in-process caller (tests) must not call this."""
    gc.freeze()

"""When the garbage collector runs: every place draaiboek steers it is here, each saying why."""

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


@contextmanager
def frozen_command() -> Iterator[None]:
    """A command runs with what start-up imported frozen: it lives on, so no collection the command triggers walks
    it. Unfrozen after, for a caller that runs commands in-process (tests)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def freeze_survivors() -> None:
    """Move every object alive now into the permanent generation: no later collection walks it. For what lives on
    to the end: the packs ``build`` loaded, or everything once the process's own command is done (else the
    interpreter's last collection at exit walks the whole heap, about 25 ms after a ``check``). What is frozen is
    never collected; an in-process caller that goes on (tests) undoes it with ``gc.unfreeze()``."""
    gc.freeze()


def collect_output() -> None:
    """After ``build`` wrote one exporter's file: python-docx, openpyxl and python-pptx documents are full of
    reference cycles; collected now, a build of many trainings stays at the size of one."""
    gc.collect()

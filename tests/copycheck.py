"""Shared by the pack tests: find runs of N consecutive words a pack's text shares with a seed document.

"Facts carry over; sentences do not": every text field of a pack is compared with the seed. Publication
names may be listed as exceptions (they are cited, not written).

The seeds live outside the repository (``../shared/seeds``), so a clone alone has none: the copy checks skip
with the reason, unless ``DRAAIBOEK_REQUIRE_SHARED=1`` (``.ci/run`` sets it) or, when that variable is unset,
``CI=true`` makes a missing seed a failure.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

import attrs
import pytest

from tests.support import env_flag, in_ci

WORD = re.compile(r"[a-zà-ÿ0-9]+", re.IGNORECASE)
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
REQUIRE_ENV = "DRAAIBOEK_REQUIRE_SHARED"


def shared_required() -> bool:
    """Whether a missing ../shared is a failure: DRAAIBOEK_REQUIRE_SHARED decides; unset, CI does."""
    return env_flag(REQUIRE_ENV) if REQUIRE_ENV in os.environ else in_ci()


def require_seeds(*names: str) -> list[Path]:
    """The named seed documents; skip (or fail, where they are required) when they are not there."""
    paths = [SEEDS / name for name in names]
    missing = [path for path in paths if not path.is_file()]
    if missing:
        reason = (f"seed document {missing[0].name} not found in {SEEDS}: the copy check needs ../shared/seeds "
                  "beside the repository (a clone alone has none)")
        if shared_required():
            pytest.fail(f"{reason}; {REQUIRE_ENV}=1 or CI requires it")
        pytest.skip(reason)
    return paths


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def iter_texts(obj: object, path: str = "$") -> Iterator[tuple[str, str]]:
    """Every string in a model object tree, with its field path."""
    if isinstance(obj, str):
        yield path, obj
    elif attrs.has(type(obj)):
        for f in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj))):  # has() does not narrow type(obj)
            yield from iter_texts(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from iter_texts(item, f"{path}[{i}]")


def seed_grams(seed: Path, n: int = 12) -> set[tuple[str, ...]]:
    w = words(seed.read_text(encoding="utf-8", errors="replace"))
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def shared_runs(
    texts: Iterable[tuple[str, str]], seeds: Iterable[Path], n: int = 12, exceptions: Iterable[str] = ()
) -> list[str]:
    """Field paths (with the shared words) of every text that shares n consecutive words with a seed."""
    grams: set[tuple[str, ...]] = set()
    for seed in seeds:
        grams |= seed_grams(seed, n)
    allowed = [words(e) for e in exceptions]
    hits = []
    for path, text in texts:
        w = words(text)
        for i in range(len(w) - n + 1):
            run = tuple(w[i : i + n])
            if run in grams and not any(_contains(a, list(run)) or _contains(list(run), a) for a in allowed if a):
                hits.append(f"{path}: {' '.join(run)}")
                break
    return hits


def _contains(haystack: list[str], needle: list[str]) -> bool:
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1))

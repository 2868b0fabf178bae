"""Time the language checks (LANG001-004) on the bundled packs, and on one pack with its texts repeated.

Run: .venv/bin/python tests/benchmarks/bench_language.py [--repeat 20]

The checks read participant texts only; their cost should grow linearly with the number of texts, and the
one-off cost is loading pyphen's nl_NL dictionary (printed separately).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "core")]

from draaiboek.api import load_pack
from draaiboek.checks.language import check_language
from draaiboek.views.participants import pack_texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20, help="copies of each pack's meters and questionnaires")
    args = parser.parse_args()
    start = time.perf_counter()
    from draaiboek.readability import _hyphenator

    _hyphenator()
    print(f"load pyphen nl_NL: {time.perf_counter() - start:.3f} s")
    for folder in sorted((ROOT / "content_packs").glob("draaiboek_pack_*/pack")):
        pack = load_pack(folder)
        texts = sum(1 for _ in pack_texts(pack))
        start = time.perf_counter()
        found = list(check_language(pack, None))  # type: ignore[arg-type]
        took = time.perf_counter() - start
        big = attrs.evolve(pack, meters=pack.meters * args.repeat, questionnaires=pack.questionnaires * args.repeat,
                           cases=pack.cases * args.repeat)
        big_texts = sum(1 for _ in pack_texts(big))
        start = time.perf_counter()
        list(check_language(big, None))  # type: ignore[arg-type]
        big_took = time.perf_counter() - start
        print(f"{folder.parent.name}: {texts} texts, {len(found)} findings, {took * 1000:.0f} ms; "
              f"x{args.repeat}: {big_texts} texts, {big_took * 1000:.0f} ms")


if __name__ == "__main__":
    main()

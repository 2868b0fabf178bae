"""Seconds to export one whole-training deck as its sessions double (issue 19.11: quadratic decks).

Run: .venv/bin/python tests/benchmarks/bench_deck_sessions.py [--sessions 25,50,100,200]

Each step doubles the sessions of one training (6 agenda items each) and times `draaiboek export slides` as its
own process (loading and checking the pack included), then the export alone in this process (the pack loaded
beforehand, one template store as in a build). Linear growth shows as a ratio of about 2 between steps; the goal
(issue 19.11) is linear growth and 200 sessions in under 30 s.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.synth import write_pack  # noqa: E402  (the generator lives with the tests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", default="25,50,100,200")
    counts = [int(n) for n in parser.parse_args().sessions.split(",")]
    previous: float | None = None
    for sessions in counts:
        with tempfile.TemporaryDirectory() as tmp:
            pack = write_pack(Path(tmp) / "pack", 1, sessions, 6)
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "draaiboek", "export", "slides", str(pack), "-o",
                                   str(Path(tmp) / "deck.pptx")], capture_output=True, text=True)
            if done.returncode != 0:  # e.g. a pack over the size limits: say so rather than time a refusal
                raise SystemExit(f"{sessions} sessions: export failed: {done.stderr.strip()[-300:]}")
            seconds = time.perf_counter() - start
        ratio = f"  x{seconds / previous:.2f}" if previous else ""
        print(f"{sessions:>5} sessions: {seconds:6.1f} s{ratio}")
        previous = seconds
    print("export alone (pack loaded and checked beforehand):")
    export_only(counts)
    print("goal: a ratio of about 2 per doubling; 200 sessions under 30 s")


def export_only(counts: list[int]) -> None:
    sys.path[:0] = [str(ROOT / "core"), str(ROOT / "plugins")]
    from draaiboek.api import open_training
    from draaiboek_slides.export import build_bytes
    from draaiboek_slides.loaded import Templates

    store = Templates()
    previous: float | None = None
    for sessions in counts:
        with tempfile.TemporaryDirectory() as tmp:
            pack, training, resolver = open_training(str(write_pack(Path(tmp) / "pack", 1, sessions, 6)))
            start = time.perf_counter()
            build_bytes(pack, training, resolver, {"session": "all"}, None, store)
            seconds = time.perf_counter() - start
        ratio = f"  x{seconds / previous:.2f}" if previous else ""
        print(f"{sessions:>5} sessions: {seconds:6.1f} s{ratio}")
        previous = seconds


if __name__ == "__main__":
    main()

"""Every speed figure of issues 19.11 and 20 in one go: each benchmark in turn, then its goal lines together.

Run: .venv/bin/python tests/benchmarks/run_all.py [--quick]

Each script measures its own ratio in one run (the two sides interleaved), so a figure does not depend on how
busy the machine was while another script ran. ``--quick`` uses fewer rounds and smaller sizes (about 3 minutes
instead of about 10). Another checkout: run this file with that checkout's interpreter; every script measures the
draaiboek that interpreter imports.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: script -> (full arguments, quick arguments)
RUNS: dict[str, tuple[list[str], list[str]]] = {
    "bench_startup.py": (["21"], ["9"]),
    "bench_check.py": (["--repeat", "5", "--refs-repeat", "3"], ["--repeat", "2", "--refs-repeat", "1"]),
    "bench_slides.py": (["--rounds", "5"], ["--rounds", "2"]),
    "bench_deck_sessions.py": (["--sessions", "50,100,200"], ["--sessions", "50,100"]),
    "bench_results.py": ([], []),
}

#: Lines that state a figure against its goal, repeated in the summary.
GOAL_WORDS = ("goal", "ratio", "met", "x2", "x1")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer rounds and smaller sizes")
    options = parser.parse_args()
    summary: list[str] = []
    for script, (full, quick) in RUNS.items():
        args = quick if options.quick else full
        print(f"\n## {script} {' '.join(args)}", flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(HERE / script), *args], capture_output=True, text=True)
        print(done.stdout, end="")
        if done.returncode != 0:
            print(done.stderr[-2000:], file=sys.stderr)
            summary.append(f"{script}: FAILED (exit {done.returncode})")
            continue
        print(f"({time.perf_counter() - start:.0f} s)")
        summary.extend(f"{script}: {line.strip()}" for line in done.stdout.splitlines()
                       if any(word in line for word in GOAL_WORDS))
    print("\n## Summary")
    print("\n".join(summary))


if __name__ == "__main__":
    main()

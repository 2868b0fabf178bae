"""How much slower is ``draaiboek --help`` than ``python -c "import click"``? Aim: under 2x.

Run: .venv/bin/python tests/benchmarks/bench_startup.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

COMMANDS = {
    "click": [sys.executable, "-c", "import click"],
    "help": [sys.executable, "-m", "draaiboek", "--help"],
    "packs": [sys.executable, "-m", "draaiboek", "packs"],
}


def medians(runs: int) -> dict[str, float]:
    """Median wall time per command; the commands take turns so they share the machine's load."""
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, command in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    result = medians(runs)
    click, helped, packs = result["click"], result["help"], result["packs"]
    print(f"python -c 'import click'  {click * 1000:7.1f} ms (median of {runs})")
    print(f"draaiboek --help          {helped * 1000:7.1f} ms  ratio {helped / click:.2f}x")
    print(f"draaiboek packs           {packs * 1000:7.1f} ms  ratio {packs / click:.2f}x")


if __name__ == "__main__":
    main()

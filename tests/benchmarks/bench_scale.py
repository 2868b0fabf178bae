"""Time and peak memory of check, show and every exporter as a synthetic pack grows tenfold twice.

Run: .venv/bin/python tests/benchmarks/bench_scale.py [--factors 1,10,100] [--exporters handbook,slides,...]

Factor f means f trainings x 10 sessions x 10 agenda items (f=100: 100 trainings, 1,000 sessions,
10,000 agenda items; 5.3 MB, so the 4 MB pack limit is raised in the measured processes). Linear growth shows
as a ratio of about 10 between columns. Each step runs as its own process under /usr/bin/time, so the memory
figure is that step's peak RSS.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.synth import write_pack  # noqa: E402  (the generator lives with the tests)

#: draaiboek's CLI with the pack-size limit (4 MB) raised in the measured process only: at f=100 the synthetic
#: pack is 5.3 MB, and a refused pack would time the refusal instead of the work.
UNLIMITED = ("import sys\nimport draaiboek.loader as loader\nloader.MAX_PACK_BYTES = 1 << 40\n"
             "from draaiboek.cli import main\nmain(sys.argv[1:])\n")


def measure(args: list[str], cwd: Path) -> tuple[float, int]:
    """(seconds, peak RSS in MB) of one draaiboek command."""
    command = ["/usr/bin/time", "-f", "%e %M", sys.executable, "-c", UNLIMITED, *args]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr[-500:]}")
    seconds, kilobytes = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) // 1024


def _build_args(pack: Path, out: Path, exporter: str) -> list[str]:
    return ["build", str(pack), "-o", str(out), "--exporter", exporter, "--force"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factors", default="1,10,100")
    parser.add_argument("--exporters", default="handbook,slides,meter,runbook")
    options = parser.parse_args()
    factors = [int(f) for f in options.factors.split(",")]
    steps: dict[str, Callable[[Path, Path], list[str]]] = {
        "check": lambda p, o: ["check", "-q", str(p)], "show": lambda p, o: ["show", str(p)]}
    for name in options.exporters.split(","):
        steps[name] = partial(_build_args, exporter=name)
    results: dict[str, list[tuple[float, int]]] = {step: [] for step in steps}
    with tempfile.TemporaryDirectory() as temp:
        for factor in factors:
            pack = write_pack(Path(temp) / f"synth-{factor}", trainings=factor, sessions=10, items=10)
            for step, make_args in steps.items():
                results[step].append(measure(make_args(pack, Path(temp) / f"out-{factor}"), ROOT))
                print(f"  f={factor:<4} {step:<9} {results[step][-1][0]:8.2f} s {results[step][-1][1]:6d} MB",
                      file=sys.stderr)
    header = " | ".join(f"f={f} s (MB)" for f in factors)
    print(f"| step | {header} | time ratios | memory ratios |")
    print("|---|" + "---|" * (len(factors) + 2))
    for step, values in results.items():
        cells = " | ".join(f"{s:.2f} ({m})" for s, m in values)
        time_ratios = ", ".join(f"{b[0] / max(a[0], 0.01):.1f}x" for a, b in zip(values, values[1:], strict=False))
        mem_ratios = ", ".join(f"{b[1] / max(a[1], 1):.1f}x" for a, b in zip(values, values[1:], strict=False))
        print(f"| {step} | {cells} | {time_ratios} | {mem_ratios} |")


if __name__ == "__main__":
    main()

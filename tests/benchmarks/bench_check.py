"""`check` against the C-loader floor, its peak memory, and a pack with 10,000 unknown references (issue 20.1-2).

Run: .venv/bin/python tests/benchmarks/bench_check.py [--factor 100] [--repeat 5] [--refs-repeat 3]

To measure another checkout (before/after), run this file with that checkout's interpreter:
    cd /work/main && .venv/bin/python /path/to/this/tests/benchmarks/bench_check.py
(every step runs as `sys.executable -m draaiboek`, so the draaiboek installed there is measured).

- check: `draaiboek check -q` on the synthetic pack (tests/synth.py; f=100: 10,000 agenda items, 5.3 MB of YAML).
  The pack-size limit (4 MB) is raised for this run only, in the measured process, so the whole pack is read.
- floor: plain `yaml.load(..., Loader=yaml.CSafeLoader)` of the same files in a fresh process.
- refs: `check -q` on the synthetic pack at f=100 whose 10,000 activity items each name an unknown work format
  (a typo: 500 different ones); each gets its 'did you mean' hint.
Steps are interleaved and repeated; times are medians, memory the highest peak RSS (/usr/bin/time -f %M). On a
shared machine wall time follows the load; CPU time (user + system) much less so: both are printed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.synth import PACK, extras, training, write_pack  # noqa: E402  (the generator lives with the tests)

CHECK = ("import sys\nimport draaiboek.loader as loader\nloader.MAX_PACK_BYTES = 1 << 40\n"
         "from draaiboek.cli import main\nmain(sys.argv[1:])\n")
FLOOR = ("import sys, pathlib, yaml\nfor p in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
         "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n")


def measure(code: str, *args: str) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one fresh Python process."""
    command = ["/usr/bin/time", "-f", "%e %U %S %M", sys.executable, "-c", code, *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr[-800:]}")
    wall, user, system, kilobytes = done.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(kilobytes) // 1024


def write_unknown_refs(out: Path, trainings: int) -> tuple[Path, int]:
    """A synthetic pack whose activity items name work formats that do not exist (typos)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "pack.yaml").write_text(yaml.safe_dump(PACK, allow_unicode=True), encoding="utf-8")
    count = 0
    for t in range(trainings):
        document: dict[str, Any] = {"trainings": [training(t, 10, 10)], **extras(t, 10)}
        for session in document["trainings"][0]["sessions"]:
            for i, item in enumerate(session["agenda"]):
                if item.get("kind") == "break":
                    continue
                item["work_format"] = f"t{t}-wf{i % 5}-oud"
                count += 1
        (out / f"training-{t:04d}.yaml").write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
                                                   encoding="utf-8")
    return out, count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--refs-repeat", type=int, default=3)
    options = parser.parse_args()
    runs: dict[str, list[tuple[float, float, int]]] = {"check": [], "floor": [], "refs": []}
    with tempfile.TemporaryDirectory() as temp:
        pack = write_pack(Path(temp) / "synth", trainings=options.factor, sessions=10, items=10)
        refs_pack, unknown = write_unknown_refs(Path(temp) / "refs", trainings=100)
        for i in range(max(options.repeat, options.refs_repeat)):
            if i < options.repeat:
                runs["floor"].append(measure(FLOOR, str(pack)))
                runs["check"].append(measure(CHECK, "check", "-q", str(pack)))
            if i < options.refs_repeat:
                runs["refs"].append(measure(CHECK, "check", "-q", str(refs_pack)))
            print(f"  run {i + 1}: " + ", ".join(f"{k} {v[-1][0]:.2f} s ({v[-1][1]:.2f} s CPU) {v[-1][2]} MB"
                                                for k, v in runs.items() if v), file=sys.stderr)
    wall = {k: statistics.median(r[0] for r in v) for k, v in runs.items()}
    cpu = {k: statistics.median(r[1] for r in v) for k, v in runs.items()}
    peak = {k: max(r[2] for r in v) for k, v in runs.items()}
    print(f"draaiboek at {sys.executable}")
    print(f"| f={options.factor} | median wall s (spread) | median CPU s | peak MB |")
    print("|---|---|---|---|")
    for name, values in runs.items():
        times = [r[0] for r in values]
        print(f"| {name} | {wall[name]:.2f} ({min(times):.2f}-{max(times):.2f}) | {cpu[name]:.2f} | {peak[name]} |")
    print(f"check / C-loader floor: {wall['check'] / wall['floor']:.2f}x wall, {cpu['check'] / cpu['floor']:.2f}x CPU "
          f"(goal <= 2.0); peak {peak['check']} MB (goal <= 80)")
    print(f"{unknown:,} unknown references: {wall['refs']:.2f} s wall, {cpu['refs']:.2f} s CPU (goal < 6 s)")

if __name__ == "__main__":
    main()

"""Benchmark `draaiboek results`: generate 500 filled meters, time the run over 100 and over 500 files.

    .venv/bin/python tests/benchmarks/bench_results.py [--keep DIR]

The cost must grow linearly (ratio of about 5). Peak memory is measured with tracemalloc (Python heap)
and ru_maxrss (whole process). Filling uses openpyxl as a participant's spreadsheet program would.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "core"), str(ROOT / "plugins"), str(ROOT / "tests" / "spreadsheets")]

from draaiboek_spreadsheets.collect import collect, expand  # noqa: E402
from draaiboek_spreadsheets.meter_plan import plan_meter  # noqa: E402
from draaiboek_spreadsheets.meter_render import render_meter  # noqa: E402
from draaiboek_spreadsheets.reader import read_meter  # noqa: E402
from draaiboek_spreadsheets.report_render import render_report  # noqa: E402
from draaiboek_spreadsheets.results import calculate  # noqa: E402

from xlsx_models import make_pack  # noqa: E402


def generate(folder: Path, count: int) -> None:
    import openpyxl

    pack = make_pack()
    plan = plan_meter(pack, pack.meters[0])
    blank = folder / "blank.xlsx"
    render_meter(plan, blank)
    rng = random.Random(500)
    template = openpyxl.load_workbook(blank)
    ws = template[plan.sheet("fill")]
    for n in range(count):
        ws.cell(2, 3).value = f"P{n:04d}"
        for s in plan.statements:
            for m in plan.moments:
                ws.cell(s.row, m.column).value = rng.choice(plan.scale).choice
        template.save(folder / "filled" / f"p{n:04d}.xlsx")
    blank.unlink()


def run(folder: Path, count: int, out: Path, trace: bool = False) -> float:
    """CPU seconds for reading ``count`` meters, computing and writing the report (or peak MB when ``trace``)."""
    paths = expand([folder])[:count]
    if trace:
        tracemalloc.start()
    start = time.process_time()  # CPU seconds: less sensitive to other processes on a shared machine
    group = collect(paths, read_meter)
    results = calculate(group, min_group=3)
    render_report(results, group, False, out)
    elapsed = time.process_time() - start
    assert group.used == count and not group.problems, group.problems[:3]
    if trace:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return peak / 1048576
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="Keep the generated meters in this folder.")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="bench-results-"))
    (base / "filled").mkdir()
    try:
        t0 = time.perf_counter()
        generate(base, 500)
        print(f"generated 500 filled meters in {time.perf_counter() - t0:.1f} s")
        run(base / "filled", 20, base / "warmup.xlsx")
        small = min(run(base / "filled", 100, base / "r100.xlsx") for _ in range(3))
        large = min(run(base / "filled", 500, base / "r500.xlsx") for _ in range(3))
        small_mem = run(base / "filled", 100, base / "m100.xlsx", trace=True)
        large_mem = run(base / "filled", 500, base / "m500.xlsx", trace=True)
        print(f"results over 100 files: {small:.2f} s ({small / 100 * 1000:.1f} ms/file), peak {small_mem:.1f} MB")
        print(f"results over 500 files: {large:.2f} s ({large / 500 * 1000:.1f} ms/file), peak {large_mem:.1f} MB")
        print(f"ratio 500/100: {large / small:.2f} (linear = 5.0); CPU time, best of 3 runs, "
              "peak = tracemalloc (separate run)")
        print(f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        if args.keep:
            shutil.copytree(base / "filled", args.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(base)


if __name__ == "__main__":
    main()

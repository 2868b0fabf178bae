"""Benchmark `draaiboek results`: 500 filled meters; reading, computing and writing the report over 100 and 500.

    .venv/bin/python tests/benchmarks/bench_results.py [--repeat 5] [--keep DIR]

Goals (issue 20): 500 meters in at most 3 s, and t500/t100 at most 5.2 (linear cost). Times are CPU seconds
(less sensitive to other processes on a shared machine); 100 and 500 files alternate, each repeated; the ratio
is the median of each round's t500/t100 (the two run back to back), the spread (min-max) says how noisy the
machine was. The old openpyxl reader (kept in
tests/spreadsheets/reference_reader.py) runs interleaved on 100 files, for the speed-up measured in the same run.
Peak memory: tracemalloc (Python heap) in separate runs, and the process's ru_maxrss. The meters are filled by
openpyxl, as a participant's spreadsheet program would, in a child process so that its memory is not counted.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "core"), str(ROOT / "plugins"), str(ROOT / "tests" / "spreadsheets"), str(ROOT)]

from draaiboek_spreadsheets.collect import collect, expand  # noqa: E402
from draaiboek_spreadsheets.meter_plan import plan_meter  # noqa: E402
from draaiboek_spreadsheets.meter_render import render_meter  # noqa: E402
from draaiboek_spreadsheets.reader import read_meter  # noqa: E402
from draaiboek_spreadsheets.records import Response  # noqa: E402
from draaiboek_spreadsheets.report_render import render_report  # noqa: E402
from draaiboek_spreadsheets.results import calculate  # noqa: E402
from tests.spreadsheets import reference_reader  # noqa: E402

from xlsx_models import make_pack  # noqa: E402

Reader = Callable[[Path], Response]
GOAL_SECONDS, GOAL_RATIO = 3.0, 5.2


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


def run(paths: list[Path], out: Path, read: Reader = read_meter) -> float:
    """CPU seconds for reading the meters, computing and writing the report."""
    start = time.process_time()
    group = collect(paths, read)
    results = calculate(group, min_group=3)
    render_report(results, group, False, out)
    elapsed = time.process_time() - start
    assert group.used == len(paths) and not group.problems, group.problems[:3]
    return elapsed


def peak(paths: list[Path], out: Path) -> float:
    """Peak Python heap in MB (tracemalloc) of one run."""
    tracemalloc.start()
    run(paths, out)
    _, high = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return high / 1048576


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5, help="Runs per size (default 5).")
    parser.add_argument("--keep", type=Path, help="Keep the generated meters in this folder.")
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)  # the child that fills the meters
    parser.add_argument("--rss", nargs=2, help=argparse.SUPPRESS)  # the child that measures max RSS: DIR READER
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, 500)
        return
    if args.rss:
        folder, which = Path(args.rss[0]), args.rss[1]
        run(expand([folder / "filled"]), folder / f"rss-{which}.xlsx",
            read_meter if which == "fast" else reference_reader.read_meter)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
        return

    base = Path(tempfile.mkdtemp(prefix="bench-results-"))
    (base / "filled").mkdir()
    try:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--generate", str(base)], check=True)
        print(f"generated 500 filled meters in {time.perf_counter() - t0:.1f} s (child process)")
        paths = expand([base / "filled"])
        run(paths[:20], base / "warmup.xlsx")
        run(paths[:20], base / "warmup.xlsx", reference_reader.read_meter)
        small: list[float] = []
        large: list[float] = []
        old: list[float] = []
        for _ in range(args.repeat):  # interleaved: a slow moment of the machine hits every side alike
            small.append(run(paths[:100], base / "r100.xlsx"))
            large.append(run(paths, base / "r500.xlsx"))
            old.append(run(paths[:100], base / "o100.xlsx", reference_reader.read_meter))
        t100, t500, t_old = (statistics.median(v) for v in (small, large, old))
        small_mem, large_mem = peak(paths[:100], base / "m100.xlsx"), peak(paths, base / "m500.xlsx")
        # each round's 100 and 500 run back to back, under much the same load: the median of their ratios
        rounds = [b / a for a, b in zip(small, large, strict=True)]
        ratio = statistics.median(rounds)
        print(f"results over 100 files: {spread(small)}, {t100 / 100 * 1000:.1f} ms/file, peak {small_mem:.1f} MB")
        print(f"results over 500 files: {spread(large)}, {t500 / 500 * 1000:.1f} ms/file, peak {large_mem:.1f} MB")
        print(f"ratio t500/t100: median per round {ratio:.2f} (min {min(rounds):.2f}, max {max(rounds):.2f}; "
              f"of the medians {t500 / t100:.2f}; linear = 5.0; goal <= {GOAL_RATIO}): "
              f"{'met' if ratio <= GOAL_RATIO else 'NOT met'}")
        print(f"500 files in {t500:.2f} s (goal <= {GOAL_SECONDS:.0f} s): "
              f"{'met' if t500 <= GOAL_SECONDS else 'NOT met'}")
        print(f"old openpyxl reader over 100 files: {spread(old)}; the fast reader takes {t100 / t_old:.2f}x its time")
        rss = {which: subprocess.run([sys.executable, __file__, "--rss", str(base), which], check=True,
                                     capture_output=True, text=True).stdout.strip() for which in ("fast", "old")}
        print(f"max RSS of a process reading the 500 meters and writing the report: {rss['fast']} MB "
              f"(old openpyxl reader: {rss['old']} MB)")
        print(f"CPU seconds, {args.repeat} interleaved runs per size; peak = tracemalloc (separate runs)")
        if args.keep:
            shutil.copytree(base / "filled", args.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(base)


if __name__ == "__main__":
    main()

"""Benchmark the slides exporter: every deck of every bundled pack, against python-pptx's own saving cost.

    .venv/bin/python tests/benchmarks/bench_slides.py [--rounds N] [--keep DIR] [--pdf]

Ours: what ``draaiboek build --exporter slides`` does for each deck (template, plan, render, write
atomically), one deck per session of every training of every bundled pack, loading excluded; one exporter
for the whole run, as in a build (its template is read once, in the untimed warm-up round).
Baseline: python-pptx alone opening the same bundled template, adding the same number of slides (a title
and one short paragraph each, plus a one-line note) and saving, deck by deck.
The two sides alternate deck by deck (which goes first alternates per round); prints the median ratio over
the rounds (issue 20.4: goal <= 1.4), its spread, and the peak resident memory of one pass of each side
(each in a forked child of this process, packs loaded).

Then the room figures of issue 13 (tests/slides/deckmeasure.py) beside the figures measured before it:
slides, "(vervolg)" slides, body words per content slide; with ``--pdf`` also what LibreOffice draws
outside its box (slow: one conversion per deck).
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import re
import resource
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "core"), str(ROOT / "plugins"), str(ROOT / "tests" / "slides"), str(ROOT)]

#: Measured on the bundled packs before issue 13 (commit 3496328), with the same deckmeasure code.
BEFORE = {"decks": 22, "slides": 410, "continued": 122, "split": 9, "median_words": 63, "max_words": 128,
          "outside": 7, "empty": 8, "editorial": 36, "unnumbered": 378}

from draaiboek.api import open_pack  # noqa: E402
from draaiboek.catalog import Catalog  # noqa: E402
from draaiboek.exporters import ExportJob  # noqa: E402


def jobs_for(out: Path) -> tuple[Any, list[ExportJob]]:
    catalog = Catalog.from_environment()
    exporter = catalog.exporters["slides"].exporter
    jobs = []
    for pack_id in catalog.packs:
        checked, _ = open_pack(pack_id, catalog)
        assert checked.pack is not None and checked.resolver is not None, pack_id
        for training in checked.pack.trainings:
            for target in exporter.build_targets(exporter, training):
                path = out / checked.pack.id / target.filename
                path.parent.mkdir(parents=True, exist_ok=True)
                jobs.append(ExportJob(checked.pack, training, checked.resolver, path, target.options))
    return exporter, jobs


def theirs(count: int) -> int:
    from pptx import Presentation

    from draaiboek_slides.render import default_template

    prs = Presentation(str(default_template()))
    layout = prs.slide_layouts[1]
    for number in range(count):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Dia {number}"
        slide.placeholders[1].text_frame.text = "Een korte alinea tekst voor deze dia."
        slide.notes_slide.notes_text_frame.text = "Notitie"
    buffer = io.BytesIO()
    prs.save(buffer)
    return len(buffer.getvalue())


def slide_count(deck: Path) -> int:
    with zipfile.ZipFile(deck) as archive:
        return sum(1 for name in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", name))


def timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def interleaved(exporter: Any, jobs: list[ExportJob], counts: list[int], rounds: int) -> list[tuple[float, float]]:
    """Per round (ours, theirs) in seconds, the two sides alternating deck by deck."""
    totals = []
    for number in range(rounds):
        ours_s = theirs_s = 0.0
        for job, count in zip(jobs, counts, strict=True):
            sides = [lambda job=job: exporter.export(job), lambda count=count: theirs(count)]
            first, second = (timed(side) for side in (sides if number % 2 == 0 else sides[::-1]))
            ours_s, theirs_s = (ours_s + first, theirs_s + second) if number % 2 == 0 else (
                ours_s + second, theirs_s + first)
        totals.append((ours_s, theirs_s))
    return totals


def peak_mb(action: Callable[[], Any]) -> tuple[float, float]:
    """(start, peak) resident memory in MB of a forked child that runs ``action`` once: lxml allocates outside
    Python's allocator, so tracemalloc would miss most of a deck."""
    gc.collect()
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports and exits
        os.close(read)
        start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        action()
        os.write(write, f"{start} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}".encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        start_kb, peak_kb = (int(value) for value in pipe.read().split())
    os.waitpid(child, 0)
    return start_kb / 1024, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the decks here instead of a temporary folder")
    parser.add_argument("--pdf", action="store_true", help="also convert with LibreOffice and count text outside boxes")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds after the warm-up (default 5)")
    args = parser.parse_args()
    from deckmeasure import measure, summary

    from tests.support import soffice_convert

    with tempfile.TemporaryDirectory() as temporary:
        out = args.keep or Path(temporary)
        exporter, jobs = jobs_for(out)
        decks = [path for job in jobs for path in exporter.export(job)]  # warm-up: template read, imports
        counts = [slide_count(deck) for deck in decks]
        totals = interleaved(exporter, jobs, counts, args.rounds)
        ours_peak = peak_mb(lambda: [exporter.export(job) for job in jobs])
        theirs_peak = peak_mb(lambda: [theirs(count) for count in counts])
        figures = [measure(d, soffice_convert(d, "pdf", out / "pdf") if args.pdf else None) for d in decks]
    ratios = sorted(o / t for o, t in totals)
    ours_s, theirs_s = statistics.median(o for o, _ in totals), statistics.median(t for _, t in totals)
    print(f"decks: {len(decks)}, slides: {sum(counts)} (largest deck {max(counts)}); {args.rounds} rounds")
    print(f"draaiboek slides exporter: {ours_s:.2f} s ({1000 * ours_s / sum(counts):.1f} ms per slide), "
          f"peak RSS {ours_peak[1]:.0f} MB (from {ours_peak[0]:.0f} MB)")
    print(f"python-pptx save baseline: {theirs_s:.2f} s ({1000 * theirs_s / sum(counts):.1f} ms per slide), "
          f"peak RSS {theirs_peak[1]:.0f} MB (from {theirs_peak[0]:.0f} MB)")
    print(f"ratio (median of rounds): {statistics.median(ratios):.2f}  (goal <= 1.4; rounds "
          f"{ratios[0]:.2f}-{ratios[-1]:.2f})")
    now = summary(figures)
    print(f"\n{'room figure':<14} {'before':>8} {'now':>8}")
    for key, old in BEFORE.items():
        shown = now[key] if args.pdf or key != "outside" else "(--pdf)"
        print(f"{key:<14} {old:>8} {shown:>8}")


if __name__ == "__main__":
    main()

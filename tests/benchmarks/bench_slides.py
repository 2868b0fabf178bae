"""Benchmark the slides exporter: every deck of every bundled pack, against python-pptx's own saving cost.

    .venv/bin/python tests/benchmarks/bench_slides.py [--keep DIR]

Ours: what ``draaiboek build --exporter slides`` does for each deck (open the template, plan, render,
write atomically), one deck per session of every training of every bundled pack, loading excluded.
Baseline: python-pptx alone opening the same bundled template, adding the same number of slides (a title
and one short paragraph each, plus a one-line note) and saving, deck by deck. One run; prints the ratio.

Then the room figures of issue 13 (tests/slides/deckmeasure.py) beside the figures measured before it:
slides, "(vervolg)" slides, body words per content slide; with ``--pdf`` also what LibreOffice draws
outside its box (slow: one conversion per deck).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "core"), str(ROOT / "plugins"), str(ROOT / "tests" / "slides"), str(ROOT)]

#: Measured on the bundled packs before issue 13 (commit 3496328), with the same deckmeasure code.
BEFORE = {"decks": 22, "slides": 410, "continued": 122, "split": 9, "median_words": 63, "max_words": 128,
          "outside": 7, "empty": 8, "editorial": 36, "unnumbered": 378}

from draaiboek.api import open_pack  # noqa: E402
from draaiboek.catalog import Catalog  # noqa: E402
from draaiboek.exporters import ExportJob  # noqa: E402


def build_all(out: Path) -> tuple[list[Path], float]:
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
    start = time.perf_counter()
    written = [path for job in jobs for path in exporter.export(job)]
    return written, time.perf_counter() - start


def baseline(slide_counts: list[int]) -> float:
    from pptx import Presentation

    from draaiboek_slides.render import default_template

    start = time.perf_counter()
    for count in slide_counts:
        prs = Presentation(str(default_template()))
        layout = prs.slide_layouts[1]
        for number in range(count):
            slide = prs.slides.add_slide(layout)
            slide.shapes.title.text = f"Dia {number}"
            slide.placeholders[1].text_frame.text = "Een korte alinea tekst voor deze dia."
            slide.notes_slide.notes_text_frame.text = "Notitie"
        prs.save(io.BytesIO())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the decks here instead of a temporary folder")
    parser.add_argument("--pdf", action="store_true", help="also convert with LibreOffice and count text outside boxes")
    args = parser.parse_args()
    from deckmeasure import measure, summary
    from pptx import Presentation

    from tests.support import soffice_convert

    with tempfile.TemporaryDirectory() as temporary:
        out = args.keep or Path(temporary)
        decks, ours = build_all(out)
        counts = [len(Presentation(str(deck)).slides) for deck in decks]
        figures = [measure(d, soffice_convert(d, "pdf", out / "pdf") if args.pdf else None) for d in decks]
    theirs = baseline(counts)
    print(f"decks: {len(decks)}, slides: {sum(counts)} (largest deck {max(counts)})")
    print(f"draaiboek slides exporter: {ours:.2f} s ({1000 * ours / sum(counts):.1f} ms per slide)")
    print(f"python-pptx save baseline: {theirs:.2f} s ({1000 * theirs / sum(counts):.1f} ms per slide)")
    print(f"ratio: {ours / theirs:.2f}")
    now = summary(figures)
    print(f"\n{'room figure':<14} {'before':>8} {'now':>8}")
    for key, old in BEFORE.items():
        shown = now[key] if args.pdf or key != "outside" else "(--pdf)"
        print(f"{key:<14} {old:>8} {shown:>8}")


if __name__ == "__main__":
    main()

"""The ``slides`` exporter: options, build targets and the export itself (python-pptx loaded on demand)."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Any

import click

from draaiboek.errors import ExportError
from draaiboek.exporters import BuildTarget, Exporter, ExportJob
from draaiboek.model import Training

OPTIONS = [
    click.Option(["--session"], default=None, metavar="N|all",
                 help="Session number or id for one deck, or 'all' for one deck with every session (default)."),
    click.Option(["--template"], type=click.Path(dir_okay=False, path_type=Path), default=None,
                 help="The organisation's .pptx or .potx template (default: the bundled clean template)."),
    click.Option(["--date"], default=None, help="Date on the title slide (YYYY-MM-DD or free text)."),
    click.Option(["--trainer"], default=None, metavar="NAME", help="Trainer name on the title slide."),
    click.Option(["--case"], "case", multiple=True, metavar="CASE_ID",
                 help="The case to use where the pack offers a choice (repeat per choice group; default: the first)."),
]


def build_targets(exporter: Exporter, training: Training) -> list[BuildTarget]:
    """``draaiboek build``: one deck per session."""
    return [BuildTarget(f"{training.id}-{session.id}-{exporter.name}{exporter.suffix}", {"session": session.id})
            for session in training.sessions]


def export(job: ExportJob) -> list[Path]:
    from draaiboek.output import atomic_path

    data = build_bytes(job.pack, job.training, job.resolver, job.options, job.start)
    with atomic_path(job.output) as temporary:
        Path(temporary).write_bytes(data)
    return [job.output]


def chosen_cases(pack: Any, wanted: tuple[str, ...]) -> tuple[str, ...]:
    """The ``--case`` picks, each a case of one of the pack's choice groups."""
    choices = [c.id for c in pack.cases if c.choice_group]
    for case_id in wanted:
        if case_id not in choices:
            offer = ", ".join(choices) or "none (this pack offers no choice of case)"
            raise ExportError(f"--case {case_id!r} is not a case to choose: use one of {offer}")
    return tuple(wanted)


def build_bytes(pack: Any, training: Training, resolver: Any, options: Any, start: time | None = None) -> bytes:
    """The deck for a training as bytes: template, plan, render."""
    from draaiboek_slides import render, template
    from draaiboek_slides.plan import Context, DeckOptions, build_deck, select_sessions

    template_path = options.get("template")
    prs = render.open_template(Path(template_path) if template_path else None)
    matches = template.resolve(prs)
    problem = template.missing_message(str(template_path), matches, prs)
    if problem:
        raise ExportError(problem)
    deck_options = DeckOptions(date=options.get("date"), trainer=options.get("trainer"),
                               cases=chosen_cases(pack, options.get("case") or ()))
    ctx = Context(pack, training, resolver, deck_options, start)
    sessions = select_sessions(training, options.get("session"))
    plans = build_deck(ctx, sessions, render.geometry(matches))
    title = training.title if len(sessions) != 1 else f"{training.title} — {ctx.session(sessions[0]).name}"
    props = {"author": ", ".join(pack.authors) or "draaiboek", "title": title, "subject": pack.title,
             "footer": training.title, "date": ctx.long_date() or "", "language": ctx.language}
    return render.render(prs, plans, matches, props)

"""The ``slides`` exporter: options, build targets and the export itself (python-pptx loaded on demand)."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from draaiboek.errors import ExportError
from draaiboek.exporters import BuildTarget, Exporter, ExportJob
from draaiboek.model import Training

if TYPE_CHECKING:
    from draaiboek_slides.loaded import Templates

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


class SlidesExport:
    """The export callable: it owns the templates it has read, so every deck of a build shares one reading."""

    def __init__(self) -> None:
        self.templates: Templates | None = None  # made on the first deck: registering must not load python-pptx

    def __call__(self, job: ExportJob) -> list[Path]:
        from draaiboek.output import atomic_path
        from draaiboek_slides.loaded import Templates

        self.templates = self.templates or Templates()
        data = build_bytes(job.pack, job.training, job.resolver, job.options, job.start, self.templates)
        with atomic_path(job.output) as temporary:
            Path(temporary).write_bytes(data)
        return [job.output]


def export(job: ExportJob) -> list[Path]:
    """One deck with a template store of its own (the registered exporter keeps one for the whole build)."""
    return SlidesExport()(job)


def chosen_cases(pack: Any, wanted: tuple[str, ...]) -> tuple[str, ...]:
    """The ``--case`` picks, each a case of one of the pack's choice groups."""
    choices = [c.id for c in pack.cases if c.choice_group]
    for case_id in wanted:
        if case_id not in choices:
            offer = ", ".join(choices) or "none (this pack offers no choice of case)"
            raise ExportError(f"--case {case_id!r} is not a case to choose: use one of {offer}")
    return tuple(wanted)


def build_bytes(pack: Any, training: Training, resolver: Any, options: Any, start: time | None = None,
                templates: Templates | None = None, reference: bool = False) -> bytes:
    """The deck for a training as bytes: template, plan, render. ``reference`` writes paragraphs through
    python-pptx's API instead of lxml directly (for the tests that compare the two)."""
    from draaiboek_slides import render, template
    from draaiboek_slides.loaded import Templates
    from draaiboek_slides.plan import Context, DeckOptions, build_deck, select_sessions

    template_path = options.get("template")
    loaded = (templates or Templates()).get(Path(template_path) if template_path else None)
    problem = template.missing_message(str(template_path), loaded.matches, loaded.reading)
    if problem:
        raise ExportError(problem)
    deck_options = DeckOptions(date=options.get("date"), trainer=options.get("trainer"),
                               cases=chosen_cases(pack, options.get("case") or ()))
    ctx = Context(pack, training, resolver, deck_options, start)
    sessions = select_sessions(training, options.get("session"))
    plans = build_deck(ctx, sessions, loaded.geometry())
    title = training.title if len(sessions) != 1 else f"{training.title} — {ctx.session(sessions[0]).name}"
    props = {"author": ", ".join(pack.authors) or "draaiboek", "title": title, "subject": pack.title,
             "footer": training.title, "date": ctx.long_date() or "", "language": ctx.language}
    return render.render(loaded.open(), plans, props, reference)

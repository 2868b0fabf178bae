"""The exporter contract: what a plugin passes to ``register`` in ``register_exporters``.

Plain dataclasses, not attrs: plugins import this at start-up, which must stay light.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pathlib too: the annotations are strings, and --help need not import it
    from pathlib import Path

    import click

    from draaiboek.model import Pack, Training
    from draaiboek.refs import Resolver


@dataclass(frozen=True)
class ExportJob:
    """Everything an exporter needs for one output.

    :param pack: the pack the training belongs to.
    :param training: the training to export.
    :param resolver: resolves references (``id`` or ``other-pack:id``) to model objects.
    :param output: the file to write; an exporter that writes several files puts them next to it.
    :param options: values of the exporter's own CLI options by parameter name, plus ``force`` (overwriting
        existing files is allowed).
    :param start: the clock time sessions start (``--start``); None: the pack's own start times, else 09:00.
        Read it through :func:`draaiboek.views.training_view`, which applies it.
    """

    pack: Pack
    training: Training
    resolver: Resolver
    output: Path
    options: Mapping[str, Any] = field(default_factory=dict)
    start: time | None = None


@dataclass(frozen=True)
class BuildTarget:
    """One file ``draaiboek build`` asks an exporter to make: a file name and the options to use."""

    filename: str
    options: Mapping[str, Any] = field(default_factory=dict)


def _one_file_per_training(exporter: Exporter, training: Training) -> list[BuildTarget]:
    return [BuildTarget(f"{training.id}-{exporter.name}{exporter.suffix}")]


@dataclass(frozen=True)
class Exporter:
    """An output format.

    :param name: the name users type (``draaiboek export NAME``); lowercase, unique.
    :param help: one line for ``--help`` and ``draaiboek plugins``.
    :param suffix: the file suffix it writes, e.g. ``.pptx``; ``/`` for an exporter that writes into a folder.
    :param export: makes the output for a job and returns the paths it wrote. It must write atomically
        (see :func:`draaiboek.output.atomic_path`), raise :class:`~draaiboek.errors.ExportError` for
        problems the user can fix, and :class:`~draaiboek.errors.ExportNotApplicable` when the training
        has nothing for it.
    :param options: extra click options of ``draaiboek export NAME`` (the core adds REF, ``-o`` and ``--force``).
    :param build_targets: the files ``draaiboek build`` makes for a training (default: one file).
    """

    name: str
    help: str
    suffix: str
    export: Callable[[ExportJob], list[Path]]
    options: Sequence[click.Parameter] = ()
    build_targets: Callable[[Exporter, Training], list[BuildTarget]] = _one_file_per_training

"""Writing the printed materials: plan each file from the views, refuse to overwrite, render, optionally PDF."""

from __future__ import annotations

from pathlib import Path

from draaiboek.errors import ExportError, ExportNotApplicable
from draaiboek.exporters import ExportJob
from draaiboek_handbook.document import Document


def planned_files(job: ExportJob) -> list[tuple[str, Document]]:
    """(file name, plan) for every file the training needs, in session order, the meter last."""
    from draaiboek.views import training_view
    from draaiboek_materials.plan import (
        check_picks,
        file_stem,
        meter_document,
        participants_document,
        role_cards_document,
    )

    view = training_view(job)
    picks = tuple(job.options.get("case") or ())
    check_picks(view, picks)
    files: list[tuple[str, Document]] = []
    for session in view.sessions:
        for key, make in (("file_participants", participants_document), ("file_role_cards", role_cards_document)):
            plan = make(view, session, picks)
            if plan is not None:
                files.append((file_stem(view, key, session) + ".docx", plan))
    meter = meter_document(view)
    if meter is not None:
        files.append((file_stem(view, "file_meter") + ".docx", meter))
    return files


def write_materials(job: ExportJob) -> list[Path]:
    from draaiboek_handbook import pdf_copies
    from draaiboek_handbook.docx_render import write_docx

    folder = job.output
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: is a file; the materials exporter writes into a folder (-o FOLDER)")
    files = planned_files(job)
    if not files:
        raise ExportNotApplicable("the training has no hand-outs, cases, forms, homework or meters to print")
    targets = [folder / name for name, _ in files]
    pdf = bool(job.options.get("pdf"))
    existing = [p for t in targets for p in (t, *([t.with_suffix(".pdf")] if pdf else [])) if p.exists()]
    if existing and not job.options.get("force"):
        raise ExportError(f"{existing[0]} exists ({len(existing)} files in all); use --force to overwrite")
    folder.mkdir(parents=True, exist_ok=True)
    for target, (_, plan) in zip(targets, files, strict=True):
        write_docx(plan, target, job.options.get("template"))
    return targets + pdf_copies(targets, pdf)

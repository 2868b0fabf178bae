"""The Python API behind the CLI: find a pack by reference, check it, open a training for export."""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from draaiboek.catalog import Catalog
from draaiboek.checks import run_checks
from draaiboek.diagnostics import Diagnostic, errors
from draaiboek.errors import PackError
from draaiboek.model import Pack, Training
from draaiboek.partial import Gaps
from draaiboek.refs import Resolver


@frozen
class CheckedPack:
    """A pack with everything ``check`` found: load problems and semantic findings."""

    folder: Path
    pack: Pack | None
    diagnostics: list[Diagnostic]
    resolver: Resolver | None
    gaps: Gaps | None = None  # what was left out of the checks because it did not load

    @property
    def ok(self) -> bool:
        return self.pack is not None and not errors(self.diagnostics)





def pack_folder(ref: str, catalog: Catalog) -> tuple[Path, str | None]:
    """(pack folder, training id or None) for ``pack-id``, ``pack-id/training-id`` or a folder path."""
    path = Path(ref)
    if path.name == "pack.yaml":
        path = path.parent
    if path.is_dir():
        return path, None
    pack_id, _, training_id = ref.partition("/")
    entry = catalog.packs.get(pack_id)
    if entry is None:
        known = ", ".join(catalog.packs) or "none installed"
        raise PackError(f"no pack or folder '{ref}'; installed packs: {known}")
    return entry.folder, training_id or None


def check_folder(folder: Path, catalog: Catalog) -> CheckedPack:
    result = catalog.load(folder)
    pack = result.pack or result.partial  # with load errors: still check whatever loaded
    if pack is None or result.source_map is None:
        return CheckedPack(folder, None, result.diagnostics, None, result.gaps)
    resolver = resolver_for(pack, catalog)
    found = [d for d in run_checks(pack, resolver, result.source_map, folder) if not result.gaps.hides(d)]
    return CheckedPack(folder, pack, result.diagnostics + found, resolver, result.gaps)


def resolver_for(pack: Pack, catalog: Catalog) -> Resolver:
    return Resolver(pack, lambda other: pack if other == pack.id else catalog.pack_by_id(other))


def _first_errors(checked: CheckedPack) -> str:
    found = errors(checked.diagnostics)
    more = f" (and {len(found) - 1} more; run 'draaiboek check {checked.folder}')" if len(found) > 1 else ""
    return found[0].format() + more


def load_pack(path: Path | str, catalog: Catalog | None = None) -> Pack:
    """Load and check the pack in a folder; raise :class:`PackError` if it has errors."""
    checked = check_folder(Path(path), catalog or Catalog.from_environment())
    if not checked.ok or checked.pack is None:
        raise PackError(_first_errors(checked))
    return checked.pack


def open_pack(ref: str, catalog: Catalog) -> tuple[CheckedPack, str | None]:
    folder, training_id = pack_folder(ref, catalog)
    checked = check_folder(folder, catalog)
    if not checked.ok:
        raise PackError(_first_errors(checked))
    return checked, training_id


def open_training(ref: str, catalog: Catalog | None = None) -> tuple[Pack, Training, Resolver]:
    """The training a reference names; a pack with one training needs no training id."""
    checked, training_id = open_pack(ref, catalog or Catalog.from_environment())
    assert checked.pack is not None and checked.resolver is not None
    pack = checked.pack
    return pack, pick_training(pack, training_id, ref), checked.resolver


def pick_training(pack: Pack, training_id: str | None, ref: str) -> Training:
    if training_id is None:
        if len(pack.trainings) == 1:
            return pack.trainings[0]
        ids = ", ".join(f"{pack.id}/{t.id}" for t in pack.trainings) or "none"
        raise PackError(f"pack '{pack.id}' has {len(pack.trainings)} trainings; name one: {ids}")
    training = pack.training(training_id)
    if training is None:
        ids = ", ".join(t.id for t in pack.trainings) or "none"
        raise PackError(f"pack '{pack.id}' has no training '{training_id}'; trainings: {ids}")
    return training

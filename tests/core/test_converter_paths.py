"""Structuring tries cattrs without detailed validation first (less generated code to compile at start-up) and
structures again with it only when the data does not fit. Both ways must give the same pack and the same errors:
compared here, within one run, with the detailed converter alone (the code before the quick try)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from cattrs.errors import BaseValidationError

from draaiboek import converter
from draaiboek.loader import load_folder
from draaiboek.model import Pack
from tests.core.test_fast_paths import BROKEN_PACKS, BUNDLED, many_errors
from tests.support import BROKEN, FULL_PACK


def _loaded(folder: Path) -> tuple[str, list[str]]:
    result = load_folder(folder)
    return repr(result.pack or result.partial), [d.format() for d in result.diagnostics]


def _never(*_: object) -> None:
    raise AssertionError("the detailed converter was asked")


def _detailed_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    with monkeypatch.context() as patched:
        patched.setattr(converter, "_FITTING", converter.detailed())
        return _loaded(folder)


@pytest.mark.parametrize("folder", [*BUNDLED, FULL_PACK], ids=lambda p: p.parent.name if p.name == "pack" else p.name)
def test_packs_that_fit_structure_the_same_either_way(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patched:  # the quick try alone structures a pack that fits
        patched.setattr(converter, "detailed", lambda: SimpleNamespace(structure=_never))
        quick = _loaded(folder)
    assert quick == _detailed_only(folder, monkeypatch)
    assert "Pack(id=" in quick[0] and not [d for d in quick[1] if " error " in d]


@pytest.mark.parametrize("folder", BROKEN_PACKS, ids=lambda p: p.name)
def test_broken_packs_give_the_same_errors_either_way(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN)
    assert _loaded(Path(folder.name)) == _detailed_only(Path(folder.name), monkeypatch)


def test_a_pack_with_many_errors_gives_the_same_errors_either_way(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = many_errors(Path("pack"))
    quick = _loaded(folder)
    assert quick == _detailed_only(folder, monkeypatch)
    assert any("FIELD001" in d for d in quick[1])


HEADER = {"id": "p", "title": "T", "language": "nl", "version": "1", "authors": ["A"], "licence": "CC BY 4.0"}


@pytest.mark.parametrize("data", [
    {**HEADER, "unknown": 1},
    {**HEADER, "trainings": [{"id": "t"}]},
    {**HEADER, "trainings": "t"},
    {**HEADER, "title": ["T"]},
    {**HEADER, "meters": [{"id": "m", "title": "M", "scale": {"min": 1, "max": 4}, "statements": {}}]},
], ids=["extra key", "missing field", "not a list", "wrong type", "nested"])
def test_data_that_does_not_fit_fails_the_quick_try_too(data: dict[str, object]) -> None:
    """The direction that could lose an error: the quick converter accepting what the detailed one refuses."""
    assert converter.structure(HEADER, Pack) == converter._FITTING.structure(HEADER, Pack)
    with pytest.raises(Exception):  # noqa: B017, PT011 - without detailed validation cattrs raises what it meets
        converter._FITTING.structure(data, Pack)
    with pytest.raises(BaseValidationError) as detailed:
        converter.detailed().structure(data, Pack)
    with pytest.raises(BaseValidationError) as public:
        converter.structure(data, Pack)
    assert list(converter.iter_problems(public.value)) == list(converter.iter_problems(detailed.value))

"""The suite's own policy: what may skip where. A clone alone skips the seed copy checks with a reason; CI
(DRAAIBOEK_REQUIRE_SHARED=1, or CI=true with that unset) fails them instead; LibreOffice likewise."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import copycheck


@pytest.mark.parametrize(("env", "outcome"), [
    ({}, pytest.skip.Exception),
    ({"CI": "true"}, pytest.fail.Exception),
    ({"DRAAIBOEK_REQUIRE_SHARED": "1"}, pytest.fail.Exception),
    ({"CI": "true", "DRAAIBOEK_REQUIRE_SHARED": "0"}, pytest.skip.Exception),  # .ci/run's clone-alone step
    ({"CI": "false"}, pytest.skip.Exception),
])
def test_a_missing_seed_skips_with_its_reason_or_fails_where_required(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], outcome: type[BaseException]) -> None:
    for name in ("CI", "DRAAIBOEK_REQUIRE_SHARED"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(copycheck, "SEEDS", tmp_path / "shared" / "seeds")
    with pytest.raises(outcome, match=r"seed document 000-x\.txt not found in .*shared/seeds: the copy check needs"):
        copycheck.require_seeds("000-x.txt")


def test_present_seeds_are_returned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("tekst", encoding="utf-8")
    monkeypatch.setattr(copycheck, "SEEDS", tmp_path)
    assert copycheck.require_seeds("a.txt") == [tmp_path / "a.txt"]

"""Shared fixtures: run the CLI as a user would, in-process (fast) or as a real subprocess."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner, Result

from draaiboek.cli import build_app
from draaiboek.plugins import PluginHost
from tests.support import RunCli, in_ci


@pytest.fixture
def run_cli() -> RunCli:
    """``run_cli("check", "path", host=None)``: the real command tree, in-process."""

    def run(*args: str, host: PluginHost | None = None, env: dict[str, str] | None = None) -> Result:
        group, state = build_app(list(args), host)
        return CliRunner().invoke(group, list(args), obj=state, env=env, catch_exceptions=False)

    return run



def pytest_runtest_setup(item: pytest.Item) -> None:
    """LibreOffice tests: skipped on a machine without it, but a failure in CI, where .ci/run installs it."""
    if item.get_closest_marker("libreoffice") and shutil.which("soffice") is None:
        if in_ci():
            pytest.fail("LibreOffice (soffice) is required in CI; .ci/run installs it")
        pytest.skip("LibreOffice (soffice) is not installed")

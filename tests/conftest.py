"""Shared fixtures: a temporary EGOV_HOME per test, and one real refresh per test session.

A cold refresh costs tens of seconds, so the session runs it once (`refreshed_template`);
modules that only read the published file use it as is, modules that change the warehouse
get their own copy of the whole home (`refreshed_copy`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import Refreshed, egov

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture
def egov_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty warehouse home for this test only."""
    home = tmp_path / "egov_home"
    monkeypatch.setenv("EGOV_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def refreshed_template(tmp_path_factory: pytest.TempPathFactory) -> Refreshed:
    """One cold `egov refresh` of the embedded default; treat it as read-only."""
    home = tmp_path_factory.mktemp("template") / "home"
    result = egov(home, "refresh")
    assert result.returncode == 0, result.stdout + result.stderr
    return Refreshed(home, result.stdout, result.stderr)


@pytest.fixture(scope="module")
def refreshed_copy(
    refreshed_template: Refreshed, tmp_path_factory: pytest.TempPathFactory
) -> Refreshed:
    """A private copy of the refreshed home for a module that refreshes or ingests again."""
    home = tmp_path_factory.mktemp("copy") / "home"
    shutil.copytree(refreshed_template.home, home, symlinks=True)
    return Refreshed(home, refreshed_template.stdout, refreshed_template.stderr)


def shared_path(*parts: str) -> Path:
    """A file of ../shared (tests may read it; the product never does)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path

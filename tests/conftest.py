"""Shared fixtures: a temporary EGOV_HOME per test, and one real refresh per test run.

A cold refresh costs tens of seconds, so the session runs it once (`refreshed_template`);
modules that only read the published file use it as is, modules that change the warehouse
get their own copy of the whole home (`refreshed_copy`).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from filelock import FileLock

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
    """One cold `egov refresh` of the embedded default; treat it as read-only.

    Under pytest-xdist the workers share one: the first to need it refreshes while holding a
    lock in the run's common temporary folder, the others wait and read what it printed.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return _cold_refresh(tmp_path_factory.mktemp("template") / "home")
    shared = tmp_path_factory.getbasetemp().parent / "template"
    shared.mkdir(exist_ok=True)
    printed = shared / "printed.json"
    with FileLock(shared / "refresh.lock"):
        if not printed.exists():
            refreshed = _cold_refresh(shared / "home")
            printed.write_text(
                json.dumps({"stdout": refreshed.stdout, "stderr": refreshed.stderr}),
                encoding="utf-8",
            )
    output = json.loads(printed.read_text(encoding="utf-8"))
    return Refreshed(shared / "home", output["stdout"], output["stderr"])


def _cold_refresh(home: Path) -> Refreshed:
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

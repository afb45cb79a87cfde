"""Shared fixtures: a temporary EGOV_HOME per test, and the shared data folder for fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture
def egov_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty warehouse home for this test only."""
    home = tmp_path / "egov_home"
    monkeypatch.setenv("EGOV_HOME", str(home))
    return home


def shared_path(*parts: str) -> Path:
    """A file of ../shared (tests may read it; the product never does)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path

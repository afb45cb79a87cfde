"""Fixtures of the Spark tests (`make spark-check`; deselected from `make test`)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from dagster_project.settings import PROJECT_ROOT, paths


@pytest.fixture(scope="session")
def published_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of a published DuckDB build of this checkout: the warehouse home's when there
    is one (make spark-check refreshes it first), else a refresh into a scratch home."""
    copy = tmp_path_factory.mktemp("duckdb") / "egov.duckdb"
    current = paths().published_db
    if not current.exists():
        home = tmp_path_factory.mktemp("home")
        env = {**os.environ, "EGOV_HOME": str(home)}
        # The warehouse's own environment: the Spark one never runs a refresh.
        egov = PROJECT_ROOT / ".venv" / "bin" / "egov"
        subprocess.run([str(egov), "refresh"], cwd=PROJECT_ROOT, env=env, check=True)
        current = home / current.name
    shutil.copy2(current, copy)
    return copy

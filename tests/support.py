"""Helpers shared by the end-to-end tests: run the real CLI, describe a refreshed home."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

EGOV = [sys.executable, "-m", "dagster_project.cli.main"]


@dataclass(frozen=True)
class Refreshed:
    """A warehouse home after `egov refresh`, with what the command printed."""

    home: Path
    stdout: str
    stderr: str

    @property
    def published(self) -> Path:
        return self.home / "egov.duckdb"


def egov(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """Run the real CLI in a subprocess against `home`."""
    return subprocess.run(
        [*EGOV, *args],
        env={**os.environ, "EGOV_HOME": str(home), **env},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )

"""egov dev: the Dagster UI for this warehouse home."""

from __future__ import annotations

import os
import sys

from dagster_project.cli.session import prepare
from dagster_project.settings import PROJECT_ROOT


def run_dev(host: str, port: str) -> int:
    """`dagster dev` with DAGSTER_HOME and EGOV_HOME set for this warehouse home."""
    prepare()
    dagster = os.path.join(os.path.dirname(sys.executable), "dagster")
    args = [dagster, "dev", "-w", str(PROJECT_ROOT / "workspace.yaml"), "-h", host, "-p", port]
    os.chdir(PROJECT_ROOT)
    os.execv(dagster, args)
    return 0

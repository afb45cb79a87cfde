"""egov dev: the Dagster UI for this warehouse home."""

from __future__ import annotations

import os
import sys

from dagster_project.cli.session import prepare
from dagster_project.settings import PROJECT_ROOT, env_with_warning_filter

# `dagster dev` announces that `dg dev` supersedes it. `dg` would re-parse the dbt project on
# every start and needs a project layout of its own; the workspace file stays, the notice goes.
# Matched by message, so no process has to import Dagster just to resolve a warning class.
SUPERSEDED_NOTICE = "ignore:Function `dev_command` is superseded"


def run_dev(host: str, port: str) -> int:
    """`dagster dev` with DAGSTER_HOME and EGOV_HOME set for this warehouse home."""
    prepare()
    dagster = os.path.join(os.path.dirname(sys.executable), "dagster")
    args = [dagster, "dev", "-w", str(PROJECT_ROOT / "workspace.yaml"), "-h", host, "-p", port]
    os.chdir(PROJECT_ROOT)
    os.execve(dagster, args, env_with_warning_filter(SUPERSEDED_NOTICE))
    return 0

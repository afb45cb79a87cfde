"""Runs started by egov are runs of the workspace's code location, executed in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = """
import json, os
from dagster_project.cli.session import prepare
home = prepare()
import dagster as dg
from dagster._core.storage.tags import REPOSITORY_LABEL_TAG
from dagster_project.core import runs
from dagster_project.core.instance import get_instance
from dagster_project.definitions import defs
from dagster_project.reports.sync import stale_documents

instance = get_instance(home)
(document,) = stale_documents(instance, home)
seen = []
result = runs.execute(
    defs, instance, "load_report", tags={"egov/pid": str(os.getpid())},
    partition_key=document, listener=seen.append,
)
run = instance.get_run_by_id(result.run_id)
label = runs.repository_label(defs)
listed = instance.get_runs(
    filters=dg.RunsFilter(job_name="load_report", tags={REPOSITORY_LABEL_TAG: label})
)
print(json.dumps({
    "success": result.success,
    "pid": os.getpid(),
    "tags": dict(run.tags),
    "location": run.remote_job_origin.location_name,
    "repository": run.remote_job_origin.repository_origin.repository_name,
    "job_origin": run.job_code_origin.job_name,
    "listed": [r.run_id for r in listed],
    "run_id": result.run_id,
    "events": [e.dagster_event.event_type_value for e in seen if e.dagster_event],
}))
"""


def test_a_run_carries_the_workspace_origin_and_keeps_egov_tags(tmp_path):
    env = {**os.environ, "EGOV_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["success"]
    # The location and repository the UI gives workspace.yaml's only entry.
    assert (out["location"], out["repository"]) == ("dagster_project.definitions", "__repository__")
    assert out["tags"]["egov/writer"] == "build"  # the job's tags: the run queue's writer limit
    assert out["tags"]["egov/pid"] == str(out["pid"])  # crash recovery finds it by pid
    assert out["tags"]["dagster/partition"]
    assert out["job_origin"] == "load_report"
    # Stored with the `.dagster/repository` tag the job page filters on.
    assert out["listed"] == [out["run_id"]]
    assert out["events"][0] == "PIPELINE_START" and out["events"][-1] == "PIPELINE_SUCCESS"
    assert "ASSET_MATERIALIZATION" in out["events"]

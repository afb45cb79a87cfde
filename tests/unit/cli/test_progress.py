"""The refresh progress display fed by a real Dagster run (plain lines when not a TTY)."""

from __future__ import annotations

import io

import dagster as dg
from dagster._core.utils import make_new_run_id

from dagster_project.cli.progress import Plan, RefreshProgress
from dagster_project.core import progress

RAW_A, RAW_B = dg.AssetKey(["raw", "a"]), dg.AssetKey(["raw", "b"])
PUBLISH = dg.AssetKey(["publish", "p"])


@dg.asset(key=RAW_A)
def raw_a() -> dg.MaterializeResult:
    return dg.MaterializeResult()


@dg.asset(key=RAW_B)
def raw_b() -> dg.MaterializeResult:
    raise dg.Failure("raw_b: bad payload (file b.csv, row 3, column x)")


@dg.asset(key=["marts", "m"], deps=[RAW_A])
def dbt_like() -> dg.MaterializeResult:
    # What the dbt step tells an in-process listener about each node it finished.
    for name, ok in (("seed.x", True), ("model.m", True), ("test.t1", True), ("test.t2", False)):
        group = {"seed": "seeds", "test": "tests"}.get(name.split(".")[0], "marts")
        progress.report(progress.NodeDone("dbt", group, name, ok))
    return dg.MaterializeResult()


@dg.asset_check(asset=RAW_A)
def check_a() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=False)


@dg.asset(key=PUBLISH, deps=[["marts", "m"], RAW_B])
def publish_p() -> dg.MaterializeResult:
    return dg.MaterializeResult()


def _plan() -> Plan:
    return Plan(
        documents=0,
        source_keys=frozenset({RAW_A, RAW_B}),
        source_steps=frozenset({"raw__a", "raw__b"}),
        dbt_step="marts__m",
        dbt_totals={"seeds": 1, "marts": 1, "tests": 2},
        checks=1,
        publish_key=PUBLISH,
        publish_step="publish__p",
    )


def test_plain_lines_say_each_stage_and_each_failure():
    stream = io.StringIO()
    display = RefreshProgress(_plan(), stream=stream)
    assert not display.live  # a StringIO is no terminal
    instance = dg.DagsterInstance.ephemeral()
    run_id = make_new_run_id()
    instance.add_event_listener(run_id, display.on_event)
    defs = dg.Definitions(assets=[raw_a, raw_b, dbt_like, publish_p], asset_checks=[check_a])
    job = defs.resolve_implicit_global_asset_job_def()
    with progress.subscribed(display.on_node):
        result = job.execute_in_process(instance=instance, run_id=run_id, raise_on_error=False)
    assert not result.success
    stages = display.stages
    assert (stages["sources"].done, stages["sources"].failed) == (2, 1)
    assert (stages["dbt:tests"].done, stages["dbt:tests"].failed) == (2, 1)
    assert (stages["checks"].done, stages["checks"].failed) == (1, 1)
    assert stages["publish"].done == 0 and "nothing published" in stages["publish"].note
    lines = stream.getvalue().splitlines()
    assert all(line.startswith("egov: ") for line in lines)
    assert any(line.startswith("egov: sources landed 2/2 (1 failed)") for line in lines)
    assert any(line.startswith("egov: dbt tests 2/2 (1 failed)") for line in lines)
    assert any("step raw__b failed" in line for line in lines)
    assert any(line.startswith("egov: publish 0/1 (nothing published)") for line in lines)
    assert len(lines) < 12  # one line per stage and failure, not one per event

"""Which raw assets of a run failed on their own payload (a bad file, a failed fetch), so the
refresh can publish every other dataset from what is loaded."""

from __future__ import annotations

import dagster as dg

from dagster_project.ingest.assets import REJECTED, raw_asset_keys, raw_assets


def failed_steps(result: dg.ExecuteInProcessResult) -> list[dg.DagsterEvent]:
    return [e for e in result.all_events if e.event_type == dg.DagsterEventType.STEP_FAILURE]


def rejected_payloads(result: dg.ExecuteInProcessResult) -> dict[str, str]:
    """Dataset → the one-paragraph message its raw asset failed with."""
    rejected = {}
    for event in failed_steps(result):
        data = event.step_failure_data.user_failure_data
        metadata = data.metadata if data else {}
        if REJECTED in metadata:
            rejected[str(metadata[REJECTED].value)] = data.description or ""
    return rejected


def only_datasets_failed(result: dg.ExecuteInProcessResult) -> bool:
    """True when every failed step is a raw asset of a declared dataset (the dbt step and the
    publish step did not run because of them, not on their own)."""
    raw_steps = {asset.op.name for asset in raw_assets().values()}
    failed = {event.step_key for event in failed_steps(result)}
    return bool(failed) and failed <= raw_steps


def rest_of_refresh(job: dg.JobDefinition) -> list[dg.AssetKey]:
    """Every asset of the refresh job except the raw assets: they ran in the first run."""
    raw = set(raw_asset_keys())
    return [key for key in job.asset_layer.selected_asset_keys if key not in raw]

"""dbt models as Dagster assets: keys are [schema, model], groups are the layers."""

import json
from collections.abc import Iterator, Mapping
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliEventMessage,
    DbtCliResource,
    dbt_assets,
)

from dagster_project.core import changes, progress
from dagster_project.core.resources import BuildDatabase
from dagster_project.ingest.assets import raw_asset_keys
from dagster_project.publish import records
from dagster_project.quality import audit
from dagster_project.quality.dbt_results import test_outcomes
from dagster_project.reports.assets import REPORT_KEYS
from dagster_project.settings import DUCKDB_POOL
from dagster_project.transform.columns import read_column_types, with_column_types
from dagster_project.transform.project import dbt_project


class LayerTranslator(DagsterDbtTranslator):
    """One name per thing: DuckDB schema.table = asset key [schema, table] = group schema."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return dbt_resource_props.get("schema")

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> list[str] | None:
        owner = (dbt_resource_props.get("config", {}).get("meta") or {}).get("owner")
        return [f"team:{owner}"] if owner else None


TRANSLATOR = LayerTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


class DbtBuildConfig(dg.Config):
    """`force` rebuilds even when no input changed since the last publish."""

    force: bool = False


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=TRANSLATOR,
    pool=DUCKDB_POOL,
)
def dbt_models(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    build_db: BuildDatabase,
    config: DbtBuildConfig,
) -> Iterator:
    """`dbt build` (models, seeds and tests) into the build file, skipped when nothing changed."""
    home = build_db.paths
    fingerprint = changes.warehouse_fingerprint(
        raw_versions(context.instance), dbt_project.manifest_path
    )
    if not config.force and records.is_published(home, fingerprint):
        context.log.info("Inputs, models and suites unchanged since the last publish: no rebuild.")
        return
    # A subset run (one source's job, a UI selection) leaves other models as they were, so
    # it must not vouch for the whole warehouse: the next full refresh rebuilds everything.
    full = set(context.selected_asset_keys) == set(context.assets_def.keys)
    records.record_build_started(home, fingerprint if full else f"partial:{fingerprint}")
    invocation = dbt.cli(
        ["build"], context=context, target_path=home.dbt_target_dir, raise_on_error=False
    )
    # dbt writes the build file until it exits; its events become Dagster events after that,
    # when the column types can be read without contending for DuckDB's single writer lock.
    raw_events = [_reported(event) for event in invocation.stream_raw_events()]
    with build_db.connect() as con:
        types = read_column_types(con)
    for raw in raw_events:
        for event in raw.to_default_asset_events(
            manifest=invocation.manifest,
            dagster_dbt_translator=TRANSLATOR,
            context=context,
            target_path=invocation.target_path,
            project=dbt_project,
        ):
            yield with_column_types(context, event, types)
    _record_test_results(context, build_db, invocation)
    error = invocation.get_error()
    if error is not None:
        # A failing model or test fails the same way on retry: report it once.
        raise dg.Failure(description=str(error), allow_retries=False) from error


def _reported(event: DbtCliEventMessage) -> DbtCliEventMessage:
    """Tell an in-process listener (the CLI's progress display) that a node finished."""
    if event.is_result_event:
        node = event.raw_event["data"]["node_info"]
        kind = node.get("resource_type")
        layer = (node.get("node_relation") or {}).get("schema") or "models"
        group = {"seed": "seeds", "test": "tests"}.get(kind, layer)
        ok = node.get("node_status") in ("success", "pass", "warn")
        progress.report(progress.NodeDone("dbt", group, node["unique_id"], ok))
    return event


def raw_versions(instance: dg.DagsterInstance) -> dict[str, str]:
    """The latest data version of every raw asset ('missing' if never materialized)."""
    versions = {}
    for key in [*raw_asset_keys(), *REPORT_KEYS]:
        event = instance.get_latest_materialization_event(key)
        materialization = event.asset_materialization if event else None
        tags = materialization.tags if materialization else None
        versions[key.to_user_string()] = (tags or {}).get("dagster/data_version", "missing")
    return versions


def build_run_config(*, force: bool) -> dict[str, Any]:
    """Run config of a job that contains the dbt step (the op name comes from the asset)."""
    return {"ops": {dbt_models.op.name: {"config": DbtBuildConfig(force=force).model_dump()}}}


def _record_test_results(
    context: dg.AssetExecutionContext, build_db: BuildDatabase, invocation: object
) -> None:
    """Append every dbt test result of the build to audit.check_results."""
    try:
        run_results = invocation.get_artifact("run_results.json")
    except FileNotFoundError:
        return
    manifest = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))
    outcomes = list(test_outcomes(run_results, manifest))
    with build_db.connect() as con:
        audit.append(con, outcomes, run_id=context.run.run_id, critical=True, engine="dbt")

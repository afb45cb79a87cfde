"""dbt models as Dagster assets: keys are [schema, model], groups are the layers.

The dbt step builds only what changed (transform.versions): the nodes downstream of a raw
table with a new data version, of a changed model, seed or macro, and anything never
built. It runs dbt in this process (transform.runner). Every selected model that did not
need a rebuild is reported as materialized with `changed: False` and the version it holds,
like an unchanged raw payload, so its checks carry over and the publish step runs.
"""

import json
from collections.abc import Generator, Iterator, Mapping
from importlib import metadata
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, dbt_assets
from dagster_dbt.asset_utils import get_manifest_and_translator_from_dbt_assets
from dagster_dbt.core.dbt_cli_event import DbtCoreCliEventMessage

from dagster_project.core import changes, progress
from dagster_project.core.instance import latest_data_version
from dagster_project.core.resources import BuildDatabase
from dagster_project.ingest.assets import raw_asset_keys
from dagster_project.publish import records
from dagster_project.quality import audit
from dagster_project.quality.dbt_results import test_outcomes
from dagster_project.reports.assets import REPORT_KEYS
from dagster_project.settings import DUCKDB_POOL
from dagster_project.transform import runner, versions
from dagster_project.transform.columns import ColumnTypes, read_column_types, with_column_types
from dagster_project.transform.project import dbt_project

# What builds the relations besides the project itself (dbt's materialisations live here).
ENGINE = ";".join(f"{d}={metadata.version(d)}" for d in ("dbt-core", "dbt-duckdb", "duckdb"))
PUBLISHED_SCHEMAS_SQL = "('raw', 'staging', 'intermediate', 'marts')"


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
    """`force` rebuilds every node even when nothing changed since the last build."""

    force: bool = False


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=TRANSLATOR,
    pool=DUCKDB_POOL,
)
def dbt_models(
    context: dg.AssetExecutionContext, build_db: BuildDatabase, config: DbtBuildConfig
) -> Iterator:
    """`dbt build` (models, seeds and tests) of what changed, skipped when nothing did."""
    home = build_db.paths
    raw = raw_versions(context.instance)
    fingerprint = changes.warehouse_fingerprint(raw, dbt_project.manifest_path)
    if not config.force and records.is_published(home, fingerprint):
        context.log.info("Inputs, models and suites unchanged since the last publish: no rebuild.")
        return
    manifest, _, _ = get_manifest_and_translator_from_dbt_assets([context.assets_def])
    graph = versions.nodes(manifest, engine=ENGINE)
    keys = _asset_keys(manifest, graph)
    # A subset run (one source's job, a UI selection) builds only its own models; it must
    # not vouch for the whole warehouse, so the next full refresh checks every node again.
    full = set(context.selected_asset_keys) == set(context.assets_def.keys)
    plan = versions.plan(
        graph,
        versions.source_keys(manifest),
        raw,
        records.built_nodes(home),
        scope=None if full else _scope(graph, keys, context.selected_asset_keys),
        present=_relations_in_build(build_db),
        force=config.force,
    )
    recorded = fingerprint if full else f"partial:{fingerprint}"
    # Write-ahead: the nodes about to be rebuilt hold no known version until dbt succeeds,
    # so a failed or killed build is redone by the next run whatever its inputs then are.
    kept = {
        u: v
        for u, v in plan.versions.items()
        if u in graph and u not in plan.build and v != versions.UNBUILT
    }
    kept_relations = {graph[u].relation: v for u, v in kept.items() if graph[u].relation}
    records.record_build(
        home,
        recorded,
        nodes=kept,
        relations=kept_relations,
        finished=False,
        forced=config.force,
    )
    context.log.info(f"dbt: {len(plan.build)} of {len(graph)} nodes to build")
    # A multi-asset yields in dependency order: what reads a rebuilt node comes after it.
    before, after = _unchanged(graph, keys, plan, context.selected_asset_keys)
    with build_db.connect() as con:
        types = read_column_types(con)
    yield from (with_column_types(context, output, types) for output in before)
    if plan.build:
        types = yield from _build(
            context, build_db, manifest=manifest, graph=graph, keys=keys, plan=plan
        )
    built = {u: v for u, v in plan.versions.items() if u in graph and v != versions.UNBUILT}
    records.record_build(
        home,
        recorded,
        nodes=built,
        relations=plan.relations(graph),
        finished=True,
        rebuilt=len(plan.build),
        forced=config.force,
    )
    yield from (with_column_types(context, output, types) for output in after)


def _unchanged(
    graph: Mapping[str, versions.Node],
    keys: Mapping[dg.AssetKey, str],
    plan: versions.Plan,
    selected: set[dg.AssetKey] | frozenset[dg.AssetKey],
) -> tuple[list[dg.Output], list[dg.Output]]:
    """Outputs of the selected models that hold their version: those upstream of nothing
    rebuilt (yielded first), and those that read a rebuilt node (yielded after dbt)."""
    selected_uids = {keys[key] for key in selected if key in keys}
    downstream: set[str] = set(plan.build)
    before, after = [], []
    for uid in versions.topological(graph):
        node = graph[uid]
        if any(parent in downstream for parent in node.parents):
            downstream.add(uid)
        if uid not in selected_uids or uid in plan.build:
            continue
        output = dg.Output(
            value=None,
            output_name=_key(keys, uid).to_python_identifier(),
            metadata={"changed": False, "unique_id": uid},
            data_version=dg.DataVersion(plan.versions[uid]),
        )
        (after if uid in downstream else before).append(output)
    return before, after


def _key(keys: Mapping[dg.AssetKey, str], uid: str) -> dg.AssetKey:
    return next(key for key, found in keys.items() if found == uid)


def _build(
    context: dg.AssetExecutionContext,
    build_db: BuildDatabase,
    *,
    manifest: Mapping[str, Any],
    graph: Mapping[str, versions.Node],
    keys: Mapping[dg.AssetKey, str],
    plan: versions.Plan,
) -> Generator[Any, None, ColumnTypes]:
    target = build_db.paths.dbt_target_dir
    # Results of an earlier build must never be read as this one's.
    (target / "run_results.json").unlink(missing_ok=True)
    options = [] if plan.full else _selection(graph, plan)
    invocation = runner.invoke("build", options, target_path=target)
    uids = {key.to_python_identifier(): uid for key, uid in keys.items()}
    # dbt writes the build file until it is done; its events become Dagster events after
    # that, when the column types can be read without contending for DuckDB's writer lock.
    raw_events = [_reported(raw_event) for raw_event in invocation.events()]
    with build_db.connect() as con:
        types = read_column_types(con)
    for raw_event in raw_events:
        message = DbtCoreCliEventMessage(raw_event=raw_event, event_history_metadata={})
        for event in message.to_default_asset_events(
            manifest=manifest,
            dagster_dbt_translator=TRANSLATOR,
            context=context,
            target_path=target,
            project=dbt_project,
        ):
            if isinstance(event, dg.Output) and event.output_name in uids:
                version = plan.versions[uids[event.output_name]]
                output = dg.Output(
                    value=None,
                    output_name=event.output_name,
                    metadata={**event.metadata, "changed": True},
                    data_version=dg.DataVersion(version),
                )
                yield with_column_types(context, output, types)
            else:
                yield event
    _record_test_results(context, build_db, manifest, target)
    error = invocation.error()
    if error is not None:
        # A failing model or test fails the same way on retry: report it once.
        raise dg.Failure(description=error, allow_retries=False)
    return types


def _selection(graph: Mapping[str, versions.Node], plan: versions.Plan) -> list[str]:
    # Exactly the planned nodes: dbt's indirect selection would add the unit tests of every
    # rebuilt model, which read fixtures and only need to run when code changes.
    return ["--select", *versions.selectors(graph, plan.build), "--indirect-selection", "empty"]


def _asset_keys(
    manifest: Mapping[str, Any], graph: Mapping[str, versions.Node]
) -> dict[dg.AssetKey, str]:
    """Asset key -> unique_id of every model, seed and snapshot."""
    nodes = manifest["nodes"]
    return {
        TRANSLATOR.get_asset_key(nodes[uid]): uid
        for uid, node in graph.items()
        if node.relation is not None
    }


def _scope(
    graph: Mapping[str, versions.Node],
    keys: Mapping[dg.AssetKey, str],
    selected: set[dg.AssetKey] | frozenset[dg.AssetKey],
) -> set[str]:
    """The nodes of a subset run: its models, their tests, their unit tests."""
    models = {uid for key, uid in keys.items() if key in selected}
    tests = {
        uid
        for uid, node in graph.items()
        if node.resource_type in ("test", "unit_test")
        and any(parent in models for parent in node.parents)
    }
    return models | tests


def _relations_in_build(build_db: BuildDatabase) -> set[str]:
    if not build_db.path.exists():
        return set()
    with build_db.connect() as con:
        rows = con.execute(
            f"""
            select schema_name || '.' || table_name from duckdb_tables()
            where schema_name in {PUBLISHED_SCHEMAS_SQL}
            union all
            select schema_name || '.' || view_name from duckdb_views()
            where schema_name in {PUBLISHED_SCHEMAS_SQL} and not internal
            """
        ).fetchall()
    return {name for (name,) in rows}


def _reported(event: dict[str, Any]) -> dict[str, Any]:
    """Tell an in-process listener (the CLI's progress display) that a node finished."""
    if event.get("info", {}).get("name") in runner.RESULT_EVENTS:
        node = event["data"]["node_info"]
        kind = node.get("resource_type")
        layer = (node.get("node_relation") or {}).get("schema") or "models"
        group = {"seed": "seeds", "test": "tests"}.get(kind, layer)
        # The result's own status: node_info is taken when the event fires, and in process
        # that may be before dbt marks the node done.
        status = str(event["data"].get("status") or node.get("node_status") or "").lower()
        ok = status not in ("error", "fail", "skipped", "runtime error")
        progress.report(progress.NodeDone("dbt", group, node["unique_id"], ok))
    return event


def raw_versions(instance: dg.DagsterInstance) -> dict[str, str]:
    """The latest data version of every raw asset ('missing' if never materialized)."""
    found = {}
    for key in [*raw_asset_keys(), *REPORT_KEYS]:
        found[key.to_user_string()] = latest_data_version(instance, key) or "missing"
    return found


def build_run_config(*, force: bool) -> dict[str, Any]:
    """Run config of a job that contains the dbt step (the op name comes from the asset)."""
    return {"ops": {dbt_models.op.name: {"config": DbtBuildConfig(force=force).model_dump()}}}


def _record_test_results(
    context: dg.AssetExecutionContext,
    build_db: BuildDatabase,
    manifest: Mapping[str, Any],
    target: Any,
) -> None:
    """Append every dbt test result of the build to audit.check_results."""
    path = target / "run_results.json"
    if not path.exists():
        return
    outcomes = list(test_outcomes(json.loads(path.read_text(encoding="utf-8")), manifest))
    with build_db.connect() as con:
        audit.append(con, outcomes, run_id=context.run.run_id, critical=True, engine="dbt")

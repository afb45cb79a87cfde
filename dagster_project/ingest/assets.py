"""One raw asset per declared dataset: land the payload, parse it, replace raw.<dataset>.

An unchanged payload (same dataset version: payload sha256, parsing code and declaration, see
core.changes) is neither parsed nor rewritten: the asset records the same data version, so
the dbt step sees nothing to build.
"""

from datetime import timedelta
from typing import Any

import dagster as dg

from dagster_project.core import changes, duckdb_io
from dagster_project.core.errors import InputError, TransientError
from dagster_project.core.resources import BuildDatabase
from dagster_project.ingest.duckdb_load import DuckDBPayload, load_payload
from dagster_project.ingest.registry import dropped_rows, parse_dataset
from dagster_project.landing.declarations import DatasetSpec, all_specs
from dagster_project.landing.land import land, mark_current
from dagster_project.settings import DUCKDB_POOL

# Transient failures only (HTTP 5xx, timeouts, a lock held by a dying process); bad input
# and bugs fail at once (a retry would meet the same bytes and the same code).
TRANSIENT_RETRY = dg.RetryPolicy(
    max_retries=3, delay=2, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS
)


class RawLoadConfig(dg.Config):
    """`mode` overrides the declaration's default_mode for one run: snapshot, http or drop."""

    mode: str = ""


def freshness_policy(spec: DatasetSpec) -> dg.FreshnessPolicy:
    """Warn when a refresh is a full update period late, fail after 1.5 periods (min 1 day)."""
    period = timedelta(days=spec.update_period_days)
    return dg.FreshnessPolicy.time_window(
        fail_window=max(period * 1.5, period + timedelta(days=1)), warn_window=period
    )


def _last_data_version(context: dg.AssetExecutionContext, spec: DatasetSpec) -> str | None:
    event = context.instance.get_latest_materialization_event(dg.AssetKey(["raw", spec.name]))
    tags = event.asset_materialization.tags if event and event.asset_materialization else None
    return (tags or {}).get("dagster/data_version")


def _load(
    context: dg.AssetExecutionContext, spec: DatasetSpec, build_db: BuildDatabase, mode: str
) -> dg.MaterializeResult:
    # Load inputs.
    payload = land(spec, mode=mode or None, paths=build_db.paths)
    version = changes.dataset_version(payload.sha256, spec.declaration_path)
    with build_db.connect() as con:
        loaded = duckdb_io.table_exists(con, "raw", spec.name)
    metadata = {
        **spec.provenance_metadata(),
        "mode": payload.mode,
        "payload_sha256": payload.sha256,
        "landed_at": dg.MetadataValue.path(str(payload.landed_dir)),
    }
    if loaded and _last_data_version(context, spec) == version:
        context.log.info(f"{spec.name}: payload and parser unchanged, nothing to parse")
        if payload.changed:
            # These bytes are the loaded ones, but the landing record does not say so (it
            # was unreadable and rebuilt): point it at them again.
            mark_current(spec, payload, paths=build_db.paths)
        return dg.MaterializeResult(
            metadata={**metadata, "changed": False}, data_version=dg.DataVersion(version)
        )
    # Process data.
    parsed = parse_dataset(spec, payload.files)
    # Save outputs.
    with build_db.connect() as con:
        if isinstance(parsed, DuckDBPayload):
            rows, dropped = load_payload(con, spec, parsed)
        else:
            dropped = len(dropped_rows(parsed))
            rows = duckdb_io.replace_table(con, "raw", spec.name, parsed)
    mark_current(spec, payload, paths=build_db.paths)
    return dg.MaterializeResult(
        metadata={**metadata, "changed": True, "dagster/row_count": rows, "dropped_rows": dropped},
        data_version=dg.DataVersion(version),
    )


def _input_failure(error: InputError) -> dg.Failure:
    """Bad bytes stay bad: fail once, naming dataset, file, row and column."""
    return dg.Failure(
        description=error.describe(),
        metadata={
            "dataset": error.dataset or "",
            "file": error.file or "",
            "row": error.row if error.row is not None else -1,
            "column": error.column or "",
        },
        allow_retries=False,
    )


def build_raw_asset(spec: DatasetSpec) -> dg.AssetsDefinition:
    @dg.asset(
        key=["raw", spec.name],
        group_name="raw",
        kinds={"python", "duckdb"},
        description=f"{spec.title}. Source: {spec.url_main}",
        metadata={**spec.provenance_metadata(), "update_period_days": spec.update_period_days},
        pool=DUCKDB_POOL,
        retry_policy=TRANSIENT_RETRY,
        freshness_policy=freshness_policy(spec),
        tags={"egov/provider": spec.provider},
    )
    def _raw_asset(
        context: dg.AssetExecutionContext, build_db: BuildDatabase, config: RawLoadConfig
    ) -> dg.MaterializeResult:
        try:
            return _load(context, spec, build_db, config.mode)
        except TransientError:
            raise
        except InputError as exc:
            raise _input_failure(exc.with_context(dataset=spec.name)) from exc
        except Exception as exc:
            raise dg.Failure(
                description=f"{spec.name}: {type(exc).__name__}: {exc}", allow_retries=False
            ) from exc

    return _raw_asset


def raw_assets() -> dict[str, dg.AssetsDefinition]:
    """The raw asset of every declared dataset, by dataset name."""
    return {name: build_raw_asset(spec) for name, spec in all_specs().items()}


def raw_asset_keys() -> list[dg.AssetKey]:
    return [dg.AssetKey(["raw", name]) for name in all_specs()]


def mode_run_config(asset: dg.AssetsDefinition, mode: str) -> dict[str, Any]:
    """Run config that loads a raw asset in `mode` (the op name comes from the asset)."""
    return {"ops": {asset.op.name: {"config": RawLoadConfig(mode=mode).model_dump()}}}

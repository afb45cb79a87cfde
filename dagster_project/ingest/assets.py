"""One raw asset per declared dataset: land the payload, parse it, validate it, replace
raw.<dataset>.

The payload is loaded beside the table as last loaded and validated there by the dataset's
suite (quality/payload.py); only a payload that passes replaces the table. A rejected one
fails this asset with a message naming file, row and column, stays in landing/, and the
previous payload keeps feeding the marts.

An unchanged payload (same dataset version: payload sha256, parsing code, declaration and
suite, see core.changes) is neither parsed nor rewritten: the asset records the same data
version, so the dbt step sees nothing to build.
"""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import dagster as dg

from dagster_project.core import changes, duckdb_io
from dagster_project.core.errors import InputError, TransientError
from dagster_project.core.instance import latest_data_version
from dagster_project.core.resources import BuildDatabase
from dagster_project.ingest.duckdb_load import DuckDBPayload, load_payload
from dagster_project.ingest.registry import dropped_rows, parse_dataset
from dagster_project.landing.declarations import DatasetSpec, all_specs
from dagster_project.landing.land import LandedPayload, land, mark_current
from dagster_project.quality import payload as payload_checks
from dagster_project.quality.checks import check_result, payload_check_spec
from dagster_project.quality.suites import Suite, suite_files
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
    return latest_data_version(context.instance, dg.AssetKey(["raw", spec.name]))


def payload_suite(spec: DatasetSpec) -> Suite:
    """The suite that validates each payload of the dataset (a conventions test requires one)."""
    return next(s for s in suite_files() if s.relation == f"raw.{spec.name}")


def _load(
    context: dg.AssetExecutionContext, spec: DatasetSpec, build_db: BuildDatabase, mode: str
) -> Iterator:
    # Load inputs.
    payload = land(spec, mode=mode or None, paths=build_db.paths)
    suite = payload_suite(spec)
    version = changes.dataset_version(payload.sha256, spec.declaration_path, suite.digest())
    with build_db.connect() as con:
        payload_checks.discard(con, spec.name)
        loaded = duckdb_io.table_exists(con, "raw", spec.name)
    metadata = {
        **spec.provenance_metadata(),
        "mode": payload.mode,
        "payload_sha256": payload.sha256,
        "landed_at": dg.MetadataValue.path(str(payload.landed_dir)),
    }
    if loaded and _last_data_version(context, spec) == version:
        context.log.info(f"{spec.name}: payload, parser and suite unchanged, nothing to parse")
        if payload.changed:
            # These bytes are the loaded ones, but the landing record does not say so (it
            # was unreadable and rebuilt): point it at them again.
            mark_current(spec, payload, paths=build_db.paths)
        yield dg.MaterializeResult(
            metadata={**metadata, "changed": False},
            data_version=dg.DataVersion(version),
            check_results=[_carried_over(suite)],
        )
        return
    # Process data.
    parsed = parse_dataset(spec, payload.files)
    # Save outputs (only if the payload passes its suite).
    with build_db.connect() as con:
        rows, dropped = _write_incoming(con, spec, parsed)
        outcomes = payload_checks.validate(
            con,
            spec.name,
            suite,
            run_id=context.run.run_id,
            fetched_at=payload.fetched_at,
            docs_dir=build_db.paths.docs_dir,
        )
        failed = payload_checks.blocking_failures(outcomes)
        if failed:
            payload_checks.discard(con, spec.name)
            yield check_result(suite, outcomes)
            raise payload_checks.Rejected(_rejection(spec, payload, failed), failed)
        payload_checks.swap_in(con, spec.name)
    mark_current(spec, payload, paths=build_db.paths)
    yield dg.MaterializeResult(
        metadata={**metadata, "changed": True, "dagster/row_count": rows, "dropped_rows": dropped},
        data_version=dg.DataVersion(version),
        check_results=[check_result(suite, outcomes)],
    )


def _write_incoming(con: Any, spec: DatasetSpec, parsed: Any) -> tuple[int, int]:
    """The parsed payload as raw.<dataset>__incoming: (rows, rows left out on purpose)."""
    table = payload_checks.incoming_table(spec.name)
    if isinstance(parsed, DuckDBPayload):
        return load_payload(con, spec, parsed, table=table)
    return duckdb_io.replace_table(con, "raw", table, parsed), len(dropped_rows(parsed))


def _rejection(spec: DatasetSpec, payload: LandedPayload, failed: list) -> str:
    files = [path.name for path in payload.files]
    return payload_checks.rejection(spec.name, files, failed, payload.landed_dir)


def _carried_over(suite: Suite) -> dg.AssetCheckResult:
    """The payload passed this exact suite when it was loaded; re-validating costs seconds."""
    return dg.AssetCheckResult(
        asset_key=dg.AssetKey([suite.layer, suite.table]),
        check_name=f"gx_{suite.table}",
        passed=True,
        metadata={"suite": suite.relation, "suite_sha256": suite.digest(), "unchanged": True},
    )


# Marks a raw asset's failure as its payload's: the refresh publishes the other datasets.
REJECTED = "egov/payload_rejected"


def _input_failure(error: InputError) -> dg.Failure:
    """Bad bytes stay bad: fail once, naming dataset, file, row and column."""
    return dg.Failure(
        description=error.describe(),
        metadata={
            REJECTED: error.dataset or "",
            "dataset": error.dataset or "",
            "file": error.file or "",
            "row": error.row if error.row is not None else -1,
            "column": error.column or "",
        },
        allow_retries=False,
    )


def _rejected_failure(spec: DatasetSpec, rejected: payload_checks.Rejected) -> dg.Failure:
    first = rejected.outcomes[0].unexpected_rows[:1] if rejected.outcomes else []
    row = first[0] if first else {}
    return dg.Failure(
        description=rejected.message,
        metadata={
            REJECTED: spec.name,
            "dataset": spec.name,
            "file": str(row.get("source_file") or ""),
            "row": int(row["source_row"]) if row.get("source_row") is not None else -1,
            "column": str(row.get("source_column") or rejected.outcomes[0].column or ""),
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
        check_specs=[payload_check_spec(payload_suite(spec))],
    )
    def _raw_asset(
        context: dg.AssetExecutionContext, build_db: BuildDatabase, config: RawLoadConfig
    ) -> Iterator:
        try:
            yield from _load(context, spec, build_db, config.mode)
        except TransientError:
            raise
        except payload_checks.Rejected as exc:
            raise _rejected_failure(spec, exc) from exc
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

"""One raw asset per declared dataset: land the payload, parse it, replace raw.<dataset>.

An unchanged payload (same sha256, same parser code) is neither parsed nor rewritten: the
asset records the same data version, so the dbt step sees nothing new to build.
"""

import hashlib
import importlib.util
from functools import cache

import dagster as dg

from dagster_project import duckdb_io
from dagster_project.declarations import DatasetSpec, all_specs
from dagster_project.errors import InputError, TransientError
from dagster_project.resources import BuildDatabase
from dagster_project.settings import DUCKDB_POOL

# Transient failures only (HTTP 5xx, timeouts, a lock held by a dying process); bad input
# and bugs are raised as non-retryable failures below.
TRANSIENT_RETRY = dg.RetryPolicy(
    max_retries=3, delay=2, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS
)


@cache
def parser_version(parser: str) -> str:
    """A digest of the parser's module source: a parser fix re-parses unchanged payloads."""
    module_name = parser.split(":", maxsplit=1)[0]
    origin = importlib.util.find_spec(module_name).origin
    with open(origin, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:12]


def _data_version(payload_sha256: str, spec: DatasetSpec) -> str:
    return f"{payload_sha256[:16]}-{parser_version(spec.parser)}"


def _load(
    context: dg.AssetExecutionContext, spec: DatasetSpec, build_db: BuildDatabase
) -> dg.MaterializeResult:
    from dagster_project.ingest.registry import parse_dataset
    from dagster_project.landing import land, mark_current

    payload = land(spec, paths=build_db.paths)
    version = _data_version(payload.sha256, spec)
    with build_db.connect() as con:
        loaded = duckdb_io.table_exists(con, "raw", spec.name)
    last = _last_data_version(context, spec)
    base_metadata = {
        **spec.provenance_metadata(),
        "payload_sha256": payload.sha256,
        "landed_at": str(payload.landed_dir),
    }
    if loaded and last == version:
        context.log.info(f"{spec.name}: payload and parser unchanged, nothing to parse")
        return dg.MaterializeResult(
            metadata={**base_metadata, "changed": False}, data_version=dg.DataVersion(version)
        )
    frame = parse_dataset(spec, payload.files)
    with build_db.connect() as con:
        rows = duckdb_io.replace_table(con, "raw", spec.name, frame)
    mark_current(spec, payload, paths=build_db.paths)
    return dg.MaterializeResult(
        metadata={**base_metadata, "changed": True, "dagster/row_count": rows},
        data_version=dg.DataVersion(version),
    )


def _last_data_version(context: dg.AssetExecutionContext, spec: DatasetSpec) -> str | None:
    event = context.instance.get_latest_materialization_event(dg.AssetKey(["raw", spec.name]))
    tags = event.asset_materialization.tags if event and event.asset_materialization else None
    return (tags or {}).get("dagster/data_version")


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
        tags={"egov/provider": spec.provider},
    )
    def _raw_asset(
        context: dg.AssetExecutionContext, build_db: BuildDatabase
    ) -> dg.MaterializeResult:
        try:
            return _load(context, spec, build_db)
        except TransientError:
            raise
        except InputError as exc:
            raise _input_failure(exc.with_context(dataset=spec.name)) from exc

    return _raw_asset


def raw_assets() -> list[dg.AssetsDefinition]:
    return [build_raw_asset(spec) for spec in all_specs().values()]


def raw_asset_keys() -> list[dg.AssetKey]:
    return [dg.AssetKey(["raw", name]) for name in all_specs()]

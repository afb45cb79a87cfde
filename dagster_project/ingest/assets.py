"""One raw asset per declared dataset: land the payload, parse it, replace raw.<dataset>.

An unchanged payload (same sha256, same parsing code and declaration) is neither parsed nor
rewritten: the asset records the same data version, so the dbt step sees nothing to build.
"""

import hashlib
from datetime import timedelta
from functools import cache
from pathlib import Path

import dagster as dg

from dagster_project.core import duckdb_io
from dagster_project.core.errors import InputError, TransientError
from dagster_project.core.resources import BuildDatabase
from dagster_project.landing.declarations import DatasetSpec, all_specs
from dagster_project.settings import DUCKDB_POOL, Paths

# Transient failures only (HTTP 5xx, timeouts, a lock held by a dying process); bad input
# and bugs fail at once (a retry would meet the same bytes and the same code).
TRANSIENT_RETRY = dg.RetryPolicy(
    max_retries=3, delay=2, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS
)
PARSING_CODE = Path(__file__).resolve().parent
NOT_PARSING_CODE = {"assets.py", "scheduling.py"}


class RawLoadConfig(dg.Config):
    """`mode` overrides the declaration's default_mode for one run: snapshot, http or drop."""

    mode: str = ""


@cache
def _parsing_code_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted([*PARSING_CODE.rglob("*.py"), *PARSING_CODE.rglob("*.sql")]):
        if path.name not in NOT_PARSING_CODE:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def data_version(payload_sha256: str, spec: DatasetSpec) -> str:
    """Payload bytes + parsing code + declaration: a change in any of them re-parses."""
    digest = hashlib.sha256(_parsing_code_digest().encode())
    digest.update(spec.declaration_path.read_bytes())
    return f"{payload_sha256[:16]}-{digest.hexdigest()[:12]}"


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


def resolve_mode(spec: DatasetSpec, home: Paths, requested: str) -> str:
    """An explicit mode wins; else files waiting in the dataset's inbox; else the default."""
    from dagster_project.landing.sources import local_files

    if requested:
        return requested
    if "drop" in spec.modes and local_files(spec, "drop", home):
        return "drop"
    return spec.default_mode


def _load(
    context: dg.AssetExecutionContext, spec: DatasetSpec, build_db: BuildDatabase, mode: str
) -> dg.MaterializeResult:
    from dagster_project.ingest.duckdb_load import DuckDBPayload, load_payload
    from dagster_project.ingest.registry import dropped_rows, parse_dataset
    from dagster_project.landing.land import land, mark_current

    payload = land(spec, mode=resolve_mode(spec, build_db.paths, mode), paths=build_db.paths)
    version = data_version(payload.sha256, spec)
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
        return dg.MaterializeResult(
            metadata={**metadata, "changed": False}, data_version=dg.DataVersion(version)
        )
    parsed = parse_dataset(spec, payload.files)
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


def raw_assets() -> list[dg.AssetsDefinition]:
    return [build_raw_asset(spec) for spec in all_specs().values()]


def raw_asset_keys() -> list[dg.AssetKey]:
    return [dg.AssetKey(["raw", name]) for name in all_specs()]

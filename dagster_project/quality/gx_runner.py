"""Running a suite file with Great Expectations on frames read from DuckDB.

GX's SQL route does not work on DuckDB at this version (rows are fetched after the
connection went back to the pool), so each batch is read into pandas, restricted to the
columns its expectations use to keep memory proportional to what is checked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any

from dagster_project.quality import gx_chunks
from dagster_project.quality.suites import SuiteFile

COLUMN_KEYS = ("column", "column_A", "column_B", "column_list")
SAMPLE_SIZE = 5


@dataclass(frozen=True)
class Outcome:
    """The result of one expectation on one batch."""

    suite: str
    batch: str
    expectation: str
    column: str | None
    success: bool
    observed_value: str | None
    unexpected_count: int | None
    unexpected_sample: list[Any] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)


DOCS_SITE = "egov"


@cache
def _context(docs_dir: Path | None) -> Any:
    """One ephemeral GX context per process; Data Docs go to docs_dir when given."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    _skip_batch_fingerprint()
    context = gx.get_context(mode="ephemeral")
    # Progress bars would flood Dagster's captured logs.
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    if docs_dir is not None:
        context.add_data_docs_site(
            site_name=DOCS_SITE,
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context, context.data_sources.add_pandas("egov_frames")


def _skip_batch_fingerprint() -> None:
    """GX labels every pandas batch under 1 GB with a fingerprint: an md5 over pandas' hash of
    every row and column. Our batches are labelled by suite, run id and time in the audit
    table already, and that fingerprint was half of GX's time on million-row tables (see
    BENCHMARKS.md), so batches skip it, as GX itself does for frames above its threshold."""
    from great_expectations.execution_engine import pandas_execution_engine

    pandas_execution_engine.HASH_THRESHOLD = 0


def _batch_query(target: str, expectations: list) -> str:
    """A relation name becomes a select of only the columns the expectations need."""
    if target.lstrip().lower().startswith(("select", "with")):
        return target
    needed: list[str] = []
    table_level = False
    for expectation in expectations:
        config = expectation.configuration.kwargs
        if not any(k in config for k in COLUMN_KEYS):
            table_level = True
        for key in COLUMN_KEYS:
            value = config.get(key)
            for column in [value] if isinstance(value, str) else value or []:
                if column not in needed:
                    needed.append(column)
    columns = "*" if table_level or not needed else ", ".join(f'"{c}"' for c in needed)
    return f"select {columns} from {target}"


def _describe(result: Any, suite: str, batch: str) -> Outcome:
    config = result.expectation_config
    details = result.result or {}
    observed = details.get("observed_value")
    sample = details.get("partial_unexpected_list") or []
    return Outcome(
        suite=suite,
        batch=batch,
        expectation=config.type,
        column=config.kwargs.get("column"),
        success=bool(result.success),
        observed_value=None if observed is None else json.dumps(observed, default=str),
        unexpected_count=details.get("unexpected_count"),
        unexpected_sample=[str(v) for v in sample[:SAMPLE_SIZE]],
        kwargs={k: v for k, v in config.kwargs.items() if k != "batch_id"},
    )


def _validate(context: Any, datasource: Any, name: str, expectations: list, frame: Any) -> list:
    """A checkpoint run of one batch; its result stays in the context for the Data Docs."""
    import great_expectations as gx

    suite = context.suites.add_or_update(
        gx.ExpectationSuite(name=name, expectations=[e.copy() for e in expectations])
    )
    asset = _asset(datasource, name)
    batch_def = _whole(asset)
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=name, data=batch_def, suite=suite)
    )
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(name=name, validation_definitions=[definition], result_format="SUMMARY")
    )
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    return [r for run in result.run_results.values() for r in run.results]


def run_suite(suite_file: SuiteFile, con: Any, docs_dir: Path | None = None) -> list[Outcome]:
    """Validate every batch of the suite file against an open DuckDB connection."""
    module = suite_file.load()
    context, datasource = _context(docs_dir)
    by_batch = module.expectations()
    outcomes: list[Outcome] = []
    for batch_name, target in module.BATCHES.items():
        expectations = by_batch.get(batch_name, [])
        if not expectations:
            continue
        name = f"{suite_file.relation}:{batch_name}"
        rows = _rows(con, target) if gx_chunks.chunkable(expectations) else 0
        if rows > gx_chunks.CHUNK_ROWS:
            # Large batches never sit whole in pandas (see gx_chunks).
            validate = partial(_validate_frame, datasource, name)
            results = gx_chunks.validate_in_chunks(con, target, expectations, rows, validate)
        else:
            frame = con.execute(_batch_query(target, expectations)).df()
            results = _validate(context, datasource, name, expectations, frame)
            del frame
        outcomes.extend(_describe(r, suite_file.relation, batch_name) for r in results)
    return outcomes


def _rows(con: Any, target: str) -> int:
    return int(con.execute(f"select count(*) from {gx_chunks.source(target)}").fetchone()[0])


def _validate_frame(datasource: Any, name: str, expectations: list, frame: Any) -> list:
    """A plain validation of one chunk (no checkpoint: chunks are not rendered in Data Docs)."""
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=name, expectations=[e.copy() for e in expectations])
    batch = _whole(_asset(datasource, name)).get_batch(batch_parameters={"dataframe": frame})
    return list(batch.validate(suite, result_format="SUMMARY").results)


def build_docs(docs_dir: Path) -> str | None:
    """Render the Data Docs of every validation this process ran (once per run: rebuilding
    after each validation re-renders the whole site and costs seconds per check)."""
    if _context.cache_info().currsize == 0:
        return None
    context, _ = _context(docs_dir)
    return context.build_data_docs(site_names=[DOCS_SITE]).get(DOCS_SITE)


def _asset(datasource: Any, name: str) -> Any:
    try:
        return datasource.get_asset(name)
    except LookupError:
        return datasource.add_dataframe_asset(name)


def _whole(asset: Any) -> Any:
    try:
        return asset.get_batch_definition("whole")
    except KeyError:
        return asset.add_batch_definition_whole_dataframe("whole")

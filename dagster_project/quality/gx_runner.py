"""Validating a suite with Great Expectations, as SQL inside DuckDB (see sql_engine.py).

Each batch of a suite is a GX query asset over the caller's connection; each batch runs as a
checkpoint named after the suite and batch, under the Dagster run id, so the Data Docs show
which run validated what. Results are kept in the process's GX context for the Data Docs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from dagster_project.core.duckdb_io import memory_capped
from dagster_project.quality.suites import Suite
from dagster_project.settings import checks_memory_limit, duckdb_memory_limit

DATASOURCE = "egov_duckdb"
DOCS_SITE = "egov"
GX_DOCS = "gx"  # GX's own Data Docs under $EGOV_HOME/docs/gx/ (docs/index.html is ours)
SAMPLE_SIZE = 5
# Identifying columns of raw rows, asked of GX for every unexpected value: a rejected
# payload is then named by file, row and column.
ROW_IDENTITY = ("source_file", "source_row", "source_column")


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
    # The identifying columns of the first unexpected rows (raw rows: file, row, column).
    unexpected_rows: list[dict[str, Any]] = field(default_factory=list)
    blocking: bool = True
    description: str | None = None


@cache
def _context(docs_dir: Path | None) -> Any:
    """One ephemeral GX context per process; Data Docs go to docs_dir when given."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    from dagster_project.quality import sql_engine  # noqa: F401  (registers the expectation)

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
    return context


def run_suite(
    suite: Suite,
    con: Any,
    *,
    run_id: str = "",
    relations: Mapping[str, str] | None = None,
    parameters: Mapping[str, Any] | None = None,
    docs_dir: Path | None = None,
) -> list[Outcome]:
    """Validate every batch of `suite` on `con` (inside whatever transaction `con` is in).

    `relations` fills the batch templates ({{ payload }}, {{ previous }}); `parameters` are
    GX suite parameters ({"$PARAMETER": …} in kwargs).
    """
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    from dagster_project.quality.sql_engine import add_datasource

    context = _context(docs_dir / GX_DOCS if docs_dir else None)
    datasource = add_datasource(context, DATASOURCE, con)
    outcomes: list[Outcome] = []
    # GX runs its queries in DuckDB: their hash tables spill to disk above the cap. Then the
    # build's own limit again, which every connection of duckdb_io.connect starts with.
    with memory_capped(con, checks_memory_limit(), then=duckdb_memory_limit()):
        for batch, expectations in suite.by_batch().items():
            if not all(_exists(con, relation) for relation in suite.required(batch)):
                continue  # a first load: the comparison runs once the other relation is built
            # GX takes only a query that starts with SELECT (not WITH, not a comment).
            query = f"select * from (\n{suite.batch_query(batch, relations or {})}\n) as batch"
            name = f"{suite.relation}:{batch}"
            definition = context.validation_definitions.add_or_update(
                gx.ValidationDefinition(
                    name=name,
                    data=datasource.add_query_asset(
                        name, query=query
                    ).add_batch_definition_whole_table("whole"),
                    suite=context.suites.add_or_update(
                        gx.ExpectationSuite(name=name, expectations=[dict(e) for e in expectations])
                    ),
                )
            )
            checkpoint = context.checkpoints.add_or_update(
                gx.Checkpoint(
                    name=name, validation_definitions=[definition], result_format="SUMMARY"
                )
            )
            result = checkpoint.run(
                expectation_parameters=dict(parameters or {}),
                run_id=RunIdentifier(run_name=run_id or None),
            )
            items = [item for run in result.run_results.values() for item in run.results]
            rows = _locate(definition, items, _row_identity(con, query), parameters or {})
            for i, item in enumerate(items):
                outcomes.append(_describe(item, suite, batch, con, query, located=rows.get(i)))
    return outcomes


def _locate(
    definition: Any, items: list, identity: list[str], parameters: Mapping[str, Any]
) -> dict[int, list[dict]]:
    """The identifying columns of the first unexpected rows of each failed map expectation.

    Asked only when something failed: GX would otherwise spend a query per expectation
    looking for rows that are not there.
    """
    import great_expectations as gx

    failed = [i for i, item in enumerate(items) if not item.success and _is_map(item)]
    if not failed or not identity:
        return {}
    again = gx.ExpectationSuite(
        name=f"{definition.name}:located",
        expectations=[items[i].expectation_config.to_json_dict() for i in failed],
    )
    result = definition.data.get_batch().validate(
        again,
        result_format={"result_format": "SUMMARY", "unexpected_index_column_names": identity},
        expectation_parameters=dict(parameters),
    )
    located = {}
    for i, item in zip(failed, result.results, strict=True):
        located[i] = list((item.result or {}).get("partial_unexpected_index_list") or [])
    return located


def _is_map(item: Any) -> bool:
    return "unexpected_count" in (item.result or {})


def _exists(con: Any, relation: str) -> bool:
    schema, _, table = relation.partition(".")
    found = con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
        [schema, table],
    ).fetchone()
    return bool(found and found[0])


def _row_identity(con: Any, query: str) -> list[str]:
    columns = [d[0] for d in con.execute(f"{query} limit 0").description]
    return [c for c in ROW_IDENTITY if c in columns]


def _describe(
    result: Any, suite: Suite, batch: str, con: Any, query: str, *, located: list | None
) -> Outcome:
    config = result.expectation_config
    details = result.result or {}
    if result.exception_info and result.exception_info.get("raised_exception"):
        details = {"observed_value": result.exception_info.get("exception_message")}
    observed = details.get("observed_value")
    sample = details.get("partial_unexpected_list") or []
    rows = [dict(r) for r in located or []][:SAMPLE_SIZE]
    kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
    if config.type == "unexpected_rows_expectation" and not result.success:
        rows = _first_unexpected_rows(con, kwargs["unexpected_rows_query"], query)
    meta = config.meta or {}
    return Outcome(
        suite=suite.relation,
        batch=batch,
        expectation=config.type,
        column=config.kwargs.get("column"),
        success=bool(result.success),
        observed_value=None if observed is None else json.dumps(observed, default=str),
        unexpected_count=details.get("unexpected_count"),
        unexpected_sample=[str(v) for v in sample[:SAMPLE_SIZE]],
        kwargs=kwargs,
        unexpected_rows=[{k: _plain(v) for k, v in r.items()} for r in rows],
        # A rule of the dataset's contract (its columns, its key) blocks even in a warning
        # suite: a payload that breaks it is not the dataset the declaration describes.
        blocking=bool(meta.get("contract", suite.blocking))
        and meta.get("severity", "critical") == "critical",
        description=getattr(config, "description", None),
    )


def _first_unexpected_rows(con: Any, unexpected_rows_query: str, batch_query: str) -> list[dict]:
    """GX says only how many rows an unexpected-rows query returned; the message names them."""
    sql = unexpected_rows_query.replace("{batch}", f"({batch_query})")
    result = con.execute(f"select * from ({sql}) as unexpected limit {SAMPLE_SIZE}")
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, int | float | str | bool) else str(value)


def build_gx_docs(docs_dir: Path) -> str | None:
    """Render GX's Data Docs of every validation this process ran (once per run: rebuilding
    after each validation re-renders the whole site and costs seconds per check)."""
    if _context.cache_info().currsize == 0:
        return None
    return _context(docs_dir / GX_DOCS).build_data_docs(site_names=[DOCS_SITE]).get(DOCS_SITE)

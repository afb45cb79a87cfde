"""Great Expectations' SQL execution engine on DuckDB, over the caller's own connection.

GX 1.x validates a SQL batch by sending each metric as a query through SQLAlchemy
(duckdb-engine is the dialect), so every expectation runs inside DuckDB and no row is pulled
into pandas. Two things make that work on DuckDB:

* **One persistent connection that GX cannot end.** GX returns its SQLAlchemy connection to
  the pool before fetching the rows; returning it rolls the DuckDB connection back, and DuckDB
  drops a pending result on rollback, so every metric came back empty. The engine here hands
  GX the caller's connection wrapped so that begin, commit, rollback and close are the
  caller's business: results stay fetchable, and GX reads inside the caller's transaction.
* **The caller's connection, not a second one.** DuckDB refuses a second connection to the
  same file with another configuration in one process (duckdb-engine adds its user agent), and
  the checks write their outcomes to the same file: one connection does both.

GX has no regex for the DuckDB dialect; `ExpectColumnValuesToMatchDuckdbRegex` (below) is the
same map expectation with DuckDB's `regexp_matches` (Python `re.search` semantics, unanchored).
"""

from __future__ import annotations

from typing import Any

import duckdb
import sqlalchemy as sa
from duckdb_engine import ConnectionWrapper
from great_expectations.execution_engine import SqlAlchemyExecutionEngine
from great_expectations.expectations.expectation import ColumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnMapMetricProvider,
    column_condition_partial,
)


class _CallerOwned:
    """A DuckDB connection whose transaction and lifetime belong to the caller, not to GX."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)

    def begin(self) -> None:
        """The caller decides where transactions start (a payload is checked inside one)."""

    def commit(self) -> None:
        """GX only reads; nothing of its own to commit."""

    def rollback(self) -> None:
        """Ignored: a rollback would discard the result GX is about to fetch."""

    def close(self) -> None:
        """The caller closes its connection."""


def engine_kwargs(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """`create_engine` arguments that make every pooled connection the caller's connection."""
    wrapped = ConnectionWrapper(_CallerOwned(con))
    return {"creator": lambda: wrapped, "poolclass": sa.pool.StaticPool}


def add_datasource(context: Any, name: str, con: duckdb.DuckDBPyConnection) -> Any:
    """A GX SQL datasource (re)bound to `con` (one name per process: the latest binding wins)."""
    return context.data_sources.add_or_update_sql(
        name=name, connection_string="duckdb://", kwargs=engine_kwargs(con)
    )


class ColumnValuesMatchDuckdbRegex(ColumnMapMetricProvider):
    """Row condition of the DuckDB regex expectation."""

    condition_metric_name = "column_values.match_duckdb_regex"
    condition_value_keys = ("regex",)

    @column_condition_partial(engine=SqlAlchemyExecutionEngine)
    def _sqlalchemy(cls, column: Any, regex: str, **kwargs: Any) -> Any:
        return sa.func.regexp_matches(sa.cast(column, sa.String), regex)


class ExpectColumnValuesToMatchDuckdbRegex(ColumnMapExpectation):
    """Expect each non-null value to contain a match of `regex` (DuckDB's regexp_matches)."""

    regex: str

    map_metric = "column_values.match_duckdb_regex"
    success_keys = ("regex", "mostly")
    library_metadata = {"tags": ["regex", "duckdb"], "contributors": []}  # noqa: RUF012

"""The quality history: every expectation outcome appended to audit.check_results."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime

import duckdb

from dagster_project.quality.gx_runner import Outcome

DDL = """
create schema if not exists audit;
create table if not exists audit.check_results (
    checked_at timestamp with time zone not null,
    run_id varchar not null,
    suite varchar not null,
    batch varchar not null,
    expectation varchar not null,
    column_name varchar,
    success boolean not null,
    is_critical boolean not null,
    observed_value varchar,
    unexpected_count bigint,
    unexpected_sample varchar,
    kwargs varchar,
    engine varchar not null
);
"""


def append(
    con: duckdb.DuckDBPyConnection,
    outcomes: Iterable[Outcome],
    *,
    run_id: str,
    critical: bool | None = None,
    engine: str = "great_expectations",
) -> int:
    """Append outcomes; `is_critical` is each outcome's own blocking flag unless `critical` says."""
    con.execute(DDL)
    now = datetime.now(UTC)
    rows = [
        (
            now,
            run_id,
            o.suite,
            o.batch,
            o.expectation,
            o.column,
            o.success,
            o.blocking if critical is None else critical,
            o.observed_value,
            o.unexpected_count,
            json.dumps(o.unexpected_sample, ensure_ascii=False),
            json.dumps(o.kwargs, ensure_ascii=False, default=str),
            engine,
        )
        for o in outcomes
    ]
    if rows:
        con.executemany(
            "insert into audit.check_results values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
    return len(rows)

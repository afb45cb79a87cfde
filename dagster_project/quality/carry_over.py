"""A suite's outcomes carried over when nothing it reads has changed since it last passed.

A refresh after one source changed rebuilds only what depends on that source, and the other
relations keep their data version (transform.versions). Validating them again would give the
same outcomes: same rows, same suite, same engine. So a built relation's suite is validated
only when its **inputs** changed: the suite's files, the validation code and library
versions, and the data version of every relation its queries read (found by DuckDB's own
parser, never by pattern). Otherwise the outcomes of the last evaluation are appended to
audit.check_results again under this run, marked with the run they were validated in, and
the check reports them.

Only a passing evaluation is carried over (a failure is validated afresh, so its samples are
current), and anything this module cannot account for (a query it cannot parse, a table it
cannot name, a relation without a version) means the suite runs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from functools import cache
from importlib import metadata
from typing import Any

import duckdb

from dagster_project.core.changes import tree_digest
from dagster_project.quality import audit
from dagster_project.quality.gx_runner import Outcome
from dagster_project.quality.suites import Suite
from dagster_project.settings import PACKAGE_DIR

# What turns a suite and its rows into outcomes, besides the suite's own files.
VALIDATION_CODE = tuple(
    PACKAGE_DIR / "quality" / f"{name}.py"
    for name in ("audit", "checks", "carry_over", "gx_runner", "sql_engine", "suites")
)
DISTRIBUTIONS = ("great-expectations", "duckdb", "pandas")

DDL = """
create schema if not exists audit;
create table if not exists audit.check_inputs (
    checked_at timestamp with time zone not null,
    run_id varchar not null,
    suite varchar not null,
    inputs varchar not null,
    passed boolean not null,
    validated_in_run_id varchar not null
);
"""


@cache
def validation_code_digest() -> str:
    digest = hashlib.sha256(tree_digest(VALIDATION_CODE).encode())
    for name in DISTRIBUTIONS:
        digest.update(f"{name}={metadata.version(name)}".encode())
    return digest.hexdigest()


def _walk(node: Any, found: dict[str, set]) -> None:
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "BASE_TABLE":
            found["tables"].add((node.get("schema_name") or "", node.get("table_name") or ""))
        elif kind == "TABLE_FUNCTION":
            found["functions"].add(str(node.get("function", {}).get("function_name")))
        for entry in (node.get("cte_map") or {}).get("map") or ():
            found["ctes"].add(entry.get("key"))
        for value in node.values():
            _walk(value, found)
    elif isinstance(node, list):
        for value in node:
            _walk(value, found)


def relations_read(con: duckdb.DuckDBPyConnection, sql: str) -> set[str] | None:
    """`schema.table` of every relation `sql` reads, or None when that cannot be told: the
    query does not parse, calls a table function, or names a table without its schema that
    is not one of its own CTEs."""
    (serialised,) = con.execute("select json_serialize_sql(?)", [sql]).fetchone()
    tree = json.loads(serialised)
    if tree.get("error"):
        return None
    found: dict[str, set] = {"tables": set(), "functions": set(), "ctes": set()}
    _walk(tree, found)
    if found["functions"]:
        return None
    relations = set()
    for schema, table in found["tables"]:
        if not schema:
            if table in found["ctes"]:
                continue
            return None
        relations.add(f"{schema}.{table}")
    return relations


def _queries(suite: Suite) -> Iterable[str]:
    for batch, _ in suite.batches:
        yield suite.batch_query(batch, {})
    for expectation in suite.expectations():
        query = (expectation.get("kwargs") or {}).get("unexpected_rows_query")
        if query:
            yield query.replace("{batch}", "(select 1)")


def inputs_key(
    con: duckdb.DuckDBPyConnection, suite: Suite, version_of: Callable[[str], str | None]
) -> str | None:
    """The digest of everything the suite's outcomes are a function of, or None if unknown.

    `version_of(relation)` is the data version the relation holds now (None: unknown)."""
    read = {suite.relation}
    for query in _queries(suite):
        relations = relations_read(con, query)
        if relations is None:
            return None
        read |= relations
    versions = {}
    for relation in sorted(read):
        version = version_of(relation)
        if version is None:
            return None
        versions[relation] = version
    text = json.dumps([validation_code_digest(), suite.digest(), versions], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def carried(
    con: duckdb.DuckDBPyConnection, suite: Suite, inputs: str, *, run_id: str
) -> tuple[str, list[Outcome]] | None:
    """(run validated in, outcomes) appended again under `run_id`, or None: validate."""
    con.execute(DDL)
    last = con.execute(
        "select inputs, passed, validated_in_run_id, run_id from audit.check_inputs"
        " where suite = ? order by checked_at desc limit 1",
        [suite.relation],
    ).fetchone()
    if last is None or last[0] != inputs or not last[1]:
        return None
    validated_in, recorded_under = last[2], last[3]
    rows = con.execute(
        "select batch, expectation, column_name, success, is_critical, observed_value,"
        " unexpected_count, unexpected_sample, kwargs from audit.check_results"
        " where suite = ? and run_id = ? and engine = 'great_expectations'",
        [suite.relation, recorded_under],
    ).fetchall()
    if not rows or not all(row[3] for row in rows):
        return None
    outcomes = [_outcome(suite, row) for row in rows]
    audit.append(con, outcomes, run_id=run_id)
    remember(con, suite, inputs, run_id=run_id, passed=True, validated_in=validated_in)
    return validated_in, outcomes


def remember(
    con: duckdb.DuckDBPyConnection,
    suite: Suite,
    inputs: str | None,
    *,
    run_id: str,
    passed: bool,
    validated_in: str | None = None,
) -> None:
    """What this run's outcomes of the suite were a function of (nothing kept if unknown)."""
    con.execute(DDL)
    if inputs is None:
        return
    con.execute(
        "insert into audit.check_inputs values (?, ?, ?, ?, ?, ?)",
        [datetime.now(UTC), run_id, suite.relation, inputs, passed, validated_in or run_id],
    )


def _outcome(suite: Suite, row: tuple) -> Outcome:
    batch, expectation, column, success, critical, observed, count, sample, kwargs = row
    return Outcome(
        suite=suite.relation,
        batch=batch,
        expectation=expectation,
        column=column,
        success=success,
        observed_value=observed,
        unexpected_count=count,
        unexpected_sample=json.loads(sample) if sample else [],
        kwargs=json.loads(kwargs) if kwargs else {},
        blocking=critical,
    )


def forced(run_config: Mapping[str, Any]) -> bool:
    """A forced refresh (`egov refresh --force`) validates every suite again."""
    ops = (run_config or {}).get("ops") or {}
    return any(bool(((op or {}).get("config") or {}).get("force")) for op in ops.values())

"""A payload is validated before it replaces its raw table, so a bad one never feeds the marts.

The raw asset loads the parsed payload into `raw.<dataset>__incoming`, beside the table as
last loaded, and runs the dataset's suite on it (the declared rules and the suite file's own,
see suites.py), GX inside DuckDB. The suite's batches name the payload `{{ payload }}` and
the table as last loaded `{{ previous }}` (the payload itself on a first load, so a
comparison with the past passes vacuously), and may use the suite parameters

* `payload_date`: the day the payload was fetched (no observation may come after it);
* `previous_row_count`: rows of the table as last loaded (the payload's own on a first load).

If no blocking expectation fails, the payload replaces the table (drop and rename, in one
transaction: a rename costs nothing at any size); otherwise the incoming table is dropped, the
payload stays in landing/, and `Rejected` carries the one-paragraph message the raw asset
fails with. Every outcome reaches audit.check_results either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from dagster_project.core.duckdb_io import quote_ident, table_exists
from dagster_project.quality import audit
from dagster_project.quality.gx_runner import Outcome, run_suite
from dagster_project.quality.suites import Suite

SCHEMA = "raw"
INCOMING = "__incoming"
SHOWN = 3  # failed expectations spelled out in a message; the rest are counted


class Rejected(Exception):
    """A payload that failed a blocking expectation; the message names file, row and column."""

    def __init__(self, message: str, outcomes: Sequence[Outcome]) -> None:
        super().__init__(message)
        self.message = message
        self.outcomes = list(outcomes)


def incoming_table(dataset: str) -> str:
    return f"{dataset}{INCOMING}"


def _relation(table: str) -> str:
    return f"{quote_ident(SCHEMA)}.{quote_ident(table)}"


def discard(con: duckdb.DuckDBPyConnection, dataset: str) -> None:
    """Drop a payload left incoming (also the leftover of a killed run, before it is published)."""
    con.execute(f"drop table if exists {_relation(incoming_table(dataset))}")


def _fetched_on(fetched_at: str) -> date:
    try:
        return datetime.fromisoformat(fetched_at).date()
    except ValueError:
        return date.today()


def validate(
    con: duckdb.DuckDBPyConnection,
    dataset: str,
    suite: Suite,
    *,
    run_id: str,
    fetched_at: str,
    docs_dir: Path | None = None,
) -> list[Outcome]:
    """Run the suite on the incoming payload and append every outcome to the audit table."""
    incoming = _relation(incoming_table(dataset))
    previous = _relation(dataset) if table_exists(con, SCHEMA, dataset) else incoming
    rows = int(con.execute(f"select count(*) from {previous}").fetchone()[0])
    outcomes = run_suite(
        suite,
        con,
        run_id=run_id,
        relations={"payload": incoming, "previous": previous},
        parameters={"payload_date": _fetched_on(fetched_at), "previous_row_count": rows},
        docs_dir=docs_dir,
    )
    audit.append(con, outcomes, run_id=run_id)
    return outcomes


def swap_in(con: duckdb.DuckDBPyConnection, dataset: str) -> None:
    """The validated payload becomes raw.<dataset> (readers of the build see one or the other)."""
    con.execute("begin transaction")
    try:
        con.execute(f"drop table if exists {_relation(dataset)}")
        con.execute(
            f"alter table {_relation(incoming_table(dataset))} rename to {quote_ident(dataset)}"
        )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def blocking_failures(outcomes: Sequence[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if o.blocking and not o.success]


def rejection(dataset: str, files: Sequence[str], failed: Sequence[Outcome], landed: Path) -> str:
    """One paragraph: what was refused, where in the file, and what happens meanwhile."""
    parts = [_describe(o, files) for o in failed[:SHOWN]]
    more = len(failed) - SHOWN
    if more > 0:
        parts.append(f"and {more} more failed expectation(s)")
    return (
        f"raw.{dataset}: payload rejected, nothing loaded: {'; '.join(parts)}. "
        f"The payload stays in {landed}; the previous payload of {dataset} keeps feeding the "
        "marts until a corrected file arrives."
    )


def _describe(outcome: Outcome, files: Sequence[str]) -> str:
    where = _where(outcome.unexpected_rows[0] if outcome.unexpected_rows else {}, files, outcome)
    what = _rule(outcome)
    found = ""
    if outcome.unexpected_sample:
        found = f" (found {outcome.unexpected_sample[0]}"
        found += f"; {outcome.unexpected_count} row(s) in all)" if outcome.unexpected_count else ")"
    elif outcome.observed_value is not None:
        found = f" (observed {outcome.observed_value})"
    return f"{where}: {what}{found}"


def _where(row: dict[str, Any], files: Sequence[str], outcome: Outcome) -> str:
    file = row.get("source_file") or (files[0] if len(files) == 1 else ", ".join(files))
    where = [f"file {file}"]
    if row.get("source_row") is not None:
        where.append(f"row {row['source_row']}")
    column = row.get("source_column") or outcome.column
    if column:
        where.append(f"column {column}")
    return ", ".join(where)


def _rule(outcome: Outcome) -> str:
    kwargs = outcome.kwargs
    label = outcome.expectation.removeprefix("expect_").replace("_", " ")
    if outcome.expectation == "unexpected_rows_expectation":
        label = outcome.description or "rows that must not exist"
    bounds = [f"{k}={_short(kwargs[k])}" for k in ("min_value", "max_value") if k in kwargs]
    if "regex" in kwargs:
        bounds.append(f"regex {kwargs['regex']}")
    if "value_set" in kwargs:
        bounds.append(f"set {kwargs['value_set']}")
    batch = "" if outcome.batch == "all" else f" [{outcome.batch}]"
    subject = f"{outcome.column} " if outcome.column else ""
    return f"{subject}{label}{' ' + ', '.join(bounds) if bounds else ''}{batch}"


def _short(value: Any) -> str:
    if isinstance(value, dict) and "$PARAMETER" in value:
        return str(value["$PARAMETER"])
    return f"{value:g}" if isinstance(value, float) else str(value)

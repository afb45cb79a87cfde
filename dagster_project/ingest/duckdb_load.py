"""Payloads DuckDB reads itself: what a parser returns instead of a frame for large files.

A parser that returns a `DuckDBLoad` hands over a SELECT (a table macro of its own `.sql`
file) instead of rows: `load_payload` runs it as `create or replace table <target> as …`
(then `insert into` for further files) inside one transaction, after the parser's
`validate` pass. The declared key and plausible ranges are then checked by the dataset's
suite, in DuckDB, like every payload's (quality/payload.py). Bad input leaves as InputError
naming dataset, file, row and column; DuckDB's own reading errors (field count, encoding,
quoting) are mapped to InputError with the line DuckDB reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from dagster_project.core.duckdb_io import quote_ident
from dagster_project.core.errors import InputError
from dagster_project.landing.declarations import DatasetSpec

_LINE = re.compile(r"CSV Error on Line: (\d+)")
_FOUND = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")
_REASONS = ("Expected Number of Columns", "unterminated quote", "Invalid unicode", "line size")
# Errors that come from the bytes of the file, not from the platform.
INPUT_ERRORS = (duckdb.InvalidInputException, duckdb.ConversionException)


@dataclass(frozen=True)
class Validated:
    """What a load's validation pass found: rows left out on purpose, and further parameters
    of the select (e.g. a lookup built from the values the pass saw)."""

    dropped_rows: int = 0
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DuckDBLoad:
    """One file, loaded by the table macro `relation` (created by `setup_sql`) with `params`.

    `validate(con)` runs before the rows are selected: it raises InputError for the first
    bad row, counts the rows the parser leaves out on purpose and may add parameters.
    """

    file: Path
    raw_columns: tuple[str, ...]
    setup_sql: str
    relation: str
    params: dict[str, Any]
    validate: Callable[[duckdb.DuckDBPyConnection], Validated] | None = None
    extra_columns: tuple[str, ...] = ()

    def select_sql(self, params: dict[str, Any]) -> str:
        arguments = ", ".join(f"${name}" for name in params)
        return f"select * from {self.relation}({arguments})"


@dataclass(frozen=True)
class DuckDBPayload:
    """Every file of a payload, in file-name order."""

    parts: tuple[DuckDBLoad, ...]

    @property
    def files(self) -> list[str]:
        return [part.file.name for part in self.parts]


def reading_error(exc: duckdb.Error, part: DuckDBLoad) -> InputError:
    """DuckDB's reason, with the line it names (and the column, for a short row)."""
    lines = [line.strip() for line in str(exc).split("\n") if line.strip()]
    reason = next((line for line in lines if any(r in line for r in _REASONS)), lines[0])
    line = _LINE.search(str(exc))
    column = None
    found = _FOUND.search(reason)
    if found:
        expected, fields = int(found.group(1)), int(found.group(2))
        reason = f"row has {fields} fields but the header has {expected} (line cut off or shifted)"
        column = part.raw_columns[fields] if fields < len(part.raw_columns) else None
    return InputError(
        reason, file=part.file.name, row=int(line.group(1)) if line else None, column=column
    )


def _load_part(
    con: duckdb.DuckDBPyConnection, target: str, part: DuckDBLoad, *, first: bool
) -> int:
    verb = f"create or replace table {target} as" if first else f"insert into {target}"
    try:
        con.execute(part.setup_sql)
        validated = part.validate(con) if part.validate else Validated()
        params = {**part.params, **validated.params}
        con.execute(f"{verb} {part.select_sql(params)}", params)
    except InputError as exc:
        raise exc.with_context(file=part.file.name) from exc
    except INPUT_ERRORS as exc:
        raise reading_error(exc, part) from exc
    return validated.dropped_rows


def load_payload(
    con: duckdb.DuckDBPyConnection,
    spec: DatasetSpec,
    payload: DuckDBPayload,
    schema: str = "raw",
    table: str | None = None,
) -> tuple[int, int]:
    """Replace `<schema>.<table>` (default: the dataset's name) in one transaction; returns
    (rows loaded, rows left out)."""
    target = f"{quote_ident(schema)}.{quote_ident(table or spec.name)}"
    con.execute("begin transaction")
    try:
        con.execute(f"create schema if not exists {quote_ident(schema)}")
        dropped = 0
        for index, part in enumerate(payload.parts):
            dropped += _load_part(con, target, part, first=index == 0)
        rows = int(con.execute(f"select count(*) from {target}").fetchone()[0])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return rows, dropped

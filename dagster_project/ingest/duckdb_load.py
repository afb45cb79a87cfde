"""Payloads DuckDB reads itself: what a parser returns instead of a frame for large files.

A parser that returns a `DuckDBLoad` hands over a SELECT (a table macro of its own `.sql`
file) instead of rows: `load_payload` runs it as `create or replace table raw.<dataset> as …`
(then `insert into` for further files) inside one transaction, after the parser's
`validate` pass, and checks the declared key and plausible ranges in SQL before the commit.
Bad input leaves as InputError naming dataset, file, row and column, and leaves the previous
table untouched; DuckDB's own reading errors (field count, encoding, quoting) are mapped to
InputError with the line DuckDB reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from dagster_project.core.duckdb_io import quote_ident
from dagster_project.core.errors import InputError
from dagster_project.landing.declarations import DatasetSpec

CHECKS_SQL = Path(__file__).with_suffix(".sql")
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


@cache
def _checks() -> dict[str, str]:
    """The named queries of duckdb_load.sql (`-- name: <query>` starts each)."""
    text = CHECKS_SQL.read_text(encoding="utf-8")
    queries = {}
    for block in text.split("-- name: ")[1:]:
        name, _, body = block.partition("\n")
        queries[name.strip()] = body.strip()
    return queries


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


def check_key(con: duckdb.DuckDBPyConnection, spec: DatasetSpec, target: str) -> None:
    """A repeated key is an InputError naming its second occurrence (as contract.check_key)."""
    key = list(spec.options.get("key") or [])
    if not key:
        return
    columns = ", ".join(quote_ident(k) for k in key)
    queries = _checks()
    if not con.execute(queries["any_repeated_key"].format(key=columns, target=target)).fetchone():
        return
    row = con.execute(queries["second_occurrence"].format(key=columns, target=target)).fetchone()
    file, source_row, *values = row
    described = ", ".join(f"{k}={v}" for k, v in zip(key, values, strict=True))
    raise InputError(
        f"duplicated key ({described})",
        dataset=spec.name,
        file=file,
        row=source_row,
        column=key[0],
    )


def check_plausible(con: duckdb.DuckDBPyConnection, spec: DatasetSpec, target: str) -> None:
    """A value outside its declared range names its row (as contract.check_plausible)."""
    columns = {c for (c,) in con.execute(f"select column_name from (describe {target})").fetchall()}
    for name, bounds in (spec.options.get("plausible") or {}).items():
        low, high = (float(bound) for bound in bounds)
        params: dict[str, Any] = {"low": low, "high": high}
        if {"indicator", "value"} <= columns:
            value, where = "value", "indicator = $indicator"
            params["indicator"] = name
        elif name in columns:
            value, where = quote_ident(name), "true"
        else:
            raise ValueError(f"{spec.name}: plausible range for unknown {name!r}")
        query = _checks()["outside_range"].format(value=value, filter=where, target=target)
        row = con.execute(query, params).fetchone()
        if row is not None:
            file, source_row, found = row
            raise InputError(
                f"{name} = {found:g} outside the plausible range [{low:g}, {high:g}] "
                "(wrong unit or magnitude?)",
                dataset=spec.name,
                file=file,
                row=source_row,
                column=name,
            )


def load_payload(
    con: duckdb.DuckDBPyConnection, spec: DatasetSpec, payload: DuckDBPayload, schema: str = "raw"
) -> tuple[int, int]:
    """Replace `<schema>.<dataset>` in one transaction; returns (rows loaded, rows left out)."""
    target = f"{quote_ident(schema)}.{quote_ident(spec.name)}"
    con.execute("begin transaction")
    try:
        con.execute(f"create schema if not exists {quote_ident(schema)}")
        dropped = 0
        for index, part in enumerate(payload.parts):
            dropped += _load_part(con, target, part, first=index == 0)
        check_key(con, spec, target)
        check_plausible(con, spec, target)
        rows = int(con.execute(f"select count(*) from {target}").fetchone()[0])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return rows, dropped

"""The CSV form of the procurement-intentions customer view, read by DuckDB itself.

A live scrape of millions of rows cannot go through openpyxl and pandas. A `.csv` dropped
into the dataset's inbox carries the 9 columns of the sheet (序号, 分类1, 分类2, 地市, 客户名称,
项目名称, 金额 in 万元, 预计时间 as YYYY年MM月, link), UTF-8, comma-separated, a header line
first. DuckDB reads every column as VARCHAR and ccgp_shandong_csv.sql applies the rules of
the xlsx parser (ccgp_shandong.py): scraped sub-table headers are dropped, shifted sub-table
rows are realigned and merged into the projects of their notice, budgets become CNY, months
dates, region names GB/T 2260 codes. The output has the xlsx parser's columns and types.

`source_row` is the record number with the header as record 1: the sheet's row number for a
sheet saved as CSV (and the line number unless a quoted cell spans lines).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import duckdb

from dagster_project.core.errors import InputError
from dagster_project.ingest.duckdb_load import DuckDBLoad, Validated
from dagster_project.ingest.parsers import ccgp_common as common

SQL = Path(__file__).with_suffix(".sql")
STAGE = (
    "insert into _ccgp_intentions_lines by name "
    "select * from ccgp_intentions_csv_lines($csv_file, $csv_columns)"
)
DIAGNOSIS = "select * from ccgp_intentions_csv_diagnosis()"
REQUIRED = ["分类2", "地市", "客户名称", "项目名称", "金额", "预计时间", "link"]


@cache
def _setup_sql() -> str:
    return SQL.read_text(encoding="utf-8")


def read_header(path: Path) -> list[str]:
    """The first line, as written (a UTF-8 byte-order mark is ignored)."""
    with path.open("rb") as handle:
        first = handle.readline()
    try:
        header = next(csv.reader([first.decode("utf-8-sig")]), [])
    except UnicodeDecodeError as exc:
        raise InputError(f"header is not UTF-8: {exc.reason}", file=path.name, row=1) from exc
    header = [name.strip() for name in header]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise InputError(f"no header row with {REQUIRED}", file=path.name, row=1, column=missing[0])
    return header


def load_intentions_csv(path: Path) -> DuckDBLoad:
    """A DuckDB load of one CSV file; rows are checked in SQL before anything is replaced."""
    header = read_header(path)
    columns = {name: "VARCHAR" for name in header}
    if len(columns) != len(header):
        raise InputError("repeated column names in the header", file=path.name, row=1)
    return DuckDBLoad(
        file=path,
        raw_columns=tuple(header),
        setup_sql=_setup_sql(),
        relation="ccgp_intentions_csv_rows",
        params={"file_name": path.name},
        validate=lambda con: _validate(con, path, columns),
    )


def _validate(con: duckdb.DuckDBPyConnection, path: Path, columns: dict[str, str]) -> Validated:
    """Stage the file's lines (one parse), then raise for the first row the xlsx parser would
    refuse, map the region names found and count the rows left out on purpose."""
    con.execute(STAGE, {"csv_file": str(path), "csv_columns": columns})
    groups = con.execute(DIAGNOSIS).fetchall()
    codes: dict[str, str] = {}
    problems: list[tuple[int, int, InputError]] = []
    for name, first_project, problem_row, problem, value, _ in groups:
        if first_project is not None:
            try:
                codes[name] = common.region(name, file=path.name, row=first_project, column="地市")
            except InputError as exc:
                problems.append((first_project, 0, exc))
        if problem_row is not None:
            problems.append((problem_row, 1, _problem(problem, value, path.name, problem_row)))
    if problems:
        raise min(problems, key=lambda p: (p[0], p[1]))[2]
    dropped = sum(group[-1] for group in groups)
    return Validated(dropped, {"region_names": list(codes), "region_codes": list(codes.values())})


def _problem(kind: str, value: str | None, file: str, row: int) -> InputError:
    """The xlsx parser's message for the same cell."""
    if kind == "amount":
        message, column = f"金额 {value!r} is neither a budget nor a 是/否 flag", "金额"
    else:
        message, column = f"{value!r} is not a month (YYYY年MM月)", "预计时间"
    return InputError(message, file=file, row=row, column=column)

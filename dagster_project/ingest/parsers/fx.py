"""Parsers for the CNY exchange-rate series: ECB euro reference rates and FRED DEXCHUS.

* ECB `eurofxref-hist.csv`: one row per TARGET business day, newest first, units of each
  currency per 1 EUR, `N/A` where a currency is not quoted (CNY before 2005-04-01), and a
  header ending in a comma (an empty 43rd column). CNY per USD = CNY / USD.
* FRED DEXCHUS: CNY per 1 USD (noon buying rate in New York), one row per US business day;
  US holidays have no value (empty, or `.` in older downloads) and are skipped and listed
  in `frame.attrs["dropped_rows"]`.

Both files are full histories, so their first date is known; a later first date means the
file was cut off.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.catalog import register
from dagster_project.ingest.parsers.cells import Rows, parse_number, read_rows
from dagster_project.ingest.parsers.tabular import require_columns

ECB_FIRST_DATE = date(1999, 1, 4)  # the euro's first trading day
FRED_FIRST_DATE = date(1981, 1, 2)
# Older downloads say DATE; fredgraph.csv has said observation_date since 2024.
FRED_DATE_HEADERS = ("DATE", "observation_date")
ECB_COLUMNS = ["rate_date", "usd_per_eur", "cny_per_eur", "cny_per_usd", "source_row"]
FRED_COLUMNS = ["rate_date", "cny_per_usd", "source_row"]


@register("ecb.eurofxref", columns=ECB_COLUMNS)
def parse_ecb_eurofxref(path: Path, encoding: str = "utf-8") -> pd.DataFrame:
    """One row per ECB business day: USD and CNY per EUR and the implied CNY per USD."""
    table = read_rows(path, encoding)
    frame = _frame(table)
    require_columns(frame, ["Date", "USD", "CNY"], path)
    records = []
    for number, row in zip(frame.index, frame.itertuples(index=False), strict=True):
        rate_date = _date(row.Date, table.file, number, "Date")
        usd = parse_number(row.USD, file=table.file, row=number, column="USD", missing=("N/A", ""))
        cny = parse_number(row.CNY, file=table.file, row=number, column="CNY", missing=("N/A", ""))
        implied = cny / usd if cny is not None and usd else None
        records.append((rate_date, usd, cny, implied, number))
    result = pd.DataFrame.from_records(records, columns=ECB_COLUMNS)
    _require_history(result, ECB_FIRST_DATE, table.file)
    return _typed(result, table)


@register("fred.dexchus", columns=FRED_COLUMNS)
def parse_fred_dexchus(path: Path, encoding: str = "utf-8") -> pd.DataFrame:
    """One row per US business day with a published CNY per USD; holidays are skipped."""
    table = read_rows(path, encoding)
    frame = _frame(table)
    require_columns(frame, ["DEXCHUS"], path)
    date_column = frame.columns[0]
    if date_column not in FRED_DATE_HEADERS:
        raise InputError(
            f"first column {date_column!r} is not one of {FRED_DATE_HEADERS}",
            file=table.file,
            row=1,
            column=date_column,
        )
    records, skipped = [], []
    for number, raw_date, raw_rate in zip(
        frame.index, frame[date_column], frame["DEXCHUS"], strict=True
    ):
        rate_date = _date(raw_date, table.file, number, date_column)
        rate = parse_number(
            raw_rate, file=table.file, row=number, column="DEXCHUS", missing=("", ".")
        )
        if rate is None:
            skipped.append({"source_row": number, "reason": f"no rate on {rate_date} (US holiday)"})
            continue
        records.append((rate_date, rate, number))
    result = pd.DataFrame.from_records(records, columns=FRED_COLUMNS)
    _require_history(result, FRED_FIRST_DATE, table.file)
    result = _typed(result, table)
    result.attrs["dropped_rows"] = skipped
    return result


def _frame(table: Rows) -> pd.DataFrame:
    """Rows as strings indexed by line number; the ECB's unnamed trailing column is dropped."""
    names = [name for name in table.header if name]
    width = len(names)
    data = [cells[:width] for _, cells in table.rows]
    return pd.DataFrame(data, columns=names, index=[number for number, _ in table.rows])


def _date(raw: str, file: str, row: int, column: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InputError(
            f"{raw!r} is not a date (YYYY-MM-DD)", file=file, row=row, column=column
        ) from None


def _require_history(frame: pd.DataFrame, first: date, file: str) -> None:
    if frame.empty or frame["rate_date"].min() > first:
        found = None if frame.empty else frame["rate_date"].min()
        raise InputError(
            f"history starts {found}, expected {first}: the file is truncated", file=file
        )


def _typed(frame: pd.DataFrame, table: Rows) -> pd.DataFrame:
    frame = frame.astype({"source_row": "int64"})
    for column in frame.columns.drop(["rate_date", "source_row"]):
        frame[column] = frame[column].astype("float64")
    frame.attrs["raw_columns"] = [name for name in table.header if name]
    return frame

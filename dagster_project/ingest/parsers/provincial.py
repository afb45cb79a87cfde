"""The long format every provincial statistic is landed in, and the checks it must pass.

One row per (region_code, year, indicator) with the value converted to a canonical unit
(亿元 → CNY ×1e8, 万人 → persons ×1e4), the name as spelled in the file, the vintage, and
the line and column it came from, so any number in the warehouse can be traced to its cell.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.cells import parse_number
from dagster_project.ingest.parsers.crosswalk import mainland_province_codes, province_code

COLUMNS = [
    "region_code",
    "region_name_raw",
    "year",
    "indicator",
    "value",
    "unit",
    "vintage",
    "source_row",
    "source_column",
]
# File unit → (canonical unit, factor). A unit outside this table is refused: guessing a
# magnitude is how 元 ends up summed with 亿元.
UNITS = {
    "亿元": ("CNY", 1e8),
    "万人": ("persons", 1e4),
    "元/人": ("CNY_per_person", 1.0),
    "上年=100": ("index_prev_year_100", 1.0),
}


@dataclass(frozen=True)
class Measure:
    """An indicator and the unit the file states it in."""

    indicator: str
    file_unit: str


@dataclass(frozen=True)
class Cell:
    """One value cell of a wide provincial table."""

    row: int
    region: str
    column: str
    year: int
    measure: Measure
    raw: object


def canonical_unit(file_unit: str, *, file: str, column: str) -> tuple[str, float]:
    if file_unit not in UNITS:
        raise InputError(f"unknown unit {file_unit!r}", file=file, column=column)
    return UNITS[file_unit]


def scale(value: float, factor: float) -> float:
    """value × factor computed in decimal, so 40.8 亿元 is 4,080,000,000 CNY, not …999.9995."""
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def cells_to_frame(
    cells: Iterable[Cell],
    *,
    vintage: str,
    file: str,
    region_column: str,
    raw_columns: list[str],
) -> pd.DataFrame:
    """Convert, map names to codes and check completeness; an empty column is skipped.

    `raw_columns` (the header as found) is kept in `frame.attrs` for the drift check.
    A column with no value at all is a year NBS has not published yet (2025年 in an export
    taken early in 2026) and yields no rows; a column with only some values is an error.
    """
    by_column: dict[tuple[str, str], list[tuple[Cell, float | None]]] = defaultdict(list)
    for cell in cells:
        value = parse_number(cell.raw, file=file, row=cell.row, column=cell.column)
        by_column[(cell.column, cell.measure.indicator)].append((cell, value))
    records = []
    for (column, _), entries in by_column.items():
        if all(value is None for _, value in entries):
            continue
        for cell, value in entries:
            if value is None:
                raise InputError(
                    "empty value in a published column", file=file, row=cell.row, column=column
                )
            unit, factor = canonical_unit(cell.measure.file_unit, file=file, column=column)
            code = province_code(cell.region, file=file, row=cell.row, column=region_column)
            records.append(
                (
                    code,
                    cell.region,
                    cell.year,
                    cell.measure.indicator,
                    scale(value, factor),
                    unit,
                    vintage,
                    cell.row,
                    column,
                )
            )
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    require_all_provinces(frame, file)
    frame = frame.astype({"year": "int64", "value": "float64", "source_row": "int64"})
    frame.attrs["raw_columns"] = list(raw_columns)
    return frame


def require_all_provinces(frame: pd.DataFrame, file: str) -> None:
    """Each (indicator, year) must cover the 31 mainland provinces: fewer means truncation."""
    if frame.empty:
        raise InputError("no values found", file=file)
    expected = mainland_province_codes()
    for (indicator, year), group in frame.groupby(["indicator", "year"]):
        missing = expected - set(group["region_code"])
        if missing:
            raise InputError(
                f"{len(expected) - len(missing)} of {len(expected)} provinces for "
                f"{indicator} {year}; missing {sorted(missing)} (truncated file?)",
                file=file,
                column=str(group["source_column"].iloc[0]),
            )

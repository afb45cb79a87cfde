"""Parsers for the NBS provincial files that are not fsnd CSV exports.

* `parse_budget_expenditure`: an Excel 97 workbook (一般公共预算等.xls) whose first sheet has
  a year row (2005…2024) and two indicator blocks of 31 provinces with short names: 一般公共
  预算支出 for 2007 on and, for 2005–2006, 财政支出, the label before the 2007 reform of the
  budget classification (kept as its own indicator, `fiscal_expenditure`). The database
  export appends a stray `i` to the labels; the label cell sits in one of two columns.
* `parse_population_en`: the English "Annual by Province" export with its header rows
  removed: `Region, 2020 … 2000`, English province names, 万人.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.catalog import register
from dagster_project.ingest.parsers.cells import parse_year, read_rows
from dagster_project.ingest.parsers.provincial import COLUMNS, Cell, Measure, cells_to_frame

VINTAGE_BUDGET = "nbs_as_published"
VINTAGE_POPULATION_EN = "nbs_7th_census_basis"
_BUDGET_LABEL = re.compile(r"(?P<name>[^（(]+)[（(](?P<unit>[^）)]+)[）)]\s*i?")
BUDGET_INDICATORS = {"一般公共预算支出": "budget_expenditure", "财政支出": "fiscal_expenditure"}


@register("nbs.budget_expenditure", columns=COLUMNS)
def parse_budget_expenditure(path: Path) -> pd.DataFrame:
    """General public budget expenditure by province and year (亿元 → CNY)."""
    grid = _read_first_sheet(path)
    header_index, year_columns = _year_row(grid, path.name)
    first_year_column = min(year_columns)
    cells = []
    for index in range(header_index + 1, len(grid)):
        row = grid[index]
        if all(value in ("", None) for value in row):
            continue
        measure = _row_measure(row[:first_year_column], path.name, index + 1)
        region = str(row[first_year_column - 1]).strip()
        for column, year in year_columns.items():
            cells.append(Cell(index + 1, region, str(year), year, measure, row[column]))
    raw_columns = [str(year) for year in year_columns.values()]
    return cells_to_frame(
        cells,
        vintage=VINTAGE_BUDGET,
        file=path.name,
        region_column="地区",
        raw_columns=raw_columns,
    )


@register("nbs.population_en", columns=COLUMNS)
def parse_population_en(path: Path, encoding: str = "utf-8") -> pd.DataFrame:
    """Year-end resident population by province (万人 → persons), English province names."""
    table = read_rows(path, encoding)
    if table.header[:1] != ["Region"]:
        raise InputError("first column is not Region", file=path.name, row=1, column="Region")
    years = [parse_year(label, file=path.name) for label in table.header[1:]]
    measure = Measure("population", "万人")
    cells = [
        Cell(number, cells[0], label, year, measure, raw)
        for number, cells in table.rows
        for label, year, raw in zip(table.header[1:], years, cells[1:], strict=True)
    ]
    return cells_to_frame(
        cells,
        vintage=VINTAGE_POPULATION_EN,
        file=path.name,
        region_column="Region",
        raw_columns=table.header,
    )


def _read_first_sheet(path: Path) -> list[list[object]]:
    import xlrd  # only this parser reads .xls

    try:
        sheet = xlrd.open_workbook(str(path)).sheet_by_index(0)
    except (xlrd.XLRDError, OSError, ValueError, AssertionError, IndexError) as exc:
        raise InputError(f"not a readable .xls workbook: {exc}", file=path.name) from exc
    return [sheet.row_values(index) for index in range(sheet.nrows)]


def _year_row(grid: list[list[object]], file: str) -> tuple[int, dict[int, int]]:
    """The first row holding at least five year numbers, and its column → year map."""
    for index, row in enumerate(grid):
        years = {
            column: int(value)
            for column, value in enumerate(row)
            if isinstance(value, float) and value.is_integer() and 1949 < value < 2100
        }
        if len(years) >= 5:
            return index, years
    raise InputError("no row of years found", file=file)


def _row_measure(cells: list[object], file: str, row: int) -> Measure:
    """The indicator label of a data row; its unit must be stated (亿元)."""
    for cell in cells:
        match = _BUDGET_LABEL.fullmatch(str(cell).strip())
        if match and match["name"].strip() in BUDGET_INDICATORS:
            return Measure(BUDGET_INDICATORS[match["name"].strip()], match["unit"].strip())
    raise InputError(f"no known indicator label in {cells!r}", file=file, row=row)

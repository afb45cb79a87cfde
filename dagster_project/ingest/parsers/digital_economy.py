"""Parsers for the provincial digital-economy panel and its indicator system (two .xlsx).

The panel (`parse_panel`) is wide: three header rows (categories, then `year, id, province`
and 24 indicator labels with their units), one row per province and year. It lands long, one
row per province × year × indicator, in canonical units, with two marks that never change a
value: `indicator_caveat` (a defect of the whole indicator, digital_economy_indicators.py)
and `value_flag` (`not_reported` for an empty cell, `spike` for a value SPIKE_RATIO times
above or below both neighbouring years). `parse_indicator_system` reads the companion sheet
naming each indicator's category and publisher.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.catalog import register
from dagster_project.ingest.parsers.cells import parse_number, parse_year
from dagster_project.ingest.parsers.crosswalk import mainland_province_codes, province_code
from dagster_project.ingest.parsers.digital_economy_indicators import INDICATORS
from dagster_project.ingest.parsers.provincial import scale
from dagster_project.ingest.parsers.spikes import flag_spikes

PANEL_COLUMNS = [
    "region_code",
    "region_name_raw",
    "year",
    "indicator",
    "value",
    "unit",
    "indicator_caveat",
    "value_flag",
    "source_row",
    "source_column",
]
_PANEL_KEYS = ["year", "id", "province"]
SYSTEM_HEADER = [
    "Primary Category",
    "Secondary Category",
    "third measurement indicator",
    "data sources",
    "expectation",
]
SYSTEM_COLUMNS = [
    "indicator",
    "indicator_label",
    "label_annotation",
    "primary_category",
    "secondary_category",
    "data_source",
    "expected_sign",
    "source_row",
]
# A trailing multiplier note on a label ("(%)x10") is not part of the label.
_ANNOTATED = re.compile(r"(?P<label>.*?)\s*(?P<note>x\d+)?")


@register("digital_economy.panel", columns=PANEL_COLUMNS)
def parse_panel(path: Path) -> pd.DataFrame:
    """One row per province, year and indicator (value NULL where the cell is empty)."""
    _, header, rows = _read_grid(path, lambda cells: cells[:3] == _PANEL_KEYS)
    labels = {column: label for column, label in enumerate(header) if label in INDICATORS}
    records = []
    for number, cells in rows:
        year = _year(cells[0], path.name, number)
        code = _checked_code(cells[1], cells[2], path.name, number)
        for column, label in labels.items():
            indicator = INDICATORS[label]
            raw = parse_number(cells[column], file=path.name, row=number, column=label)
            value = None if raw is None else scale(raw, indicator.factor)
            flag = "not_reported" if raw is None else None
            records.append(
                (code, cells[2], year, indicator.indicator_id, value, indicator.unit,
                 indicator.caveat, flag, number, label)
            )  # fmt: skip
    frame = pd.DataFrame.from_records(records, columns=PANEL_COLUMNS)
    _require_every_province(frame, path.name)
    frame = flag_spikes(frame)
    frame = frame.astype({"year": "int64", "value": "float64", "source_row": "int64"})
    frame.attrs["raw_columns"] = [label for label in header if label]
    return frame


@register("digital_economy.indicator_system", columns=SYSTEM_COLUMNS)
def parse_indicator_system(path: Path) -> pd.DataFrame:
    """One row per indicator: categories (merged cells read down), publisher, expected sign."""
    _, header, rows = _read_grid(path, lambda cells: cells[:5] == SYSTEM_HEADER)
    records, primary, secondary = [], None, None
    for number, cells in rows:
        primary = cells[0] or primary
        secondary = cells[1] or secondary
        match = _ANNOTATED.fullmatch(str(cells[2] or "").strip())
        label = match["label"] if match else ""
        if label not in INDICATORS:
            raise InputError(
                f"unknown indicator {cells[2]!r}", file=path.name, row=number, column=header[2]
            )
        records.append(
            (INDICATORS[label].indicator_id, label, match["note"], primary, secondary,
             str(cells[3] or "").strip(), str(cells[4] or "").strip(), number)
        )  # fmt: skip
    frame = pd.DataFrame.from_records(records, columns=SYSTEM_COLUMNS)
    frame = frame.astype({"source_row": "int64"})
    frame.attrs["raw_columns"] = [label for label in header if label]
    return frame


def _read_grid(path: Path, is_header) -> tuple[int, list[str], list[tuple[int, list]]]:
    """The first sheet: the header row (found by `is_header`) and the non-empty rows below,
    with their Excel row numbers. Formula cells give their cached values."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError) as exc:
        raise InputError(f"not a readable .xlsx workbook: {exc}", file=path.name) from exc
    try:
        grid = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()
    for index, cells in enumerate(grid):
        header = [str(cell).strip() if cell is not None else "" for cell in cells]
        if is_header(header):
            body = [
                (number, cells + [None] * (len(header) - len(cells)))
                for number, cells in enumerate(grid[index + 1 :], start=index + 2)
                if any(cell not in (None, "") for cell in cells)
            ]
            return index + 1, header, body
    raise InputError("header row not found", file=path.name)


def _year(cell: object, file: str, row: int) -> int:
    try:
        return parse_year(cell, file=file, column="year")
    except InputError as exc:
        raise InputError(exc.message, file=file, row=row, column="year") from exc


def _checked_code(printed_id: object, name: object, file: str, row: int) -> str:
    """The printed GB/T 2260 id must be the code of the printed province name."""
    code = province_code(name, file=file, row=row, column="province")
    if str(printed_id).strip().removesuffix(".0") != code:
        raise InputError(
            f"id {printed_id!r} is not the code of {name} ({code})",
            file=file,
            row=row,
            column="id",
        )
    return code


def _require_every_province(frame: pd.DataFrame, file: str) -> None:
    """Every year must list the 31 mainland provinces: fewer means a cut sheet."""
    if frame.empty:
        raise InputError("no data rows", file=file)
    expected = mainland_province_codes()
    for year, group in frame.groupby("year"):
        missing = expected - set(group["region_code"])
        if missing:
            raise InputError(
                f"{len(expected) - len(missing)} of {len(expected)} provinces in {year}; "
                f"missing {sorted(missing)} (truncated sheet?)",
                file=file,
                column="province",
            )

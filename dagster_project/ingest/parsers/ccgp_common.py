"""Shared pieces of the two 山东省政府采购网 procurement-intention parsers.

Both files are raw scraper outputs (.xlsx). Budgets are in 万元 (×1e4 → CNY); the expected
purchase month is written `2026年03月`; the SME set-aside flag is 是/否. Rows are addressed
by their Excel row number (the header is row 1), which is what `source_row` holds.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.cells import parse_number
from dagster_project.ingest.parsers.crosswalk import region_code
from dagster_project.ingest.parsers.provincial import scale

COLUMNS = [
    "notice_url",
    "notice_title",
    "notice_published_at",
    "buyer_name",
    "region_name_raw",
    "region_code",
    "category",
    "item_no",
    "project_title",
    "description",
    "budget_cny",
    "sme_reserved",
    "expected_month",
    "remark",
    "source_row",
]
TEXT_COLUMNS = [
    "notice_url",
    "notice_title",
    "buyer_name",
    "region_name_raw",
    "region_code",
    "category",
    "project_title",
    "description",
    "remark",
]
YES_NO = {"是": True, "否": False}
_MONTH = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月")
WAN_YUAN = 1e4


def read_sheet(path: Path, required: list[str]) -> tuple[list[str], list[tuple[int, list]]]:
    """The header row (the first containing every required label) and the rows below it."""
    try:
        grid = pd.read_excel(path, header=None, dtype=object, engine="openpyxl")
    except (zipfile.BadZipFile, OSError, ValueError, KeyError) as exc:
        raise InputError(f"not a readable .xlsx workbook: {exc}", file=path.name) from exc
    rows = [[_clean(value) for value in row] for row in grid.itertuples(index=False)]
    for index, row in enumerate(rows):
        if all(label in row for label in required):
            header = [str(value or "") for value in row]
            return header, [
                (number + 1, cells) for number, cells in enumerate(rows) if number > index
            ]
    missing = [label for label in required if not any(label in row for row in rows[:1])]
    raise InputError(
        f"no header row with {required}", file=path.name, row=1, column=(missing or [None])[0]
    )


def _clean(value: object) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return value.strip() or None if isinstance(value, str) else value


def is_number(value: object) -> bool:
    try:
        return value is not None and parse_number(value, file="", row=0, column="") is not None
    except InputError:
        return False


def budget_cny(raw: object, *, file: str, row: int, column: str) -> float:
    value = parse_number(raw, file=file, row=row, column=column)
    if value is None:
        raise InputError("budget is empty", file=file, row=row, column=column)
    return scale(value, WAN_YUAN)


def month(raw: object, *, file: str, row: int, column: str) -> date | None:
    """`2026年03月` → 2026-03-01; empty → None."""
    if raw is None:
        return None
    match = _MONTH.fullmatch(str(raw))
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise InputError(f"{raw!r} is not a month (YYYY年MM月)", file=file, row=row, column=column)
    return date(int(match.group(1)), int(match.group(2)), 1)


def yes_no(raw: object, *, file: str, row: int, column: str) -> bool | None:
    if raw is None:
        return None
    if raw not in YES_NO:
        raise InputError(f"{raw!r} is not 是/否", file=file, row=row, column=column)
    return YES_NO[raw]


def region(raw: object, *, file: str, row: int, column: str) -> str:
    return region_code(raw, file=file, row=row, column=column)


def to_frame(records: list[dict], header: list[str], dropped: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    types = {name: "str" for name in TEXT_COLUMNS}
    types.update(budget_cny="float64", sme_reserved="boolean", item_no="Int64", source_row="int64")
    frame = frame.astype(types)
    frame["notice_published_at"] = pd.to_datetime(frame["notice_published_at"])
    frame.attrs["raw_columns"] = [name for name in header if name]
    frame.attrs["dropped_rows"] = dropped
    return frame

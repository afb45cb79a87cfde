"""Checks of a parsed frame against its declaration (sources/<provider>/<dataset>.yml).

* `columns`: the raw header every file must carry. A declared column that is missing or
  renamed is schema drift and an InputError; an extra column is tolerated and reported.
* `options.key`: columns that identify a row; a repeated key is an InputError naming the
  second occurrence.
* `options.plausible`: `{name: [low, high]}` in canonical units, checked row by row. For
  long frames (with `indicator`/`value`) the name is an indicator; otherwise a column. A
  value outside its range is usually a wrong magnitude (元 instead of 亿元).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.landing.declarations import DatasetSpec


def check_columns(spec: DatasetSpec, raw_columns: Sequence[str], file: str) -> list[str]:
    """Missing declared columns raise; the extra columns found are returned."""
    found = [str(name).strip() for name in raw_columns]
    missing = [name for name in spec.columns if name not in found]
    if missing:
        raise InputError(
            f"schema drift: declared column(s) {missing} not found; found {found}",
            dataset=spec.name,
            file=file,
            column=missing[0],
        )
    return [name for name in found if name not in spec.columns]


def check_key(spec: DatasetSpec, frame: pd.DataFrame) -> None:
    key = list(spec.options.get("key") or [])
    if not key or frame.empty:
        return
    repeated = frame[frame.duplicated(subset=key, keep="first")]
    if not repeated.empty:
        row = repeated.iloc[0]
        values = ", ".join(f"{k}={row[k]}" for k in key)
        raise InputError(
            f"duplicated key ({values})",
            dataset=spec.name,
            file=_cell(row, "source_file"),
            row=_row_number(row),
            column=_cell(row, "source_column") or key[0],
        )


def check_plausible(spec: DatasetSpec, frame: pd.DataFrame) -> None:
    for name, bounds in (spec.options.get("plausible") or {}).items():
        low, high = (float(bound) for bound in bounds)
        if "indicator" in frame.columns and "value" in frame.columns:
            rows, column = frame[frame["indicator"] == name], "value"
        elif name in frame.columns:
            rows, column = frame, name
        else:
            raise ValueError(f"{spec.name}: plausible range for unknown {name!r}")
        values = rows[column].astype("float64")
        outside = rows[values.notna() & ((values < low) | (values > high))]
        if not outside.empty:
            row = outside.iloc[0]
            raise InputError(
                f"{name} = {row[column]:g} outside the plausible range [{low:g}, {high:g}] "
                "(wrong unit or magnitude?)",
                dataset=spec.name,
                file=_cell(row, "source_file"),
                row=_row_number(row),
                column=_cell(row, "source_column") or name,
            )


def _cell(row: pd.Series, name: str) -> str | None:
    value = row.get(name)
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def _row_number(row: pd.Series) -> int | None:
    value = row.get("source_row")
    return None if value is None or pd.isna(value) else int(value)

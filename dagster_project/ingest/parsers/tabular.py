"""Helpers shared by the CSV/Excel parsers: strict decoding and column contracts."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError


def decode_strict(path: Path, encoding: str) -> str:
    """Decode a whole file or fail naming the line of the first undecodable byte."""
    data = path.read_bytes()
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"bytes at offset {exc.start} are not valid {encoding} (wrong encoding or truncated)",
            file=path.name,
            row=line,
        ) from exc


def read_csv_strict(path: Path, encoding: str = "utf-8-sig", **kwargs: object) -> pd.DataFrame:
    """pandas.read_csv on strictly decoded text; parse errors name the file and line."""
    text = decode_strict(path, encoding)
    try:
        return pd.read_csv(io.StringIO(text), **kwargs)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(f"malformed CSV: {exc}", file=path.name) from exc


def require_columns(frame: pd.DataFrame, columns: Iterable[str], path: Path) -> None:
    """Schema drift (a missing or renamed column) is an input error naming the column."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(
            f"missing column(s) {missing}; found {list(frame.columns)}",
            file=path.name,
            column=missing[0],
        )

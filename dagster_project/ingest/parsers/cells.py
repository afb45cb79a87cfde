"""Cell-level helpers shared by the parsers: numbers, years and CSV rows with line numbers.

pandas.read_csv pads a short line with NaN and so hides a file cut off mid-line; these helpers
keep the physical line number of every row and reject rows whose field count differs from
the header, so an error names the exact line and column.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.tabular import decode_strict

_YEAR = re.compile(r"((?:19|20)\d{2})(?:年)?")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Rows:
    """A delimited text file: header cells and (line number, cells) for every data row."""

    file: str
    header_line: int
    header: list[str]
    rows: list[tuple[int, list[str]]]


def decode_declared(path: Path, encoding: str) -> str:
    """Strictly decode; a UTF-8 BOM in a file declared in another encoding is wrong encoding."""
    if not encoding.lower().startswith("utf") and path.read_bytes()[:3] == _BOM:
        raise InputError(
            f"file starts with a UTF-8 byte-order mark but is declared {encoding}",
            file=path.name,
            row=1,
        )
    return decode_strict(path, encoding).removeprefix("\ufeff")


def split_line(line: str) -> list[str]:
    """One CSV line → stripped cells (NBS pads cells with tabs and spaces)."""
    return [cell.strip() for cell in next(csv.reader([line]))] if line else []


def read_rows(path: Path, encoding: str) -> Rows:
    """A plain CSV whose first line is the header; every row must have the header's width."""
    lines = decode_declared(path, encoding).splitlines()
    if not lines:
        raise InputError("empty file", file=path.name)
    header = split_line(lines[0])
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = split_line(line)
        require_width(cells, header, file=path.name, row=number)
        rows.append((number, cells))
    return Rows(file=path.name, header_line=1, header=header, rows=rows)


def require_width(cells: list[str], header: list[str], *, file: str, row: int) -> None:
    """A row narrower or wider than the header is a cut-off or shifted line."""
    if len(cells) != len(header):
        column = header[len(cells)] if len(cells) < len(header) else None
        raise InputError(
            f"row has {len(cells)} fields but the header has {len(header)} "
            "(line cut off or shifted)",
            file=file,
            row=row,
            column=column,
        )


def parse_number(
    raw: object, *, file: str, row: int, column: str, missing: tuple[str, ...] = ("",)
) -> float | None:
    """A numeric cell → float; an empty (or declared-missing) cell → None; text → InputError."""
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip()
    if text in missing:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise InputError(f"{text!r} is not a number", file=file, row=row, column=column)
    return value


def parse_year(label: object, *, file: str, column: str | None = None) -> int:
    """A column label or preamble value such as 2024年, 2024 or 2024.0 → 2024."""
    text = str(label).strip().removesuffix(".0")
    match = _YEAR.fullmatch(text)
    if match is None:
        raise InputError(f"{label!r} is not a year", file=file, column=column or str(label))
    return int(match.group(1))

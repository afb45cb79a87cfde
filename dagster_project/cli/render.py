"""Rendering query results as a text table, CSV or JSON (CJK characters count double).

Numbers are written out in full (186200000000, never 1.862e+11): they are read by people and
pasted into spreadsheets. In a table each cell is one line (a newline shows as ↵) and at
most `max_width` columns wide, so one long comment cannot widen the table to thousands of
characters; CSV and JSON keep every value whole.
"""

from __future__ import annotations

import csv
import io
import json
import math
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

DEFAULT_MAX_WIDTH = 40
ELLIPSIS = "…"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def plain_number(value: float | Decimal) -> str:
    """A number without exponent and without trailing zeros: 1.862e11 -> 186200000000."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    # repr is the shortest text that reads back as the same double; Decimal lays it out.
    text = format(Decimal(repr(value)) if isinstance(value, float) else value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (float, Decimal)):
        return plain_number(value)
    return str(value)


def _one_line(text: str) -> str:
    return text.replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵").replace("\t", " ")


def _clip(text: str, max_width: int) -> str:
    if max_width <= 0 or _width(text) <= max_width:
        return text
    kept, used = [], 0
    for ch in text:
        if used + _width(ch) > max_width - 1:
            break
        kept.append(ch)
        used += _width(ch)
    return "".join(kept) + ELLIPSIS


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap


def render_table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = DEFAULT_MAX_WIDTH
) -> str:
    """A boxed table; `max_width` caps every column (0: no cap)."""
    header = [_clip(_one_line(c), max_width) for c in columns]
    cells = [[_clip(_one_line(_cell(v)), max_width) for v in row] for row in rows]
    numeric = [
        all(
            (isinstance(row[i], (int, float, Decimal)) and not isinstance(row[i], bool))
            or row[i] is None
            for row in rows
        )
        for i in range(len(columns))
    ]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(header)]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [line, "| " + " | ".join(_pad(c, w, False) for c, w in zip(header, widths)) + " |", line]
    for row in cells:
        out.append("| " + " | ".join(_pad(v, w, n) for v, w, n in zip(row, widths, numeric)) + " |")
    out.append(line)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (float, Decimal)) and not isinstance(value, bool):
        return plain_number(value)
    return value


def render_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_csv_value(v) for v in row] for row in rows)
    return buffer.getvalue().rstrip("\n")


def _json_value(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def render_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    records = [{c: _json_value(v) for c, v in zip(columns, row)} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=2, default=str)


RENDERERS = {"table": render_table, "csv": render_csv, "json": render_json}

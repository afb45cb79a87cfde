"""Rendering query results as a text table, CSV or JSON (CJK characters count double)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:.10g}" if abs(value) < 1e15 else f"{value:.0f}"
    return str(value)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap


def render_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    numeric = [
        all(isinstance(row[i], (int, float, Decimal)) or row[i] is None for row in rows)
        for i in range(len(columns))
    ]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [line, "| " + " | ".join(_pad(c, w, False) for c, w in zip(columns, widths)) + " |", line]
    for row in cells:
        out.append("| " + " | ".join(_pad(v, w, n) for v, w, n in zip(row, widths, numeric)) + " |")
    out.append(line)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def render_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
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

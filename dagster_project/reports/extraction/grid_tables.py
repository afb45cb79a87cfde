"""Tables the loader read as tables (HTML `<table>`, DOCX tables, Markdown pipe tables).

A grid's first row is its header and its first column the row labels. Each column with
numbers becomes one `Table` (as the text-format tables are: one value per row label), so
share columns get their own sum check. The unit comes from the cell (`32.5%`, `1,862亿元`)
or from the header (`占比(%)`, `金额(亿元)`); a column with no unit anywhere is `number`.
The caption is the line just before the table when it reads like one, else the header.
"""

from __future__ import annotations

import re
from decimal import Decimal

from dagster_project.reports.extraction.model import Section, Span
from dagster_project.reports.extraction.numbers import NUMBER, parse_number
from dagster_project.reports.extraction.tables import Cell, Table
from dagster_project.reports.extraction.units import read_unit

_HEADER_UNIT = re.compile(r"[(（](?:单位[:：])?(?P<unit>%|[^()（）]{1,6})[)）]")
_CELL = re.compile(rf"^\s*[-+~约]?\s*{NUMBER.pattern}\s*(?P<rest>\S{{0,6}})\s*$")


def _unit(raw: str) -> tuple[str, Decimal] | None:
    if raw in ("%", "％"):
        return "percent", Decimal(1)
    unit = read_unit("1" + raw, 1)
    return (unit.unit, unit.multiplier) if unit and unit.end == len(raw) + 1 else None


def _caption(text: str, start: int, header: list[str]) -> str:
    before = text[:start].rstrip("\n")
    line = before[before.rfind("\n") + 1 :].strip()
    line = re.split(r"[。！？]", line)[-1].strip()  # a caption joined to the sentence before it
    if line and len(line) <= 40 and not line.endswith(("。", ".", ";", ",")):
        return line
    return " / ".join(h for h in header if h) or "table"


def _rows(text: str, span: Span) -> list[tuple[list[str], list[int]]]:
    """(cells, cell start offsets) of every row inside the table span."""
    rows, pos = [], span.start
    for line in text[span.start : span.end].split("\n"):
        cells, starts, offset = line.split("\t"), [], pos
        for cell in cells:
            starts.append(offset)
            offset += len(cell) + 1
        rows.append((cells, starts))
        pos += len(line) + 1
    return rows


def _column(rows, j: int, header_unit: tuple[str, Decimal] | None):
    cells, unit = [], header_unit
    for cells_row, starts in rows:
        if j >= len(cells_row):
            continue
        match = _CELL.match(cells_row[j])
        if not match or match.group("damaged"):
            continue
        rest = match.group("rest")
        own = _unit(rest) if rest else None
        if rest and own is None:
            continue
        unit = unit or own
        value = parse_number(match.group("num"))
        start = starts[0]
        cells.append(Cell(cells_row[0].strip(), value, Span(start, starts[j] + len(cells_row[j]))))
    return cells, unit


def grid_tables(text: str, spans: tuple[Span, ...], sections: list[Section]) -> list[Table]:
    tables = []
    for span in spans:
        rows = _rows(text, span)
        if len(rows) < 2:
            continue
        header = [c.strip() for c in rows[0][0]]
        section = next(
            (s for s in sections if s.char_start <= span.start < s.char_end), sections[-1]
        )
        caption = _caption(text, span.start, header)
        for j in range(1, max(len(r[0]) for r in rows)):
            label = header[j] if j < len(header) else ""
            found = _HEADER_UNIT.search(label)
            cells, unit = _column(rows[1:], j, _unit(found.group("unit")) if found else None)
            if not cells:
                continue
            unit = unit or ("number", Decimal(1))
            column = _HEADER_UNIT.sub("", label).strip() or label or f"column {j}"
            tables.append(Table(caption, header[0] or "item", column, unit[0], unit[1],
                                tuple(cells), span, section))  # fmt: skip
    return tables

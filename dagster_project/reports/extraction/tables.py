"""Inline tables: a title with a unit in parentheses followed by label/value pairs.

In the report the table `服务类别占比(%)` is flattened into running text and glued to the
next section heading (`…隐私计算服务11.62.2案例二…`). The table ends where the next heading
starts; if no heading is known, a last value with more decimals than the others is trimmed
to their precision. Shares (占比, 比例, 构成 … in %) are expected to sum to 100.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from dagster_project.reports.extraction.model import Section, Span
from dagster_project.reports.extraction.units import read_unit

_TITLE = re.compile(
    r"(?P<title>(?P<row>[^\d。,，;；:：\n()]{1,20}?)(?P<column>占比|比例|构成|份额|结构|分布)?"
    r"\((?P<unit>%|单位[:：][^()]{1,8})\))"
)
_PAIR = re.compile(r"\s*(?P<label>[^\d。,，;；:：\n()%]{2,30}?)\s*(?P<value>\d+(?:\.\d+)?)")
_SHARE_WORDS = ("占比", "比例", "构成", "份额", "结构", "分布")
_MIN_ROWS = 3


@dataclass(frozen=True)
class Cell:
    label: str
    value: Decimal
    span: Span


@dataclass(frozen=True)
class Table:
    title: str
    row_dimension: str
    column_label: str
    unit: str
    multiplier: Decimal
    cells: tuple[Cell, ...]
    span: Span
    section: Section

    @property
    def expected_total(self) -> Decimal | None:
        is_share = self.unit == "percent" and any(w in self.column_label for w in _SHARE_WORDS)
        return Decimal(100) if is_share else None

    @property
    def total(self) -> Decimal:
        return sum((cell.value for cell in self.cells), Decimal(0))

    @property
    def sum_check_ok(self) -> bool | None:
        if self.expected_total is None:
            return None
        decimals = max(-cell.value.as_tuple().exponent for cell in self.cells)
        # Each rounded share may be off by half a unit in its last decimal.
        tolerance = Decimal(len(self.cells)) * Decimal(5) / Decimal(10) ** (decimals + 1)
        return abs(self.total - self.expected_total) <= tolerance


def _unit_of(raw: str) -> tuple[str, Decimal] | None:
    if raw == "%":
        return "percent", Decimal(1)
    unit = read_unit("1" + re.split("[:：]", raw, maxsplit=1)[-1], 1)
    return (unit.unit, unit.multiplier) if unit else None


def _pairs(text: str, pos: int, limit: int) -> list[Cell]:
    cells = []
    while True:
        match = _PAIR.match(text, pos, limit)
        if not match:
            return cells
        label_start = match.start("label")
        value = Decimal(match.group("value"))
        cells.append(Cell(match.group("label"), value, Span(label_start, match.end())))
        pos = match.end()


def _trim_glued_tail(cells: list[Cell]) -> list[Cell]:
    """`11.62.2案例二`: drop digits beyond the precision every other value uses."""
    if len(cells) < 2:
        return cells
    precision = Counter(-c.value.as_tuple().exponent for c in cells[:-1]).most_common(1)[0][0]
    last = cells[-1]
    extra = -last.value.as_tuple().exponent - precision
    if extra <= 0:
        return cells
    trimmed = last.value.quantize(Decimal(1).scaleb(-precision), rounding="ROUND_DOWN")
    return [*cells[:-1], Cell(last.label, trimmed, Span(last.span.start, last.span.end - extra))]


def _starts(text: str, section: Section) -> list[int]:
    starts = [section.body_start]
    for match in re.finditer(r"[。\n]", text[section.body_start : section.char_end]):
        starts.append(section.body_start + match.end())
    return starts


def find_tables(text: str, sections: list[Section]) -> list[Table]:
    tables = []
    for section in sections:
        for start in _starts(text, section):
            title = _TITLE.match(text, start, section.char_end)
            unit = _unit_of(title.group("unit")) if title else None
            if not title or not unit:
                continue
            cells = _trim_glued_tail(_pairs(text, title.end(), section.char_end))
            if len(cells) < _MIN_ROWS:
                continue
            column = title.group("column") or title.group("title").split("(")[0]
            tables.append(
                Table(title.group("title"), title.group("row").strip(), column, unit[0], unit[1],
                      tuple(cells), Span(title.start(), cells[-1].span.end), section)
            )  # fmt: skip
    return tables

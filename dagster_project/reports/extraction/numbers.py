"""Numbers as written in the report: 1,862 / 21.4 / 0.5, and damaged ones like ?.2."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Thousands groups only when exactly three digits follow each comma (1,862 but not "12,2023").
# A number glued to Latin letters is kept (GDP5.5%); `figures` decides whether it is a name.
NUMBER = re.compile(
    r"(?<![\d.])(?:(?P<damaged>\?+)(?=\.\d)|)"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?|(?<=\?)\.\d+)"
)
YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class NumberToken:
    start: int  # including a damage marker such as '?'
    end: int
    raw: str
    value: Decimal | None  # None when digits were lost (?.2)
    decimals: int


def parse_number(raw: str) -> Decimal:
    return Decimal(raw.replace(",", ""))


def find_numbers(text: str, start: int, end: int) -> list[NumberToken]:
    tokens = []
    for match in NUMBER.finditer(text, start, end):
        num = match.group("num")
        damaged = match.group("damaged") or ""
        lost = bool(damaged) or num.startswith(".")
        decimals = len(num.split(".")[1]) if "." in num else 0
        value = None if lost else parse_number(num)
        tokens.append(NumberToken(match.start(), match.end(), damaged + num, value, decimals))
    return tokens


def to_float(value: Decimal | None) -> float | None:
    """Canonical values are exact decimals; floats keep the CSVs free of '1.2E+8'."""
    return None if value is None else float(value)

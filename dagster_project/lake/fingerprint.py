"""Order-independent fingerprints of a relation's columns, to tell two engines' builds apart.

A pure library (no engine imports): it is handed the rows. Each column is summarised as a
multiset, so row order (which no engine promises) never matters:
- numbers (integers, decimals, floats alike: engines differ in the type a sum or a division
  returns) as their sorted values, equal when every pair is within 1e-9 relative;
- everything else (text, booleans, dates, timestamps, arrays) as the sum of a digest of each
  value's canonical text, modulo 2**64; equal only when the multisets are.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

RELATIVE_TOLERANCE = 1e-9
# Values this close to zero compare as zero (a difference of rounding, not of money).
ABSOLUTE_TOLERANCE = 1e-12
_MODULUS = 2**64


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def canonical(value: Any) -> str:
    """One text per value, the same whichever engine's Python driver returned it."""
    if value is None:
        return "\x00null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        # A datetime is a date; both engines' timestamps here are naive UTC.
        naive = value.replace(tzinfo=None) if isinstance(value, datetime) else value
        return naive.isoformat()
    if _is_number(value):
        return repr(float(value))
    if isinstance(value, list | tuple | dict):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        return json.dumps({str(k): canonical(v) for k, v in items}, sort_keys=True)
    return str(value)


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


@dataclass(frozen=True)
class ColumnFingerprint:
    """`numbers` is set for a numeric column (sorted, NULLs apart), else `checksum`."""

    name: str
    nulls: int
    checksum: int | None = None
    numbers: tuple[float, ...] | None = None

    def summary(self) -> str:
        if self.numbers is not None:
            return f"sum={math.fsum(self.numbers):.6g}"
        return f"{self.checksum:016x}"


def column_fingerprint(name: str, values: Iterable[Any]) -> ColumnFingerprint:
    values = list(values)
    present = [v for v in values if v is not None]
    nulls = len(values) - len(present)
    if present and all(_is_number(v) for v in present):
        return ColumnFingerprint(name, nulls, numbers=tuple(sorted(float(v) for v in present)))
    checksum = 0
    for value in present:
        checksum = (checksum + _digest(canonical(value))) % _MODULUS
    return ColumnFingerprint(name, nulls, checksum=checksum)


@dataclass(frozen=True)
class RelationFingerprint:
    rows: int
    columns: dict[str, ColumnFingerprint]


def relation_fingerprint(
    columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> RelationFingerprint:
    """Column names are compared case-blind: Spark's metastore lower-cases them."""
    names = [c.lower() for c in columns]
    by_column = [[row[i] for row in rows] for i in range(len(names))]
    return RelationFingerprint(
        rows=len(rows),
        columns={n: column_fingerprint(n, vs) for n, vs in zip(names, by_column, strict=True)},
    )


def _numbers_equal(left: tuple[float, ...], right: tuple[float, ...]) -> bool:
    return len(left) == len(right) and all(
        math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=ABSOLUTE_TOLERANCE)
        for a, b in zip(left, right, strict=True)
    )


def columns_equal(left: ColumnFingerprint, right: ColumnFingerprint) -> bool:
    if left.nulls != right.nulls:
        return False
    if left.numbers is not None and right.numbers is not None:
        return _numbers_equal(left.numbers, right.numbers)
    if left.numbers is None and right.numbers is None:
        return left.checksum == right.checksum
    # One side numeric, the other not: equal only if both are all NULL.
    return not (left.numbers or right.numbers) and not (left.checksum or right.checksum)


def differences(expected: RelationFingerprint, actual: RelationFingerprint) -> list[str]:
    """What differs, one phrase each; empty when the relations are equal."""
    found: list[str] = []
    if expected.rows != actual.rows:
        found.append(f"rows {expected.rows} != {actual.rows}")
    missing = sorted(set(expected.columns) - set(actual.columns))
    extra = sorted(set(actual.columns) - set(expected.columns))
    if missing:
        found.append(f"missing columns {', '.join(missing)}")
    if extra:
        found.append(f"extra columns {', '.join(extra)}")
    for name in sorted(set(expected.columns) & set(actual.columns)):
        if not columns_equal(expected.columns[name], actual.columns[name]):
            found.append(f"column {name} differs")
    return found

"""Ranges (`28%—35%`, `3至5天`, `20-60万元`): two figures, the low bound with '>=' and the
high bound with '<=', both carrying value_low and value_high; the unit is read from the high
bound when the low one omits it."""

from __future__ import annotations

from decimal import Decimal

from dagster_project.reports.extraction.model import Figure
from dagster_project.reports.extraction.numbers import NumberToken, to_float
from dagster_project.reports.extraction.qualifiers import suffix_qualifier
from dagster_project.reports.extraction.units import DURATIONS, UnitMatch


def _value(token: NumberToken, unit: UnitMatch) -> Decimal | None:
    return None if token.value is None else token.value * unit.multiplier


def _bound(token: NumberToken, value: Decimal | None, span: tuple[int, int],
           **shared) -> Figure:  # fmt: skip
    return Figure(
        start=span[0],
        end=span[1],
        number_start=token.start,
        value=to_float(value),
        value_raw=token.raw,
        lost_digits=token.value is None,
        **shared,
    )


def range_figures(
    text: str,
    low_token: NumberToken,
    low_unit: UnitMatch | None,
    high_token: NumberToken,
    high_unit: UnitMatch | None,
) -> list[Figure]:
    """`28%—35%` or `3至5天`: the unit is read from the high bound when the low omits it."""
    unit = high_unit
    assert unit is not None
    lo, hi = _value(low_token, unit), _value(high_token, unit)
    _, end = suffix_qualifier(text, unit.end, unit.unit in DURATIONS)
    shared = {"unit": unit.unit, "value_low": to_float(lo), "value_high": to_float(hi)}
    low_end = low_unit.end if low_unit else low_token.end
    low_raw = (low_unit or unit).raw
    return [
        _bound(low_token, lo, (low_token.start, low_end), qualifier=">=", unit_raw=low_raw,
               range_role="low", **shared),
        _bound(high_token, hi, (high_token.start, end), qualifier="<=", unit_raw=unit.raw,
               range_role="high", **shared),
    ]  # fmt: skip

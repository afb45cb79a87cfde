"""Amounts and magnitudes in Chinese numerals: 三万亿元, 五千万人 (cn2an reads the numeral),
and order-of-magnitude bounds 千亿元 / 百亿级 / 超千亿元 (>= the magnitude, > after 超)."""

from __future__ import annotations

import re
from functools import cache

from dagster_project.reports.extraction.model import Figure
from dagster_project.reports.extraction.qualifiers import prefix_qualifier, suffix_qualifier
from dagster_project.reports.extraction.units import MONEY, read_unit

_MAGNITUDES = {"十": 10, "百": 100, "千": 1000}
_BASES = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
_CURRENCY = {"元": "CNY", "美元": "USD", "港元": "HKD"}


@cache
def cn_value(numeral: str) -> float | None:
    """三万亿 -> 3e12, 十二 -> 12, 三点五 -> 3.5, 12 -> 12 (cn2an's smart mode)."""
    import cn2an

    try:
        return float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def figure_with_qualifiers(text: str, span: tuple[int, int], value: float, unit: str,
            rule: tuple[str, str, str]) -> Figure:  # fmt: skip
    """A figure with the qualifier words around it; `rule` is (qualifier, raw, unit_raw), and
    the rule's own qualifier wins."""
    start, end = span
    qualifier, raw = rule[0], rule[1:]
    pre, q_start = prefix_qualifier(text, start)
    suf, q_end = suffix_qualifier(text, end, False)
    if text.startswith("多", end) and unit != "rank":
        suf, q_end = ">", end + 1
    final = qualifier if qualifier != "=" else (pre if pre != "=" else suf)
    return Figure(q_start, q_end, start, value, unit, final, raw[0], raw[1])


def magnitude(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    before = text[max(0, start - 2) : start]
    bounded = bool(re.search(r"(?:超过|超|逾|突破|上|近|约)$", before))
    if not (g.get("unit") or g.get("level") or bounded):
        return None  # a bare 万 or 亿 is a word (万一, 亿万), not a magnitude
    mag = g["mag"]
    value = float(_MAGNITUDES.get(mag[0], 1) * _BASES[mag.lstrip("十百千")])
    unit = _CURRENCY.get(g.get("unit") or "", "count")
    pre, q_start = prefix_qualifier(text, start)
    qualifier = pre if pre != "=" else ">="
    if text[start - 1 : start] == "上":
        q_start, qualifier = start - 1, ">="
    written = (g.get("unit") or "") + (g.get("level") or "")
    return Figure(q_start, end, start, value, unit, qualifier, mag, written or mag)


def amount(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    unit = read_unit(text, end)
    if unit is None:
        return None
    big = any(ch in g["n"] for ch in "百千万亿") or unit.multiplier > 1
    if unit.unit not in (*MONEY, "percent") and not big:
        return None  # 五个问题, 三大高地: prose
    q = ">" if unit.approx_more else "="
    amount = n * float(unit.multiplier)
    return figure_with_qualifiers(text, (start, unit.end), amount, unit.unit, (q, g["n"], unit.raw))


def denominator(numeral: str) -> float | None:
    """百 -> 100, 万 -> 10000, 三 -> 3 (the 分之 of a fraction)."""
    return _BASES.get(numeral) or _MAGNITUDES.get(numeral) or cn_value(numeral)

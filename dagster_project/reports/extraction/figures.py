"""Read the figures (number + unit + qualifier) of one sentence.

A figure is an Arabic-numeral quantity followed by a unit of the vocabulary in `units`
(figures in Chinese numerals and words are read by `word_figures` and merged here). Years,
quarters, version labels (2.0), numbers without a unit (12345热线), names (5G, H5, RT6) and
ordinals other than ranks (第27条) are not figures; a number glued to an acronym is
(GDP5.5%). `80+城市` is a count with '>='. A range `28%—35%` gives two figures, the low
bound with '>=' and the high bound with '<=', both carrying value_low and value_high.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from dagster_project.reports.extraction.model import Figure, Span
from dagster_project.reports.extraction.numbers import YEAR, NumberToken, find_numbers, to_float
from dagster_project.reports.extraction.qualifiers import (
    combine,
    prefix_qualifier,
    suffix_qualifier,
)
from dagster_project.reports.extraction.ranges import range_figures
from dagster_project.reports.extraction.units import DURATIONS, UnitMatch, read_unit
from dagster_project.reports.extraction.word_figures import find_word_figures

_RANGE_SEP = re.compile(r"\s?[-–—~～至到]{1,2}\s?")
_RANK_WORDS = "位名"
_SHARE_ABOUT = re.compile(r"(?:约占|大约占|约为|约合)[^,，;；。:：\d]{0,20}?的?$")
_BASIS_POINTS = re.compile(r"(?:BP|bps?)(?![A-Za-z])")
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,6}$")  # GDP5.5%, CPI2.1%: the number is a figure


@dataclass(frozen=True)
class _Read:
    token: NumberToken
    unit: UnitMatch | None


def _unit_after(text: str, token: NumberToken) -> UnitMatch | None:
    pos = token.end + 1 if text.startswith(" ", token.end) else token.end
    if _BASIS_POINTS.match(text, pos):
        return read_unit(text, pos)
    if pos < len(text) and re.match(r"[A-Za-z]", text[pos]):
        return None  # 5G, 3D, H5: part of a name
    if text.startswith("+", pos):  # 80+城市, 80+个: "80 or more"
        unit = read_unit(text, pos + 1)
        if unit is None and re.match(r"[\u4e00-\u9fff]", text[pos + 1 : pos + 2]):
            return UnitMatch("count", "+", Decimal(1), pos + 1, False)
        return unit and UnitMatch(unit.unit, "+" + unit.raw, unit.multiplier, unit.end, False)
    return read_unit(text, pos)


def _is_name(text: str, token: NumberToken) -> bool:
    """H5, V2, iOS17: a number glued to a letter names something; GDP5.5% does not."""
    if token.start == 0 or not re.match(r"[A-Za-z]", text[token.start - 1]):
        return False
    return not _ACRONYM.search(text[max(0, token.start - 7) : token.start])


def _is_year(text: str, token: NumberToken) -> bool:
    if not YEAR.fullmatch(token.raw):
        return False
    after = text[token.end : token.end + 8]
    return after.startswith("年") or bool(re.match(r"\s?[-–—~至到]\s?(?:19|20)\d{2}年", after))


def _value(token: NumberToken, unit: UnitMatch) -> Decimal | None:
    return None if token.value is None else token.value * unit.multiplier


def _single(text: str, read: _Read, rank: bool) -> Figure:
    token, unit = read.token, read.unit
    assert unit is not None
    pre, start = prefix_qualifier(text, token.start - (1 if rank else 0))
    suf, end = suffix_qualifier(text, unit.end, unit.unit in DURATIONS)
    if unit.raw.startswith("+"):
        suf = ">="
    if pre == "=" and _SHARE_ABOUT.search(text, max(0, start - 24), start):
        pre = "~"  # 约占同类产品金额的66.2%: the 约 of 约占 qualifies the share
    return Figure(
        start=start,
        end=end,
        number_start=token.start,
        value=to_float(_value(token, unit)),
        unit="rank" if rank else unit.unit,
        qualifier=combine(pre, suf, unit.approx_more),
        value_raw=token.raw,
        unit_raw=unit.raw,
        lost_digits=token.value is None,
    )


def find_figures(text: str, start: int, end: int, exclude: list[Span]) -> list[Figure]:
    """Figures of text[start:end], ignoring numbers inside the excluded spans."""
    tokens = [
        t
        for t in find_numbers(text, start, end)
        if not any(s.start <= t.start < s.end for s in exclude)
        and not _is_year(text, t)
        and not _is_name(text, t)
    ]
    reads = [_Read(t, _unit_after(text, t)) for t in tokens]
    figures: list[Figure] = []
    i = 0
    while i < len(reads):
        read = reads[i]
        nxt = reads[i + 1] if i + 1 < len(reads) else None
        joint = _RANGE_SEP.match(text, read.unit.end if read.unit else read.token.end)
        joined = nxt and nxt.unit and joint and joint.end() == nxt.token.start
        if joined and (read.unit is None or read.unit.unit == nxt.unit.unit):
            figures.extend(range_figures(text, read.token, read.unit, nxt.token, nxt.unit))
            i += 2
            continue
        if read.unit and read.unit.unit in DURATIONS and text.startswith("期", read.unit.end):
            i += 1  # 7天期逆回购, 91天期国债: a tenor names the product
            continue
        ordinal = read.token.start > 0 and text[read.token.start - 1] == "第"
        rank = ordinal and read.unit is not None and read.unit.raw in _RANK_WORDS
        if read.unit is not None and (rank or not ordinal):
            figures.append(_single(text, read, rank))
        i += 1
    return _merged(figures, find_word_figures(text, start, end, exclude))


def _merged(figures: list[Figure], words: list[Figure]) -> list[Figure]:
    """Word figures that do not overlap an Arabic-numeral figure, in text order."""
    spans = [Span(f.start, f.end) for f in figures]
    extra = [w for w in words if not any(Span(w.start, w.end).overlaps(s) for s in spans)]
    return sorted(figures + extra, key=lambda f: (f.start, f.end))

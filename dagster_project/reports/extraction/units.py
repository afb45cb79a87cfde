"""The unit vocabulary and how units are written after a number.

Canonical units are a fixed vocabulary: money (CNY, HKD, USD, EUR, JPY, GBP), percent, pp,
bp (basis points: 个基点, BP), count (counted years such as 连续3年 too, with unit_raw 年),
hours, days, working_days, minutes, seconds, months, tonnes, score, rank, multiple. Anything else
(ages, areas, lengths, energy, 斤 and 亩) is not read as a figure, even after 万/亿.
元 is CNY; a Hong Kong SAR text's unmarked 元 becomes HKD later (see `currency`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

UNITS = (
    "CNY", "percent", "pp", "count", "hours", "days", "working_days", "minutes", "seconds",
    "months", "tonnes", "score", "rank", "multiple", "HKD", "USD", "EUR", "JPY", "GBP",
    "bp",
)  # fmt: skip
MONEY = ("CNY", "HKD", "USD", "EUR", "JPY", "GBP")

MULTIPLIERS = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
}
# Longest written form first, so 个百分点 wins over 个 and 分钟 over 分.
_WRITTEN: list[tuple[str, str]] = [
    ("元人民币", "CNY"), ("美元", "USD"), ("港元", "HKD"), ("港币", "HKD"), ("欧元", "EUR"),
    ("日元", "JPY"), ("英镑", "GBP"), ("元", "CNY"),
    ("%", "percent"),
    ("个百分点", "pp"), ("百分点", "pp"), ("个基点", "bp"), ("基点", "bp"), ("BP", "bp"),
    ("bp", "bp"), ("bps", "bp"),
    ("个工作日", "working_days"), ("工作日", "working_days"),
    ("个小时", "hours"), ("小时", "hours"),
    ("分钟", "minutes"), ("秒钟", "seconds"), ("秒", "seconds"),
    ("个月", "months"), ("天", "days"), ("日", "days"),
    ("吨", "tonnes"), ("倍", "multiple"), ("分", "score"), ("点", "score"),
    ("人次", "count"),
]  # fmt: skip
# Measure words that make a count (个 after the longer 个X forms above).
COUNT_WORDS = "个项次份人条家件类名张台路起户辆套款所座种批笔单位例宗枚篇场轮处栋间架艘只株"
_WRITTEN += [(word, "count") for word in COUNT_WORDS]
_WRITTEN.sort(key=lambda item: -len(item[0]))
# Units outside the vocabulary: after 万/亿 they make the number something other than a count.
_OTHER_UNIT = re.compile(
    r"平方|公里|千米|米|公顷|亩|斤|公斤|千克|克|千瓦|兆瓦|瓦|度电|立方|升|字|岁|吋|英寸|标箱|桶|"
    r"盎司|蒲式耳|光年|海里|平米"
)
_MULTIPLIER_RE = re.compile("|".join(sorted(MULTIPLIERS, key=len, reverse=True)))
# Units that only make sense for a duration; 内 after them means 'within'.
DURATIONS = {"hours", "days", "working_days", "minutes", "seconds", "months"}


@dataclass(frozen=True)
class UnitMatch:
    unit: str
    raw: str  # multiplier and unit as written, e.g. 亿元, 万次, %
    multiplier: Decimal
    end: int  # offset just after the unit
    approx_more: bool  # 余/多 written between number and unit (2,000余类, 1.7万余个)


def read_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit written at text[pos:], with an optional 万/亿 multiplier and 余/多."""
    start, more = pos, False
    if text.startswith(("余", "多"), pos):
        pos, more = pos + 1, True
    multiplier = Decimal(1)
    mult = _MULTIPLIER_RE.match(text, pos)
    if mult:
        multiplier, pos = MULTIPLIERS[mult.group(0)], mult.end()
        if text.startswith(("余", "多"), pos):
            pos, more = pos + 1, True
    for written, unit in _WRITTEN:
        if text.startswith(written, pos):
            if unit == "days" and written == "日" and _is_date_day(text, start):
                return None
            end = pos + len(written)
            return UnitMatch(unit, text[start:end], multiplier, end, more)
    if mult and not _OTHER_UNIT.match(text, pos):
        # 6,800万 / 超1.8亿 with no measure word: a plain count (but 5.6万平方公里 is an area)
        return UnitMatch("count", text[start:pos], multiplier, pos, more)
    return None


def _is_date_day(text: str, number_end: int) -> bool:
    """'3月5日' and the 23 of '9月22日~23日' are dates, not durations of 5 or 23 days."""
    head = text[max(0, number_end - 8) : number_end]
    if re.search(r"\d日[~～\-—–至到]\d{1,2}$", head):
        return True
    return bool(re.search(r"\d月\d{1,2}$", head))

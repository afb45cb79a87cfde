"""Time expressions (2023年, 截至2023年底, 2024年一季度, 到2026年, 2026-2030年) and the
kind of a figure (actual / forecast / target).

A figure takes the time expression of its own clause group (the text between ';'): the
nearest one before it, else the first one after it. Comparison bases (较2020年, 与2020年相比)
never give the period. A span of years gives its last year as period_year and the span as
period_label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TIME = re.compile(
    r"(?P<pre>截至|截止|到|至|于|自|从|由|较|比|相比|相较|同比)?"
    r"(?P<y1>(?:19|20)\d{2})(?:\s?[-–—~至到]\s?(?P<y2>(?:19|20)\d{2})"
    r"|\s?[/-]\s?(?P<fy>\d{2})(?=年))?年"
    r"(?P<sub>底|末|初|上半年|下半年|(?:第)?[一二三四1-4]季度|\d{1,2}月)?"
)
_COMPARISON_PRE = {"较", "比", "相比", "相较", "同比"}
# 较2020年, 与2020年相比: a comparison base; 2016年来/以来: "since", not the figure's period.
_COMPARISON_POST = re.compile(r"(?:同期)?(?:相比|相较|比较)|以?来")
_SUB_LABEL = {"底": "-end", "末": "-end", "初": "-start", "上半年": "-H1", "下半年": "-H2"}
# 目标/力争 anywhere before the figure in its clause group; 要求/提出 only in the figure's own
# clause or tied to a year (提出到2025年), because they also introduce non-target statements
# (《数据安全法》的实施要求所有系统…). `以…为目标` and `目标一致` state an aim, not a target.
_TARGET_CUE = re.compile(
    r"(?<!为)目标(?:是|为|值|到|达到|:|：)|力争|争取|(?:提出|要求|规划)(?:在|到)(?:19|20)\d{2}年"
)
_OWN_CLAUSE_TARGET_CUE = re.compile(r"要求|提出|不得低于")
# 预测/预期 are also nouns (预测模型, 交通流量预测, 财政支持预期): only their verb uses count.
_FORECAST_CUE = re.compile(
    r"预计|有望|可望|未来|预测(?=[,，:：]|显示|表明|指出|到|将)|预期(?=将|到|在|达)|"
    r"将(?=突破|达|超|增长|保持|维持|实现|提升|形成|进入|迎来|带动|撬动|扩大|减少|下降|降低)"
)


_QUALIFIER_MAX = 3  # characters of 约/近/超过 between an origin's 的 and its figure


@dataclass(frozen=True)
class TimeExpr:
    start: int
    year: int
    label: str
    comparison: bool
    origin: int | None = None  # 由2013-14年度的44.6亿元…: the year of the figure at this offset


def _label(y1: str, y2: str | None, sub: str | None, fiscal: str | None = None) -> str:
    if fiscal:  # a fiscal year (2016/17年度, 2013-14年度): period_year is its first year
        return f"{y1}/{fiscal}"
    if y2:
        return f"{y1}-{y2}"
    if not sub:
        return y1
    if sub in _SUB_LABEL:
        return y1 + _SUB_LABEL[sub]
    if sub.endswith("季度"):
        quarter = "一二三四".find(sub[-3]) + 1 or int(sub[-3])
        return f"{y1}-Q{quarter}"
    return f"{y1}-{int(sub[:-1]):02d}"


def find_times(masked_text: str, offset: int) -> list[TimeExpr]:
    """Time expressions of a masked sentence; `offset` is the sentence's start."""
    found = []
    for m in _TIME.finditer(masked_text):
        comparison = m.group("pre") in _COMPARISON_PRE or bool(
            _COMPARISON_POST.match(masked_text, m.end())
        )
        year = int(m.group("y2") or m.group("y1"))
        label = _label(m.group("y1"), m.group("y2"), m.group("sub"), m.group("fy"))
        origin = None
        after = re.match(r"度?的", masked_text[m.end() : m.end() + 2])
        if m.group("pre") in ("由", "从") and after:  # 由2013-14年度的44.6亿元
            origin = offset + m.end() + after.end()
        found.append(TimeExpr(offset + m.start(), year, label, comparison, origin))
    return found


def period_for(times: list[TimeExpr], group_start: int, group_end: int, pos: int):
    """The governing time expression of a figure at `pos` (or None). An origin (从2013年的)
    only governs the figure written right after it."""
    usable = [t for t in times if group_start <= t.start < group_end and not t.comparison]
    # (a qualifier may stand between: 从2025年的约4860亿元)
    usable = [t for t in usable if t.origin is None or 0 <= pos - t.origin <= _QUALIFIER_MAX]
    before = [t for t in usable if t.start < pos]
    if before:
        return before[-1]
    after = [t for t in usable if t.start >= pos]
    return after[0] if after else None


def kind_for(cue_text: str, clause_text: str, year: int | None, edition: int | None) -> str:
    """`cue_text` is the masked text of the clause group up to the figure, `clause_text` the
    figure's own clause up to the figure."""
    if _TARGET_CUE.search(cue_text) or _OWN_CLAUSE_TARGET_CUE.search(clause_text):
        return "target"
    if _FORECAST_CUE.search(cue_text):
        return "forecast"
    if year is not None and edition is not None and year >= edition:
        return "forecast"
    return "actual"

"""Figures written in Chinese numerals or words (cn2an reads the numerals, rules the words).

三成 = 30% and 近六成 ~ 60% (tenths); 一半/半数 = 50%, 过半 > 50%; 百分之三十 = 30%, 三分之一
~ 33.3%, 万分之六 = 0.06%; 翻一番 = multiple 2 (翻两番 = 4); 两倍 = multiple 2; amounts and
magnitudes (三万亿元, 千亿元, 百亿级) in `word_amounts`; ranks 第四 / 首位 / 前三 / 八强 in a
ranking context (居, 位居, 排名, 提升到, 取得, 市场份额 …, or 第N位); 连续3年 / 连续三年 as a
count (unit_raw 年). Small counts in words (五个问题, 三大高地) are prose, not figures.
"""

from __future__ import annotations

from dagster_project.reports.extraction.model import Figure, Span
from dagster_project.reports.extraction.word_amounts import amount, cn_value, denominator, magnitude
from dagster_project.reports.extraction.word_amounts import figure_with_qualifiers as _figure
from dagster_project.reports.extraction.word_patterns import PARTS, SCAN


def _tenths(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    q = ">" if g.get("more") else "="
    return _figure(text, (start, end), n * 10, "percent", (q, text[start:end], "成"))


def _half(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    q = {"过": ">", "超": ">", "近": "~"}.get(text[start - 1 : start], "=")
    return _figure(text, (start, end), 50.0, "percent", (q, text[start:end], text[start:end]))


def _fraction(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    """百分之三十 = 30%, 三分之一 ~ 33.3%, 万分之六 = 0.06%."""
    den = denominator(g["den"])
    if not den:
        return None
    raw = text[start:end]
    return _figure(text, (start, end), n * 100 / den, "percent", ("=", raw, "分之"))


def _double(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    return _figure(text, (start, end), 2.0**n, "multiple", ("=", text[start:end], "番"))


def _multiple(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    return _figure(text, (start, end), n, "multiple", ("=", g["n"], "倍"))


def _rank(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    raw = g.get("first") or g["n"]
    number_start = start + text[start:end].rfind(raw)
    lead = 0 if g.get("first") else 1  # the figure starts at 第
    value = 1.0 if g.get("first") else n
    unit_raw = g.get("w") or ("首位" if g.get("first") else "第")
    return Figure(number_start - lead, end, number_start, value, "rank", "=", raw, unit_raw)


def _top(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    raw = g.get("strong") or g["n"]
    number_start = start + text[start:end].rfind(raw)
    unit_raw = "强" if g.get("strong") else "前"
    return Figure(number_start, end, number_start, cn_value(raw), "rank", "<=", raw, unit_raw)


def _years(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    return Figure(start, end, start + 2, n, "count", "=", g["n"], "年")  # a count of years


def _more_years(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    """连续21年、37年: the second count of the same 连续."""
    if "连续" not in text[max(0, start - 12) : start]:
        return None
    return Figure(start, end, start, n, "count", "=", g["n"], "年")


_READERS = {
    "tenths": _tenths, "half": _half, "fraction": _fraction, "double": _double,
    "multiple": _multiple, "rank": _rank, "rank_word": _rank, "top": _top, "years": _years,
    "more_years": _more_years, "magnitude": magnitude, "amount": amount,
}  # fmt: skip
_NEEDS_NUMBER = {"tenths", "fraction", "double", "multiple", "years", "more_years", "amount"}


def find_word_figures(text: str, start: int, end: int, exclude: list[Span]) -> list[Figure]:
    """Word figures of text[start:end] whose start is in no excluded span."""
    found = []
    for m in SCAN.finditer(text, start, end):
        kind = m.lastgroup or ""
        part = PARTS[kind].match(text, m.start())  # in place: its look-arounds see the text
        if part is None or part.end() != m.end():
            continue
        if any(s.start <= m.start() < s.end for s in exclude):
            continue
        groups = part.groupdict()
        n = cn_value(groups["n"]) if groups.get("n") else None
        if n is None and (kind in _NEEDS_NUMBER or (kind == "rank" and not groups.get("first"))):
            continue
        figure = _READERS[kind](text, m.start(), m.end(), groups, n)
        if figure is not None and figure.value is not None:
            found.append(figure)
    return found

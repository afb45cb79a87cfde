"""Figures written in Chinese numerals or words (cn2an reads the numerals, rules the words).

三成 = 30% and 近六成 ~ 60% (tenths); 一半/半数 = 50%, 过半 > 50%; 百分之三十 = 30%,
三分之一 ~ 33.3%, 万分之六 = 0.06%;
翻一番 = multiple 2 (翻两番 = 4); 两倍 = multiple 2; 三万亿元 and 五千万人 as amounts;
千亿元 / 百亿级 / 超千亿元 as order-of-magnitude bounds (>= the magnitude, > after 超);
ranks 第四 / 首位 / 前三 / 八强 in a ranking context (居, 位居, 排名, 提升到, 取得, 市场份额 …,
or 第N位);
连续3年 / 连续三年 as a count (unit_raw 年). Small counts in words (五个问题, 三大高地) are prose,
not figures.
"""

from __future__ import annotations

import re
from functools import cache

from dagster_project.reports.extraction.model import Figure, Span
from dagster_project.reports.extraction.qualifiers import prefix_qualifier, suffix_qualifier
from dagster_project.reports.extraction.units import MONEY, read_unit

CN = "零〇一二两三四五六七八九十百千万亿"
_NUM = rf"[{CN}]*[一二两三四五六七八九十][{CN}]*(?:点[零〇一二三四五六七八九]+)?"
# 居全国城市首位, 位列各行业投资完成量前三位: a scope word and a few characters naming the field
_SCOPE = (
    r"(?:(?:全国|全球|世界|全省|全市|国内|亚洲|同类|各省、?区|各省份|各省区市|各省市|各省|各行业"
    r"|各地)[\u4e00-\u9fff]{0,6}?)?的?"
)
_RANK_CUE = (
    r"(?:居|位居|位列|排名|排在|排|列|稳居|名列|位于|跃居|升至|提升到|提升至|上升到|上升至|"
    r"降至|下降到|前进到|从|保持|进入|跻身|取得|获得|夺得|荣获|份额|占有率)"
)
_NOT_TENTHS = "[为立功就员本果绩长交效型不]"  # 一成不变, 三成为: 成 is a verb there
# 第二季度, 第六代, 第四次, 第一梯队: ordinals and tiers, not ranks
_ORDINAL = "(?:[季代批次届轮个条款章节号年档]|梯队|方阵|阵营)"
_PATTERNS = [
    ("tenths", rf"(?P<n>[一二两三四五六七八九十])成(?P<more>多)?(?!{_NOT_TENTHS})"),
    ("half", r"(?:一半|半数|(?<=[过近超])半(?![年月天日小时岛导径决场价]))"),
    ("fraction", rf"(?P<den>[一二两三四五六七八九十百千万]+)分之(?P<n>{_NUM})"),
    ("double", r"翻(?P<n>[一两二三四五六七八九十])番"),
    ("multiple", rf"(?P<n>{_NUM})倍(?![增数率])"),
    ("rank", rf"{_RANK_CUE}{_SCOPE}"
             rf"(?:第(?P<n>{_NUM}|\d+)(?P<w>位|名)?(?!{_ORDINAL})|(?P<first>首位))"),
    ("rank_word", rf"第(?P<n>{_NUM})(?P<w>位|名)"),
    ("top", rf"{_RANK_CUE}{_SCOPE}前(?P<n>{_NUM}|\d+)(?:位|名|强)?"
            rf"|(?<![{CN}\d])(?P<strong>[一二两三四五六七八九十百]+)强(?![化调大度])"),
    ("years", rf"连续(?P<n>{_NUM}|\d+)(?:个)?年"),
    ("more_years", rf"(?<=年、)(?P<n>{_NUM}|\d{{1,2}})年"),
    ("magnitude", rf"(?<![{CN}\d.个])(?P<mag>[十百千]?(?:万亿|亿|万))(?P<unit>元|美元|港元)?"
                  rf"(?P<level>级别?)?"),
    ("amount", rf"(?<![{CN}第\d.个])(?P<n>{_NUM})(?=[万亿元%倍])"),
]  # fmt: skip
# One scan for all rules (group names stripped from the alternatives); each hit is then
# matched again, in place, by its own rule to read its groups.
_REGEX = re.compile(
    "|".join(f"(?P<{name}>{re.sub(r'[(][?]P<[a-z]+>', '(?:', body)})" for name, body in _PATTERNS)
)
_PARTS = {name: re.compile(body) for name, body in _PATTERNS}
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


def _figure(text: str, span: tuple[int, int], value: float, unit: str,
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


def _tenths(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    q = ">" if g.get("more") else "="
    return _figure(text, (start, end), n * 10, "percent", (q, text[start:end], "成"))


def _half(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    q = {"过": ">", "超": ">", "近": "~"}.get(text[start - 1 : start], "=")
    return _figure(text, (start, end), 50.0, "percent", (q, text[start:end], text[start:end]))


def _fraction(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    """百分之三十 = 30%, 三分之一 ~ 33.3%, 万分之六 = 0.06%."""
    den = _BASES.get(g["den"]) or _MAGNITUDES.get(g["den"]) or cn_value(g["den"])
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


def _magnitude(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
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


def _amount(text: str, start: int, end: int, g: dict, n: float | None) -> Figure | None:
    unit = read_unit(text, end)
    if unit is None:
        return None
    big = any(ch in g["n"] for ch in "百千万亿") or unit.multiplier > 1
    if unit.unit not in (*MONEY, "percent") and not big:
        return None  # 五个问题, 三大高地: prose
    q = ">" if unit.approx_more else "="
    amount = n * float(unit.multiplier)
    return _figure(text, (start, unit.end), amount, unit.unit, (q, g["n"], unit.raw))


_READERS = {
    "tenths": _tenths, "half": _half, "fraction": _fraction, "double": _double,
    "multiple": _multiple, "rank": _rank, "rank_word": _rank, "top": _top, "years": _years,
    "more_years": _more_years, "magnitude": _magnitude, "amount": _amount,
}  # fmt: skip
_NEEDS_NUMBER = {"tenths", "fraction", "double", "multiple", "years", "more_years", "amount"}


def find_word_figures(text: str, start: int, end: int, exclude: list[Span]) -> list[Figure]:
    """Word figures of text[start:end] whose start is in no excluded span."""
    found = []
    for m in _REGEX.finditer(text, start, end):
        kind = m.lastgroup or ""
        part = _PARTS[kind].match(text, m.start())  # in place: its look-arounds see the text
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

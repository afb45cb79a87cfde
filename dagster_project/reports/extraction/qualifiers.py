"""Qualifier words around a figure, mapped to =, >, >=, <, <=, ~.

Mapping (Chinese usage): 超/超过/突破/逾/高于/余/多 '>' (strictly more: 超12亿 is more than
12亿); 以上/不低于/不少于/至少 '>=' (以上 includes the bound in Chinese drafting);
低于/不足/少于 '<'; 以内/以下/不超过/上限为/为上限/最快/内 (durations) '<='; 约/近/约合/
左右/上下 '~'; 上方/下方 (1.78%上方) '>'/'<'.
"""

from __future__ import annotations

_PREFIXES = [
    ("不低于", ">="), ("不少于", ">="), ("至少", ">="), ("不高于", "<="), ("不超过", "<="),
    ("最多", "<="), ("最高", "<="), ("超过", ">"), ("突破", ">"), ("高于", ">"),
    ("多于", ">"), ("大于", ">"), ("逾", ">"), ("超", ">"), ("不足", "<"), ("低于", "<"),
    ("少于", "<"), ("小于", "<"), ("未达", "<"), ("大约", "~"), ("约为", "~"), ("约", "~"),
    ("将近", "~"), ("接近", "~"), ("近", "~"), ("约合", "~"), ("上限为", "<="), ("上限", "<="),
    ("最快", "<="), ("跃过", ">"), ("跨过", ">"), ("跨越", ">"),
]  # fmt: skip
_SUFFIXES = [
    ("及以上", ">="), ("以上", ">="), ("及以下", "<="), ("以下", "<="), ("以内", "<="),
    ("为上限", "<="), ("上方", ">"), ("下方", "<"),
    ("左右", "~"), ("上下", "~"),
]  # fmt: skip


def prefix_qualifier(text: str, number_start: int) -> tuple[str, int]:
    """(qualifier, start of the qualifier word) for the words just before the number (one
    space between them is allowed: 跃过 4000 亿元)."""
    if number_start > 0 and text[number_start - 1] == " ":
        qualifier, start = prefix_qualifier(text, number_start - 1)
        return (qualifier, start) if qualifier != "=" else ("=", number_start)
    for word, qualifier in _PREFIXES:
        start = number_start - len(word)
        if start >= 0 and text[start:number_start] == word:
            return qualifier, start
    return "=", number_start


def suffix_qualifier(text: str, unit_end: int, is_duration: bool) -> tuple[str, int]:
    """(qualifier, end of the qualifier word) for the words just after the unit."""
    for word, qualifier in _SUFFIXES:
        if text.startswith(word, unit_end):
            return qualifier, unit_end + len(word)
    if is_duration and text.startswith("内", unit_end):
        return "<=", unit_end + 1
    return "=", unit_end


def combine(prefix: str, suffix: str, approx_more: bool) -> str:
    """A written prefix wins; then a suffix; 余/多 inside the figure means 'more than'."""
    if prefix != "=":
        return prefix
    if suffix != "=":
        return suffix
    return ">" if approx_more else "="

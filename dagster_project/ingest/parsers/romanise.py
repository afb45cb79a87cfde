"""Hanyu Pinyin of Chinese place names, for the English names of prefectures.

No shipped source gives English names for prefecture-level cities, so they are romanised
from the Chinese names at build time: pypinyin with the CC-CEDICT phrase readings of
pypinyin-dict, which read place names as place names (长治 Changzhi, not Zhangzhi; 朝阳
Chaoyang; 漯河 Luohe; 锡林郭勒 Xilinguole), where pypinyin's own phrase table guesses wrong.
The result is one toneless syllable per character (ü kept), lowercase, space-separated; the
dbt model that builds the English name joins the syllables of the name's short form.
"""

from __future__ import annotations

from functools import cache

from dagster_project.core.errors import InputError


@cache
def _converter():
    """pypinyin with the CC-CEDICT phrases loaded (once per process; it patches pypinyin)."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin_dict.phrase_pinyin_data import cc_cedict

    cc_cedict.load()
    return lambda text: lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="default")


def pinyin_syllables(name: str, *, file: str, row: int, column: str) -> str:
    """`深圳市` → `shen zhen shi`: one syllable per character, or an InputError naming the cell."""
    syllables = _converter()(name)
    if len(syllables) != len(name) or not all(s.isalpha() and s.islower() for s in syllables):
        raise InputError(
            f"{name!r} is not a name of Han characters only (cannot romanise it)",
            file=file,
            row=row,
            column=column,
        )
    return " ".join(syllables)

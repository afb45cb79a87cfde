"""The rules of `word_figures` as regular expressions, one named pattern per kind of figure.

Numerals (`_NUM`) are runs of Chinese digits and magnitudes with at least one digit; ranks
need a ranking context (a cue word, then optionally a scope and a few characters naming the
field); ordinals and tiers (第二季度, 第四次, 第一梯队) are not ranks.
"""

from __future__ import annotations

import re

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
# The characters a rule can start with: other positions are skipped at once.
_FIRST = (
    "一二两三四五六七八九十百千万亿零〇半翻第首前连居位排列稳名跃升提上降下从保进跻取获夺荣份占0-9"
)
SCAN = re.compile(
    f"(?=[{_FIRST}])(?:"
    + "|".join(f"(?P<{name}>{re.sub(r'[(][?]P<[a-z]+>', '(?:', body)})" for name, body in _PATTERNS)
    + ")"
)
PARTS = {name: re.compile(body) for name, body in _PATTERNS}

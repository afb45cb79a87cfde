"""CJK radical code points that PDF text layers give instead of ordinary characters.

Fonts such as Noto CJK draw 大, 工, 民 … with glyphs that map back to the Kangxi Radicals
block (U+2F00–U+2FD5: ⼤ ⼯ ⼀) or the CJK Radicals Supplement (U+2E80–U+2EF3: ⺠ ⻅ ⻓).
NFKC folds the Kangxi block; the Supplement has no decomposition, so the characters that
stand alone as words are mapped here (Unicode's EquivalentUnifiedIdeograph data, read by
name). Radical-only forms that are never a character of running text are left alone.
"""

from __future__ import annotations

import re
import unicodedata

SUPPLEMENT = {
    "⺀": "冫", "⺁": "厂", "⺇": "几", "⺋": "㔾", "⺌": "小", "⺎": "兀", "⺏": "尣",
    "⺐": "尢", "⺑": "𡯂", "⺒": "巳", "⺓": "幺", "⺔": "彑", "⺖": "忄", "⺘": "扌",
    "⺙": "攵", "⺛": "旡", "⺜": "日", "⺝": "月", "⺞": "歺", "⺟": "母", "⺠": "民",
    "⺡": "氵", "⺢": "氺", "⺣": "灬", "⺤": "爫", "⺥": "爫", "⺦": "丬", "⺧": "牛",
    "⺨": "犭", "⺩": "王", "⺪": "疋", "⺫": "罒", "⺬": "示", "⺭": "礻", "⺮": "竹",
    "⺯": "糸", "⺰": "纟", "⺱": "罓", "⺲": "罒", "⺳": "网", "⺴": "罓", "⺵": "罓",
    "⺶": "羊", "⺷": "羊", "⺸": "𦍌", "⺹": "耂", "⺺": "肀", "⺻": "聿", "⺼": "月",
    "⺽": "臼", "⺾": "艹", "⺿": "艹", "⻀": "艹", "⻁": "虎", "⻂": "衤", "⻃": "覀",
    "⻄": "西", "⻅": "见", "⻆": "角", "⻇": "角", "⻈": "讠", "⻉": "贝", "⻊": "足",
    "⻋": "车", "⻌": "辶", "⻍": "辶", "⻎": "辶", "⻏": "阝", "⻐": "钅", "⻑": "長",
    "⻒": "镸", "⻓": "长", "⻔": "门", "⻕": "阝", "⻖": "阝", "⻗": "雨", "⻘": "青",
    "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻞": "食", "⻟": "食",
    "⻠": "饣", "⻡": "首", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟",
    "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻫": "斉", "⻬": "齐", "⻭": "歯",
    "⻮": "齿", "⻯": "竜", "⻰": "龙", "⻱": "龜", "⻲": "亀", "⻳": "龟",
}  # fmt: skip
_KANGXI = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}
_TABLE = str.maketrans({**_KANGXI, **SUPPLEMENT})
_ANY = re.compile("[\u2e80-\u2fdf]")


def normalise_radicals(text: str) -> str:
    """⼤会 -> 大会, ⼈⺠ -> 人民; every other character unchanged."""
    return text.translate(_TABLE) if _ANY.search(text) else text

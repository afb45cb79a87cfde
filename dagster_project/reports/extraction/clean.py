"""Turn loaded text into the cleaned text every offset refers to.

Steps, in this order: Unicode and width normalisation, removal of the pinyin readings the
site inserts after characters (`數(shù)據(jù)` -> `數據`), Traditional -> Simplified with OpenCC,
then the site's boilerplate. Real parentheses such as `IDC(国际数据公司)` or `(%)` stay.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from dagster_project.reports.extraction.boilerplate import strip_boilerplate

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYLLABLE = f"[a-zü{_TONED}]{{1,7}}"
# A reading follows a Han character and holds one or more lowercase syllables.
_READING = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])\(({_SYLLABLE}(?: {_SYLLABLE}){{0,3}})\)")
_NEUTRAL = {"de", "le", "me", "men", "zi", "ne", "ma", "ba", "ge", "zhe", "tou", "mian", "li"}
# Full-width ASCII (，：％（）) to ASCII; ？ and ！ stay because an ASCII '?' marks damage.
_KEEP_WIDE = {"？", "！"}


@dataclass(frozen=True)
class CleanText:
    text: str
    title: str | None


def _is_reading(syllables: str) -> bool:
    words = syllables.split(" ")
    return all(any(ch in _TONED for ch in w) or w in _NEUTRAL for w in words)


def remove_readings(text: str) -> str:
    return _READING.sub(lambda m: "" if _is_reading(m.group(1)) else m.group(0), text)


def normalise_width(text: str) -> str:
    def narrow(ch: str) -> str:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E and ch not in _KEEP_WIDE:
            return chr(code - 0xFEE0)
        return " " if ch == "\u3000" else ch

    return "".join(narrow(ch) for ch in text)


@cache
def _converter():  # opencc ships no type stubs
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def tidy_lines(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _normalised(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return to_simplified(remove_readings(normalise_width(text)))


def clean_text(text: str, title_hint: str | None = None) -> CleanText:
    body, header_title = strip_boilerplate(_normalised(text))
    title = _normalised(title_hint).strip() if title_hint else header_title
    return CleanText(tidy_lines(body), title)

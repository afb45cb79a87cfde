"""Turn loaded text into the cleaned text every offset refers to.

Steps, in this order: CJK radical look-alikes from PDF text layers (`⼤`, `⺠`) to ordinary
characters, Unicode and width normalisation, removal of the pinyin readings the site
inserts after characters (`數(shù)據(jù)` -> `數據`), Traditional -> Simplified with OpenCC, then
the site's boilerplate. Real parentheses such as `IDC(国际数据公司)` or `(%)` stay. Last,
the loaders' page and table marks are taken out of the text and kept as offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from dagster_project.reports.extraction.boilerplate import strip_boilerplate
from dagster_project.reports.extraction.loaders import PAGE_BREAK, TABLE_END, TABLE_START
from dagster_project.reports.extraction.model import Span
from dagster_project.reports.extraction.radicals import normalise_radicals

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
    page_starts: tuple[int, ...] = ()  # where pages 2, 3, … start (PDF)
    tables: tuple[Span, ...] = ()  # tables the loader read as cell rows


def _is_reading(syllables: str) -> bool:
    words = syllables.split(" ")
    return all(any(ch in _TONED for ch in w) or w in _NEUTRAL for w in words)


def remove_readings(text: str) -> str:
    return _READING.sub(lambda m: "" if _is_reading(m.group(1)) else m.group(0), text)


# Full-width ASCII (，：％（）) to ASCII and the ideographic space to a space, in one table.
_NARROW = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c) not in _KEEP_WIDE}
    | {"\u3000": " "}
)


def normalise_width(text: str) -> str:
    return text.translate(_NARROW)


_TRAILING_SPACE = re.compile(r"[^\S\f]+$")  # a page mark at a line's end stays


@cache
def _converter():  # opencc ships no type stubs
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def tidy_lines(text: str) -> str:
    lines = [_TRAILING_SPACE.sub("", line) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _normalised(text: str) -> str:
    text = normalise_radicals(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text)
    return to_simplified(remove_readings(normalise_width(text)))


def take_marks(text: str) -> tuple[str, tuple[int, ...], tuple[Span, ...]]:
    """(text without page and table marks, page starts, table spans) in the new offsets."""
    out: list[str] = []
    pages: list[int] = []
    tables: list[Span] = []
    size, table_start = 0, None
    for piece in re.split(f"([{PAGE_BREAK}{TABLE_START}{TABLE_END}])", text):
        if piece == PAGE_BREAK:
            pages.append(size)
        elif piece == TABLE_START:
            table_start = size
        elif piece == TABLE_END and table_start is not None:
            tables.append(Span(table_start, size))
            table_start = None
        elif piece not in (TABLE_START, TABLE_END):
            out.append(piece)
            size += len(piece)
    return "".join(out), tuple(pages), tuple(tables)


def clean_text(text: str, title_hint: str | None = None) -> CleanText:
    body, header_title = strip_boilerplate(_normalised(text))
    title = _normalised(title_hint).strip() if title_hint else header_title
    cleaned, pages, tables = take_marks(tidy_lines(body))
    return CleanText(cleaned, title, pages, tables)

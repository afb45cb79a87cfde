"""The report's table of contents.

The TOC is one line whose page numbers (and the site's anchor ids) are glued to the next
heading's number: `摘要 328730一、…综述 5261741.1智慧政务…` is 摘要 (page 3, anchor 28730),
then 一、…综述 (page 5, anchor 26174), then 1.1 智慧政务…. Page digits and the chapter part
of an `x.y` number are told apart by knowing the current chapter and the expected next y.
"""

from __future__ import annotations

import re

from dagster_project.reports.extraction.model import Span

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNNUMBERED = ("摘要", "前言", "引言", "序言", "结论", "附录")
CHAPTER = r"[一二三四五六七八九十]{1,3}、"
_TOC_START = re.compile(r"目\s*录")
_ENTRY_HEAD = re.compile(rf"\d*?(?:(?P<num>{CHAPTER})|(?P<word>{'|'.join(UNNUMBERED)}))")
_TITLE_PAGE = re.compile(r"(?P<title>.+?)\s+(?P<digits>\d+)")


def chinese_numeral(text: str) -> int:
    """一..九十九 -> int (chapter numbers only go that far)."""
    text = text.rstrip("、")
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)


def _chapter_digits(digits: str, chapter: int | None) -> str:
    """The chapter part of the next `x.y` number, glued to the end of the page digits."""
    wanted = str(chapter) if chapter is not None else ""
    return wanted if wanted and digits.endswith(wanted) else digits[-1:]


def _subsection(rest: str, chapter: str, last: tuple[str | None, int]) -> str | None:
    """The `.y` part of the next number; prefer the expected next y, since a title may itself
    start with digits (`5.12026-2030年…` is 5.1 + `2026-2030年…`)."""
    expected = last[1] + 1 if last[0] == chapter else 1
    if rest.startswith(f".{expected}"):
        return f".{expected}"
    match = re.match(r"\.\d+", rest)
    return match.group(0) if match else None


def parse_toc(toc: str) -> list[tuple[str | None, str]]:
    """(number, title) for each entry of a glued one-line TOC."""
    entries: list[tuple[str | None, str]] = []
    pos, chapter, carry, last = 0, None, "", (None, 0)
    while pos < len(toc):
        number: str | None
        if carry:  # the chapter digits of an `x.y` number were glued to the page digits
            sub = _subsection(toc[pos:], carry, last)
            if not sub:
                break
            number, pos = carry + sub, pos + len(sub)
            last = (carry, int(sub[1:]))
        else:
            match = _ENTRY_HEAD.match(toc, pos)
            if not match:
                break
            pos = match.end()
            number = str(chinese_numeral(match.group("num"))) if match.group("num") else None
            if match.group("word"):
                pos = match.start("word")
            chapter = int(number) if number else chapter
        page = _TITLE_PAGE.match(toc, pos)
        if not page:
            entries.append((number, toc[pos:].strip()))
            break
        entries.append((number, page.group("title").strip()))
        pos = page.end()
        carry = ""
        rest = toc[pos:]
        if re.match(r"\.\d", rest):  # digits ran straight into "x.y": split them
            carry = _chapter_digits(page.group("digits"), chapter)
    return entries


def find_toc(text: str) -> tuple[Span | None, list[tuple[str | None, str]]]:
    match = _TOC_START.search(text)
    if not match:
        return None, []
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end < 0 else line_end
    entries = parse_toc(text[match.end() : line_end].strip())
    if len(entries) < 2:
        return None, []
    return Span(match.start(), line_end), entries

"""Table of contents, section headings and sections.

The report's TOC is one line whose page numbers (and the site's anchor ids) are glued to the
next heading's number: `摘要 328730一、…综述 5261741.1智慧政务…`. It is parsed into
(number, title) entries, skipped as body text, and used to find the headings in the body,
where they are glued to the surrounding text too. Without a TOC, headings are read from
lines of their own (Markdown and HTML keep them on separate lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dagster_project.reports.model import Section, Span

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNNUMBERED = ("摘要", "前言", "引言", "序言", "结论", "附录")
_CHAPTER = r"[一二三四五六七八九十]{1,3}、"
_TOC_START = re.compile(r"目\s*录")
_ENTRY_HEAD = re.compile(rf"(?P<num>{_CHAPTER})|(?P<word>{'|'.join(_UNNUMBERED)})")
_TITLE_PAGE = re.compile(r"(?P<title>.+?)\s+(?P<digits>\d+)")
_LINE_HEADING = re.compile(
    rf"^(?:(?P<word>{'|'.join(_UNNUMBERED)})|(?P<num>{_CHAPTER}|\d+(?:\.\d+)+)\s*(?P<title>[^。\n]{{2,60}}))$"
)


@dataclass(frozen=True)
class Heading:
    number: str | None  # "1", "1.1"; None for 摘要 and the like
    title: str
    start: int
    body_start: int

    @property
    def level(self) -> int:
        return 1 if self.number is None else self.number.count(".") + 1


def chinese_numeral(text: str) -> int:
    """一..九十九 -> int (chapter numbers only go that far)."""
    text = text.rstrip("、")
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)


def _split_digits(digits: str, chapter: int | None) -> tuple[str, str]:
    """Split a page/anchor digit run from the chapter part of the next `x.y` number."""
    wanted = str(chapter) if chapter is not None else digits[-1:]
    if chapter is not None and not digits.endswith(wanted):
        wanted = digits[-1:]
    return digits[: len(digits) - len(wanted)], wanted


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
    head = re.compile(rf"\d*?(?:(?P<num>{_CHAPTER})|(?P<word>{'|'.join(_UNNUMBERED)}))")
    while pos < len(toc):
        number: str | None
        if carry:  # the chapter digits of an `x.y` number were glued to the page digits
            sub = _subsection(toc[pos:], carry, last)
            if not sub:
                break
            number, pos = carry + sub, pos + len(sub)
            last = (carry, int(sub[1:]))
        else:
            match = head.match(toc, pos)
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
            _, carry = _split_digits(page.group("digits"), chapter)
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


def _heading_pattern(number: str | None, title: str, chapter_cn: str | None) -> re.Pattern[str]:
    title_re = r"\s*".join(re.escape(part) for part in title.split())
    if number is None:
        return re.compile(rf"(?:^|(?<=[。\n]))\s*{title_re}", re.M)
    label = re.escape(chapter_cn) if chapter_cn else re.escape(number)
    return re.compile(rf"{label}\s*{title_re}")


def headings_from_toc(text: str, toc_end: int, entries: list) -> list[Heading]:
    """Locate each TOC entry in the body, in order; entries cut from a preview are skipped."""
    to_cn = {v: k for k, v in CN_DIGITS.items()}
    headings, cursor = [], toc_end
    for number, title in entries:
        chapter_cn = None
        if number and "." not in number:
            chapter_cn = _cn(int(number), to_cn) + "、"
        match = _heading_pattern(number, title, chapter_cn).search(text, cursor)
        if not match:
            continue
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        headings.append(Heading(number, title, start, match.end()))
        cursor = match.end()
    return headings


def _cn(value: int, to_cn: dict[int, str]) -> str:
    if value < 10:
        return to_cn[value]
    tens, units = divmod(value, 10)
    return (to_cn[tens] if tens > 1 else "") + "十" + (to_cn[units] if units else "")


def headings_from_lines(text: str) -> list[Heading]:
    headings, offset = [], 0
    for line in text.split("\n"):
        match = _LINE_HEADING.match(line.strip())
        if match:
            start = offset + len(line) - len(line.lstrip())
            number = match.group("num")
            if number and number.endswith("、"):
                number = str(chinese_numeral(number))
            title = match.group("word") or match.group("title").strip()
            headings.append(Heading(number, title, start, offset + len(line)))
        offset += len(line) + 1
    return headings


def build_sections(text: str, headings: list[Heading], document_id: str) -> list[Section]:
    sections = []
    for i, heading in enumerate(headings):
        end = headings[i + 1].start if i + 1 < len(headings) else len(text.rstrip("\n"))
        key = heading.number or ("abstract" if heading.title == "摘要" else heading.title)
        sections.append(
            Section(
                section_id=f"{document_id}:{key}",
                section_number=heading.number,
                title=heading.title,
                level=heading.level,
                char_start=heading.start,
                body_start=heading.body_start,
                char_end=end,
            )
        )
    return sections


def find_sections(text: str, document_id: str) -> tuple[Span | None, list[Section]]:
    """(the TOC span, or None; the sections in document order)."""
    toc_span, entries = find_toc(text)
    headings = headings_from_toc(text, toc_span.end, entries) if toc_span else []
    if not headings:
        headings = headings_from_lines(text)
    return toc_span, build_sections(text, headings, document_id)

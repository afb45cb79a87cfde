"""Section headings and sections.

Headings are found from the table of contents (see `toc`): each entry is searched in the
body, where headings are glued to the surrounding text (`…格局。一、…综述1.1智慧政务…近年来`).
Without a TOC, headings are read from lines of their own (Markdown and HTML keep them on
separate lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dagster_project.reports.extraction.model import Section, Span
from dagster_project.reports.extraction.toc import (
    CHAPTER,
    CN_DIGITS,
    UNNUMBERED,
    chinese_numeral,
    find_toc,
)

WHOLE_TEXT = "正文"
_UNNUMBERED_KEYS = {"摘要": "abstract", WHOLE_TEXT: "body"}
_LINE_HEADING = re.compile(
    rf"^(?:(?P<word>{'|'.join(UNNUMBERED)})"
    rf"|(?P<num>{CHAPTER}|\d+(?:\.\d+)+)\s*(?P<title>[^。\n]{{2,60}}))$"
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
        key = heading.number or _UNNUMBERED_KEYS.get(heading.title, heading.title)
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
        if headings and re.search(r"\d", text[: headings[0].start]):
            # text before the first heading (a speech's opening, a PDF whose first heading was
            # joined to a paragraph) is a section too, never dropped
            headings.insert(0, Heading(None, WHOLE_TEXT, 0, 0))
    if not headings:
        # No recognisable structure: the whole text (after any TOC) is one section.
        start = toc_span.end if toc_span else 0
        headings = [Heading(None, WHOLE_TEXT, start, start)]
    return toc_span, build_sections(text, headings, document_id)

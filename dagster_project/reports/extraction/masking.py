"""Mask the parts of a sentence that must not drive context: titles in 《》 and citations.

A year or a place inside 《2023年中国…报告》 or inside (数据来源:…) describes the cited
document, not the figure. Masking keeps offsets: masked characters become spaces.
"""

from __future__ import annotations

import re

from dagster_project.reports.extraction.model import Span

_TITLE = re.compile(r"《[^《》]*》")


def title_spans(text: str, start: int, end: int) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _TITLE.finditer(text, start, end)]


def masked(text: str, start: int, end: int, spans: list[Span]) -> str:
    """text[start:end] with every character inside `spans` replaced by a space."""
    chars = list(text[start:end])
    for span in spans:
        for pos in range(max(span.start, start), min(span.end, end)):
            chars[pos - start] = " "
    return "".join(chars)

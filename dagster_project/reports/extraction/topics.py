"""Where a news post's paragraphs get their topic when a sentence names no place."""

from __future__ import annotations

from dagster_project.reports.extraction.gazetteer import Gazetteer
from dagster_project.reports.extraction.regions import Mention, find_mentions

_SUBHEADING_MAX = 40


def subheading_mentions(text: str, start: int, gazetteer: Gazetteer) -> list[Mention]:
    """A short line opening with a place (武汉：建成全国数字经济一线城市) heads the paragraphs
    after it: their topic until the next such line. `start` is where the line starts."""
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)]
    if len(line) > _SUBHEADING_MAX or "。" in line:
        return []
    mentions = find_mentions(line, 0, gazetteer)
    return [m for m in mentions if m.kind == "place" and m.start <= 1][:1]

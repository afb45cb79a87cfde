"""Find spans where bytes were mis-decoded upstream.

The site's text has a few places where a UTF-8 sequence was read with the wrong codec:
`领域?qū)崿F` for 领域实现, `31个?。ㄗ灾螀^` for 31个省(自治区, `医?;鹬С?.2亿元` where a
figure lost its leading digit. The damage shows as ASCII '?', private-use or replacement
characters, bopomofo, Cyrillic, or stray pinyin letters with a tone mark. Figures inside
or touching such a span are flagged, never published as clean.
"""

from __future__ import annotations

import re

from dagster_project.reports.extraction.model import Span

_SIGNAL = re.compile(
    r"[?\ufffd\ue000-\uf8ff\u3100-\u312f\u31a0-\u31bf\u0370-\u03ff\u0400-\u04ff]"
    r"|[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)?"
)
# Signals closer than this belong to the same damaged stretch.
_MERGE_GAP = 3


def find_garbled_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _SIGNAL.finditer(text):
        if spans and match.start() - spans[-1].end <= _MERGE_GAP:
            spans[-1] = Span(spans[-1].start, match.end())
        else:
            spans.append(Span(match.start(), match.end()))
    return spans


def touches_garble(span: Span, garbled: list[Span], max_gap: int = 1) -> bool:
    """True when `span` lies within `max_gap` characters of a damaged stretch."""
    return any(span.gap_to(g) <= max_gap for g in garbled)

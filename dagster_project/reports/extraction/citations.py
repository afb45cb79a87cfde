"""Cited sources: `(数据来源:机构《报告名》)` after figures and lead-ins such as
`据IDC数据显示,` / `根据中国信息通信研究院发布的《…》,` / `艾瑞咨询《…》指出,`.

A trailing citation covers the figures written since the previous citation of the
sentence; a lead-in covers the figures after it. When both apply, the trailing citation
wins and borrows the lead-in's publisher if it names only a publication. Publishers are
normalised: `IDC(国际数据公司)` -> `IDC`.
"""

from __future__ import annotations

import re

from dagster_project.reports.extraction.model import Citation

_TRAILING = re.compile(
    r"\((?:数据来源|资料来源|来源|出处)[:：]\s*(?P<body>(?:[^()]|\([^()]*\))+)\)"
)
_LEAD_IN = re.compile(
    r"(?:^|(?<=[,，;；:：]))(?:据|根据|依据|来自)(?P<body>[^,，;；。]{2,80}?)[,，]"
)
_SAYS = re.compile(
    r"(?:^|(?<=[,，;；]))(?!据|根据|依据)"
    r"(?P<body>[A-Za-z\u4e00-\u9fff()]{2,30}?(?:《[^》]+》)?)"
    r"(?:调研|研究|数据|报告)?(?:指出|显示|表明|认为)[,，:：]"
)
_PUBLICATION = re.compile(r"《(?P<title>[^《》]+)》")
_YEAR = re.compile(r"(?:19|20)\d{2}年")
# The longest leading run that ends like an organisation's name (longer suffixes first, so
# 办公室 is not cut to 办).
_ORG_PREFIX = re.compile(
    r"^(?:[A-Z][A-Za-z&.\-]*|[\u4e00-\u9fffA-Za-z]{1,30}"
    r"(?:研究院|研究中心|研究所|办公室|委员会|中心|公司|联盟|咨询|顾问|协会|学会|集团|银行|"
    r"大学|小组|院|局|部|委|办|厅|署|网))"
)


def _strip_parentheticals(text: str) -> str:
    return re.sub(r"\([^()]*\)", "", text)


def publisher_of(head: str) -> str | None:
    """The organisation at the start of `head` (IDC(国际数据公司)统计 -> IDC)."""
    head = _strip_parentheticals(head).strip(" :：,，")
    year = _YEAR.search(head)
    head = head[: year.start()] if year else head
    match = _ORG_PREFIX.match(head)
    return match.group(0) if match else None


def _parse(body: str) -> tuple[str | None, str | None]:
    pub = _PUBLICATION.search(body)
    head = body[: pub.start()] if pub else body
    return publisher_of(head), (pub.group("title") if pub else None)


def trailing_citations(text: str, offset: int) -> list[Citation]:
    found = []
    for m in _TRAILING.finditer(text):
        body = m.group("body").strip()
        publisher, publication = _parse(body)
        if publication is None:
            # No 《title》: keep the description whole (该省生态环境厅碳核算模型).
            publisher = _strip_parentheticals(body).strip()
        start, end = offset + m.start(), offset + m.end()
        found.append(Citation(publisher, publication, m.group(0), start, end))
    return found


def lead_in_citations(text: str, offset: int) -> list[Citation]:
    found = []
    for pattern in (_LEAD_IN, _SAYS):
        for m in pattern.finditer(text):
            publisher, publication = _parse(m.group("body"))
            if publisher:
                raw = m.group(0).strip(",，")
                start, end = offset + m.start(), offset + m.end()
                found.append(Citation(publisher, publication, raw, start, end))
    return sorted(found, key=lambda c: c.start)


def citation_for(pos: int, trailing: list[Citation], leads: list[Citation]) -> Citation | None:
    """The source of a figure at `pos` (offsets in the cleaned text)."""
    after = [c for c in trailing if c.start >= pos]
    lead = next((c for c in reversed(leads) if c.start < pos), None)
    if after:
        cite = after[0]
        if cite.publisher is None and lead is not None:
            return Citation(lead.publisher, cite.publication, cite.raw, cite.start, cite.end)
        return cite
    return lead

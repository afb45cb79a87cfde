"""Document identity from what the format states: title, publisher, date, edition, kind and
report series.

Title: front matter `title:`, HTML `<title>`/`<h1>`/`<meta>`, PDF metadata or first-page
heading, DOCX core properties, a report site's page headers; else the file name. Date:
front matter `date:` (ISO or RFC 822), HTML meta, PDF/DOCX dates, else a full date written
in the title. Edition: the first year in the title, else the year of the date. Kind:
`market_report` (market, industry or white-paper titles), `government` (work reports,
plans, budgets, official full texts), `news` (a dated post with an author or a headline),
else `other`; a caller's declaration overrides it. Series: editions of one market report
share the key of their title without years; any other document is its own series.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime

KINDS = ("market_report", "news", "government", "other")
_MARKET = re.compile(
    r"(?:市场|行业|产业).{0,30}(?:报告|研究|分析|白皮书|蓝皮书|前景|预测|调研)|白皮书|蓝皮书|"
    r"(?:研究|咨询|调研)报告|market report|industry report|white ?paper",
    re.I,
)
_GOVERNMENT = re.compile(
    r"政府工作报告|规划纲要|发展规划|五年规划|纲要|预算案|财政预算|施政报告|"
    r"(?:通知|条例|办法|意见|决定|规定|方案|公告|白皮书)(?:》)?(?:全文)?$|全文$"
)
_NEWS_PUBLISHER = re.compile(
    r"新闻|新浪|财经|日报|晚报|晨报|记者|通讯社|网$|times|news|daily", re.I
)
_HEADLINE = re.compile(r"[:：].{4,}")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_RFC822 = re.compile(r"^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4}")
_TITLE_DATE = re.compile(r"((?:19|20)\d{2})[年\-/.](\d{1,2})[月\-/.](\d{1,2})")


@dataclass(frozen=True)
class Identity:
    title: str
    title_source: str
    publisher: str | None
    published_date: str | None
    edition: int | None
    kind: str
    series_id: str


_SITE_SUFFIX = re.compile(r"\s*(?:[-_|–—]\s*)?【[^】]*】\s*$|\s*[-_|–—]\s*[^-_|–—]{1,20}$")


def strip_site_suffix(title: str) -> str:
    """`国采中心…逾87亿元- 【阳光易购】` -> `国采中心…逾87亿元` (a page title names its site)."""
    return _SITE_SUFFIX.sub("", title) or title


def parse_date(raw: str | None) -> str | None:
    """'2017-02-22', '2017-02-22 17:19:38', 'Fri, 09 Jul 2021 05:06:47 GMT', 'D:20240101',
    '2024年8月23日' (a date written in a title)."""
    if not raw:
        return None
    raw = raw.strip()
    iso = re.match(r"(?:D:)?((?:19|20)\d{2})[-/.]?(\d{2})[-/.]?(\d{2})", raw)
    written = _TITLE_DATE.search(raw)
    try:
        if iso:
            return date(*map(int, iso.groups())).isoformat()
        if _RFC822.match(raw):
            return parsedate_to_datetime(raw).date().isoformat()
        return date(*map(int, written.groups())).isoformat() if written else None
    except (TypeError, ValueError, IndexError):
        return None


def edition_of(title: str | None) -> int | None:
    """The report's edition is the first year in its title (2026年及未来5年… -> 2026)."""
    match = _YEAR.search(title or "")
    return int(match.group(0)) if match else None


def kind_of(title: str, meta: dict, text: str) -> str:
    if _MARKET.search(title):
        return "market_report"
    headline = bool(_HEADLINE.search(title))
    if not headline and (_GOVERNMENT.search(title) or text.lstrip().startswith("各位代表")):
        return "government"
    publisher = " ".join(v for k in ("author", "publisher") if (v := meta.get(k)))
    if meta.get("date") and (headline or publisher or meta.get("categories")):
        return "news"
    site = f"{publisher} {meta.get('page_title') or ''}"
    if (
        _NEWS_PUBLISHER.search(site)
        or re.search(r"早餐|早报|晚报|快讯|简报|日报", title)
        or re.search(r"原标题|记者|\d+月\d+日电", text[:400])
    ):
        return "news"
    return "other"


def series_of(kind: str, title: str, document_id: str, slugify) -> str:
    """Editions of a market report share a series: its title (or id) without years."""
    if kind != "market_report":
        return document_id
    base = re.sub(r"(?:19|20)\d{2}(?:年度?|版)?|第\d+版", "", title).strip(" -_") or document_id
    return "series-" + slugify(base)


def identify(meta: dict, *, title_hint: str | None, header_title: str | None, stem: str,
             text: str, document_id: str, slugify,
             kind: str | None = None) -> Identity:  # fmt: skip
    """`title_hint` is what the loader found, `header_title` the report site's page header."""
    title, source = title_hint, meta.get("title_source") or "format"
    if not title and header_title:
        title, source = header_title, "page_header"
    if not title:
        title, source = stem, "file_name"
    published = parse_date(meta.get("date")) or parse_date(title)
    edition = edition_of(title) or (int(published[:4]) if published else None)
    chosen = kind if kind in KINDS else kind_of(title, meta, text)
    publisher = meta.get("publisher") or meta.get("author")
    return Identity(title, source, publisher, published, edition, chosen,
                    series_of(chosen, title, document_id, slugify))  # fmt: skip

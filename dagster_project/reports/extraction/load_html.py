"""HTML pages (and JSP/ASP templates saved as pages): main content through trafilatura.

trafilatura is built for this: it finds the article in a page and drops navigation, share
widgets, ads, comment boxes and link lists, and keeps tables as tables. Its XML output is
turned into lines by `html_text`. A page too short for its heuristics falls back to the
whole body with furniture removed by tag and class. Template directives (`<%@ … %>`) and
comments are removed before parsing, since browsers never show them.
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

from dagster_project.reports.extraction.decoding import decode
from dagster_project.reports.extraction.html_text import cell_text, tree_text
from dagster_project.reports.extraction.identity import strip_site_suffix
from dagster_project.reports.extraction.loaders import LoadedText, register_loader

_TEMPLATE = re.compile(r"<%.*?%>|</?[a-z]+:[a-z]+\b[^>]*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "form", "menu")
_FURNITURE_CLASS = re.compile(
    r"nav|menu|breadcrumb|share|jiathis|banner|advert|\bad\b|\bads\b|comment|related|"
    r"footer|sidebar|qr|copyright|recommend|toolbar|login|search|hotnews|latest",
    re.I,
)
_META_FIELDS = {
    "author": "author", "article:author": "author", "og:site_name": "publisher",
    "publisher": "publisher", "description": "description", "og:description": "description",
    "article:published_time": "date", "pubdate": "date", "publishdate": "date", "date": "date",
    "og:title": "title",
}  # fmt: skip
_ORIGINAL_TITLE = re.compile(r"^[\s\u3000]*原标题[:：].*(?:\n|$)", re.M)
_PUBLISHED = re.compile(
    r"(?:发布时间|发布日期|发表时间|时间|日期)[:：]\s*(?P<date>(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2})"
)


def strip_templates(markup: str) -> str:
    return _TEMPLATE.sub("", _COMMENT.sub("", markup))


def _drop_furniture(root: etree._Element) -> etree._Element:
    """Remove page furniture by tag and by class or id (share bars, QR promos, link lists)."""
    for element in list(root.iter()):
        tag = element.tag if isinstance(element.tag, str) else ""
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        if tag in _FURNITURE_TAGS or (
            tag not in ("html", "body") and _FURNITURE_CLASS.search(marks)
        ):
            element.drop_tree()
    return root


def _fallback(root: etree._Element) -> str:
    body = root.find("body")
    return tree_text(body if body is not None else root)


def _meta(root: etree._Element) -> dict[str, str | None]:
    """What the page states about itself: <title>, <h1>, <meta> tags, a `发布时间` line.

    Read directly rather than through trafilatura's metadata, whose date search runs a
    general date parser over the page and takes seconds on a short post."""
    meta: dict[str, str | None] = {}
    for element in root.iter("meta"):
        key = (element.get("name") or element.get("property") or "").lower()
        field = _META_FIELDS.get(key)
        if field and element.get("content") and not meta.get(field):
            meta[field] = element.get("content").strip()
    for field, path in (("h1", ".//h1"), ("page_title", ".//title")):
        found = root.find(path)
        if found is not None and cell_text(found):
            meta[field] = cell_text(found)
    when = root.find(".//time")
    stated = _PUBLISHED.search(
        cell_text(root.find("body") if root.find("body") is not None else root)
    )
    if not meta.get("date") and when is not None and when.get("datetime"):
        meta["date"] = when.get("datetime")
    if not meta.get("date") and stated:
        meta["date"] = stated.group("date")
    return meta


def html_to_loaded(markup: str, base_meta: dict[str, str | None] | None = None) -> LoadedText:
    markup = strip_templates(markup)
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return LoadedText(markup, None, dict(base_meta or {}), "html")  # not HTML after all
    meta = {**_meta(root), **{k: v for k, v in (base_meta or {}).items() if v}}
    root = _drop_furniture(root)
    xml = trafilatura.extract(
        root, output_format="xml", include_tables=True, include_comments=False,
        include_images=False, include_links=False, favor_recall=True, deduplicate=False,
    )  # fmt: skip
    text = tree_text(etree.fromstring(xml.encode("utf-8"))) if xml else ""
    if len(text) < 40:  # too little for trafilatura's heuristics: the whole body, cleaned
        text = _fallback(root)
    # 原标题：… repeats the headline a news site rewrote: it is the title, not the article
    text = _ORIGINAL_TITLE.sub("", text)
    title = meta.get("title") or meta.get("h1") or meta.get("page_title")
    if title and meta.get("page_title") == title:
        title = strip_site_suffix(title)
    return LoadedText(text, title, meta, "html")


@register_loader(".html", ".htm", ".xhtml", ".jsp", ".asp", ".aspx", ".php", ".shtml", kind="html")
def load_html(data: bytes) -> LoadedText:
    return html_to_loaded(decode(data))

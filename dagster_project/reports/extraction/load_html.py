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
from dagster_project.reports.extraction.loaders import LoadedText, register_loader

_TEMPLATE = re.compile(r"<%.*?%>|</?[a-z]+:[a-z]+\b[^>]*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "form", "menu")
_FURNITURE_CLASS = re.compile(
    r"nav|menu|breadcrumb|share|jiathis|banner|advert|\bad\b|\bads\b|comment|related|"
    r"footer|sidebar|qr|copyright|recommend|toolbar|login|search|hotnews|latest",
    re.I,
)
_TITLE_SUFFIX = re.compile(r"\s*(?:[-_|–—]\s*)?【[^】]*】\s*$|\s*[-_|–—]\s*[^-_|–—]{1,20}$")


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


def _meta(markup: str, root: etree._Element | None) -> dict[str, str | None]:
    found = trafilatura.extract_metadata(markup)
    meta: dict[str, str | None] = {}
    if found is not None:
        meta = {"title": found.title, "author": found.author, "date": found.date,
                "publisher": found.sitename, "description": found.description}  # fmt: skip
    if root is not None:
        h1 = root.find(".//h1")
        if h1 is not None and cell_text(h1):
            meta["h1"] = cell_text(h1)
        title = root.find(".//title")
        if title is not None and cell_text(title):
            meta["html_title"] = cell_text(title)
    return meta


def html_to_loaded(markup: str, base_meta: dict[str, str | None] | None = None) -> LoadedText:
    markup = strip_templates(markup)
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return LoadedText(markup, None, dict(base_meta or {}), "html")  # not HTML after all
    meta = {**_meta(markup, root), **{k: v for k, v in (base_meta or {}).items() if v}}
    root = _drop_furniture(root)
    xml = trafilatura.extract(
        root, output_format="xml", include_tables=True, include_comments=False,
        include_images=False, include_links=False, favor_recall=True, deduplicate=False,
    )  # fmt: skip
    text = tree_text(etree.fromstring(xml.encode("utf-8"))) if xml else ""
    if len(text) < 40:  # too little for trafilatura's heuristics: the whole body, cleaned
        text = _fallback(root)
    title = meta.get("title") or meta.get("h1") or meta.get("html_title")
    if title and meta.get("html_title") == title:
        title = _TITLE_SUFFIX.sub("", title) or title
    return LoadedText(text, title, meta, "html")


@register_loader(".html", ".htm", ".xhtml", ".jsp", ".asp", ".aspx", ".php", ".shtml", kind="html")
def load_html(data: bytes) -> LoadedText:
    return html_to_loaded(decode(data))

"""Markdown, with YAML/TOML front matter and the publisher's HTML inside it.

Front matter gives the document's identity. The body is rendered to HTML with markdown-it
(CommonMark plus tables, raw HTML passed through) and read like any page (`load_html`), so
embedded `<p>`, `<style>`, ad-slot comments and share widgets are handled by one parser. A
first heading that repeats the title is the title, not body text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from dagster_project.reports.extraction.decoding import decode
from dagster_project.reports.extraction.frontmatter import split_front_matter
from dagster_project.reports.extraction.load_html import html_to_loaded
from dagster_project.reports.extraction.loaders import LoadedText, register_loader

_RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table")
_BLOCK_JUNK = re.compile(r"<!--.*?-->|<(style|script)\b.*?</\1\s*>", re.S | re.I)
_HEADING = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", re.M)


def _same(a: str, b: str) -> bool:
    squash = lambda s: re.sub(r"[\s\u3000*_`]+", "", s)  # noqa: E731
    return squash(a) == squash(b)


@register_loader(".md", ".markdown", kind="markdown")
def load_markdown(data: bytes) -> LoadedText:
    meta, body = split_front_matter(decode(data).lstrip("\ufeff"))
    body = _BLOCK_JUNK.sub("", body)
    # Indented HTML would be a code block in CommonMark: publishers' HTML is never code.
    body = re.sub(r"(?m)^[ \t]+(?=<)", "", body)
    heading = _HEADING.search(body)
    title = meta.get("title")
    if heading and (title is None or _same(heading.group(1), title)):
        title = title or heading.group(1)
        body = body[: heading.start()] + body[heading.end() :]
    # An <article> tells trafilatura the whole body is content (it keeps every heading).
    page = f"<html><body><article>{_RENDERER.render(body)}</article></body></html>"
    loaded = html_to_loaded(page, meta)
    return LoadedText(loaded.text, title or loaded.title_hint, loaded.meta, "markdown")

"""Page furniture that a printed web page or post carries into a PDF's text layer.

A browser prints everything on the page: template directives (`<%@ include … %>`), the
headline again as breadcrumb and heading, link lists (`·安徽淮北采购7台ipad2…`, one short
headline per line), and a Markdown post's front matter printed as a paragraph (`title: "…"
date: "…" url: "https://…%E6…"`). These are not the document's text: the front matter is
read for the document's identity, the rest is dropped.
"""

from __future__ import annotations

import re

_TEMPLATE = re.compile(r"<%.*?%>|</?[a-z]+:[a-z]+\b[^>]*>", re.S)
_KEY = re.compile(
    r"^(?:title|date|author|url|original_url|tags|category|categories|layout|last_updated|"
    r"description|keywords|comments|thumbnail|headimg)\s*:",
    re.I,
)
_QUOTED = re.compile(r'"[^"]*"|\'[^\']*\'')
_CJK = re.compile(r"[\u3400-\u9fff]")
_FIELD = re.compile(r'\b(title|date|author)\s*:\s*"([^"]*)"')
_LINK_LINE = re.compile(r"^[·•]\s*\S.{0,40}$")
_MIN_LINKS = 3


def printed_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(title/date/author of a front-matter block printed at the top, the text without it)."""
    lines = text.split("\n")
    if not lines or not _KEY.match(lines[0].strip()):
        return {}, text
    end = 0
    for i, line in enumerate(lines):
        outside = _QUOTED.sub("", line)
        if _KEY.match(line.strip()) or not _CJK.search(outside):
            end = i + 1
            continue
        break
    block = "\n".join(lines[:end])
    fields = {key.lower(): value.strip() for key, value in _FIELD.findall(block)}
    return fields, "\n".join(lines[end:])


def drop_furniture(text: str, titles: list[str]) -> str:
    """Template directives, lines repeating the title (headline, breadcrumb), link lists."""
    text = _TEMPLATE.sub("", text)
    squash = [re.sub(r"\s+", "", t) for t in titles if t]
    lines = text.split("\n")
    kept: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if _LINK_LINE.match(line.strip()) and not line.rstrip().endswith(("。", "；", ";")):
            run.append(line)
            continue
        if len(run) < _MIN_LINKS:
            kept.extend(run)
        run = []
        flat = re.sub(r"\s+", "", line)
        if flat and any(
            flat == t or (flat.endswith(t) and len(flat) - len(t) <= 20) for t in squash
        ):
            continue  # the headline, alone or after a breadcrumb (首页 新闻 … 标题)
        kept.append(line)
    return "\n".join(kept[:-1] if kept and kept[-1] == "" else kept)

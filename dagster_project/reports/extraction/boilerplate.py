"""Recognise the document-sharing site's wrapper around the report and cut it away.

The site adds page headers (`<title>_第N页`), download and copyright notices before the
report and a `温馨提示` footer with comment widgets after it. The page headers are also the
most reliable place to read the report's title.
"""

from __future__ import annotations

import re

_PAGE_HEADER = re.compile(r"^(?P<title>.{4,}?)_第\d+页\s*$")
_NOTICE_LINES = [
    re.compile(r"^已阅读\d+页.*$"),
    re.compile(r"^(?:下载本文档|立即下载|文档简介|举报|收藏|分享|评论|提交评论|\d+/\d+)\s*$"),
    re.compile(r"^版权说明[:：].*$"),
    re.compile(r"^本文档由用户提供并上传.*$"),
]
_FOOTER_START = re.compile(r"^(?:温馨提示|下载文档到电脑|内容提供方|相关搜索)\s*$")


def page_header_title(lines: list[str]) -> str | None:
    for line in lines:
        match = _PAGE_HEADER.match(line.strip())
        if match:
            return match.group("title").strip()
    return None


def is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    if _PAGE_HEADER.match(stripped):
        return True
    return any(pattern.match(stripped) for pattern in _NOTICE_LINES)


def strip_boilerplate(text: str) -> tuple[str, str | None]:
    """(text without the site's wrapper, the title read from the page headers)."""
    lines = text.split("\n")
    title = page_header_title(lines)
    kept: list[str] = []
    for line in lines:
        if _FOOTER_START.match(line.strip()):
            break  # everything after the footer marker is site furniture
        if not is_boilerplate(line):
            kept.append(line)
    return "\n".join(kept), title

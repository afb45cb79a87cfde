"""Format registry: turn the bytes of a report file into plain text.

Loaders are looked up by file suffix, so a PDF loader can be added later with
`@register_loader(".pdf")` without touching the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


@dataclass(frozen=True)
class LoadedText:
    text: str
    title_hint: str | None = None  # a title the format states explicitly (<title>, "# …")


Loader = Callable[[bytes], LoadedText]
_LOADERS: dict[str, Loader] = {}


def register_loader(*suffixes: str) -> Callable[[Loader], Loader]:
    def decorate(func: Loader) -> Loader:
        for suffix in suffixes:
            _LOADERS[suffix.lower()] = func
        return func

    return decorate


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_LOADERS))


def load_text(path: Path, data: bytes | None = None) -> LoadedText:
    """Plain text of the file at `path` (pass `data` when the bytes are already read)."""
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        raise ValueError(f"no loader for {path.suffix!r}; supported: {supported_suffixes()}")
    return loader(path.read_bytes() if data is None else data)


def decode(data: bytes) -> str:
    """UTF-8 first (the normal case); GB18030 covers files saved by Chinese Windows tools."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


@register_loader(".txt", ".text")
def load_plain(data: bytes) -> LoadedText:
    return LoadedText(decode(data))


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_PREFIX = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+)")


@register_loader(".md", ".markdown")
def load_markdown(data: bytes) -> LoadedText:
    """Headings keep their own line (structure reads them); inline markup is dropped."""
    title = None
    lines = []
    for raw in decode(data).splitlines():
        heading = _MD_HEADING.match(raw)
        if heading:
            line = heading.group(2)
            if title is None and len(heading.group(1)) == 1:
                title = line
        else:
            line = _MD_PREFIX.sub("", raw)
        lines.append(_MD_EMPHASIS.sub("", _MD_LINK.sub(r"\1", line)))
    return LoadedText("\n".join(lines), title)


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "title", "body", "blockquote", "pre",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template"}


_SOURCE_BREAK = re.compile(r"(\S?)[ \t]*\n\s*(\S?)")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def _join_break(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    # Chinese has no spaces between words: a wrapped line joins without one.
    sep = "" if (_CJK.match(left or "x") or _CJK.match(right or "x")) else " "
    return f"{left}{sep}{right}"


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        # Source line breaks inside an element are not text breaks (HTML collapses them).
        data = _SOURCE_BREAK.sub(_join_break, data)
        if self._in_title:
            self.title.append(data)
            return
        self.parts.append(data)


@register_loader(".html", ".htm", ".xhtml")
def load_html(data: bytes) -> LoadedText:
    """Visible text only; block elements become line breaks so headings stay on own lines."""
    collector = _TextCollector()
    collector.feed(decode(data))
    collector.close()
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", "".join(collector.parts))
    title = "".join(collector.title).strip() or None
    return LoadedText(re.sub(r"\n{3,}", "\n\n", text).strip("\n"), title)

"""An HTML (or trafilatura XML) element tree -> lines of text, tables as marked cell rows.

Block elements start and end a line, so headings and paragraphs stay on lines of their own;
`<br>` breaks a line; text inside a block is joined the way a browser shows it (source line
breaks collapse; between two Chinese characters no space is left). Tables are rendered with
`render_table`, so the pipeline reads their cells as table rows, not as running text.
"""

from __future__ import annotations

import re

from lxml import etree

from dagster_project.reports.extraction.loaders import TABLE_END, TABLE_START, render_table

BLOCKS = {
    "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "main", "blockquote", "pre", "figcaption", "header", "footer",
    "item", "list", "head", "quote", "doc", "body", "center", "font-block", "tbody",
}  # fmt: skip
SKIP = {"script", "style", "noscript", "template", "graphic", "img", "svg", "video",
        "audio", "iframe", "object", "embed", "select", "button", "input", "textarea"}  # fmt: skip
BREAKS = {"br", "lb"}
_SOURCE_SPACE = re.compile(r"[\r\n\t ]+")  # source line breaks are not text breaks
_EMPHASIS = re.compile(r"\*\*|__")
_SPACE = re.compile(r"[ \t\r\n\u00a0]+")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_TABLE_BLOCK = re.compile(f"({TABLE_START}.*?{TABLE_END})", re.S)
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


def _collapse(text: str) -> str:
    """HTML whitespace rules, plus no space between two Chinese characters."""
    return _CJK_GAP.sub("", _SPACE.sub(" ", text))


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _looks_like_markup(text: str) -> bool:
    return bool(re.search(r"<[a-z!/][^>]*>|[{}]", text))


def cell_text(element: etree._Element) -> str:
    return " ".join(_collapse("".join(element.itertext())).split())


def _table(element: etree._Element) -> str:
    rows = []
    for row in element.iter("tr", "row"):
        cells = [cell_text(c) for c in row if _tag(c) in ("td", "th", "cell")]
        if any(cells):
            rows.append(cells)
    return render_table(rows) if rows else ""


def _walk(element: etree._Element, out: list[str]) -> None:
    tag = _tag(element)
    if tag in SKIP or not tag:  # comments and processing instructions have no str tag
        pass
    elif tag == "code" and _looks_like_markup("".join(element.itertext())):
        pass  # indented page furniture that Markdown took for a code block
    elif tag == "table":
        out.extend(["\n", _table(element), "\n"])
    elif tag in BREAKS:
        out.append("\n")
    else:
        block = tag in BLOCKS
        if block:
            out.append("\n")
        if element.text:
            out.append(_SOURCE_SPACE.sub(" ", element.text))
        for child in element:
            _walk(child, out)
        if block:
            out.append("\n")
    if element.tail:
        out.append(_SOURCE_SPACE.sub(" ", element.tail))


def tree_text(root: etree._Element) -> str:
    """Visible text of `root`, one block per line, blank lines squeezed."""
    parts: list[str] = []
    _walk(root, parts)
    lines = []
    for piece in _TABLE_BLOCK.split("".join(parts)):
        if piece.startswith(TABLE_START):  # a rendered table keeps its cell and row separators
            lines.append(piece)
            continue
        for raw in piece.split("\n"):
            # `**` CommonMark left unparsed (emphasis next to Chinese punctuation) is markup
            line = _collapse(_EMPHASIS.sub("", raw)).strip()
            if line:
                lines.append(line)
    return "\n".join(lines)

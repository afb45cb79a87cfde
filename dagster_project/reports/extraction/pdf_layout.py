"""From the lines of PDF pages to paragraphs: running headers and footers removed, wrapped
lines joined.

A PDF has no paragraphs, only lines placed on pages. Running heads and feet are the lines at
the top or bottom of pages that repeat on most pages once digits are ignored (`第 3 页`,
the report's title, `- 12 -`), or that are a bare page number. A line as wide as the text
block continues in the next line (Chinese wraps anywhere, even inside a number), so they
are joined without a space between Chinese characters; a shorter line ends its paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from dagster_project.reports.extraction.loaders import TABLE_START, render_table

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|第\s*\d{1,4}\s*页(?:\s*[/／,，]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$",
    re.I,
)
_EDGE = 2  # lines at each end of a page that may be running heads or feet
# A line that starts a heading or a numbered item, after a line that ends a sentence, starts a
# new paragraph even when the line before it is full width.
_NEW_BLOCK = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\d+(?:\.\d+)+\s*\S|第[一二三四五六七八九十]+[章节]|"
    r"[（(][一二三四五六七八九十\d]+[)）]|——|[·•●])"
)
_SENTENCE_END = ("。", "！", "？", "：", "；", "!", "?", ":", ";")
# A table row as a PDF prints it: a label, then numeric cells separated by spaces.
_ROW = re.compile(
    r"^(?P<label>[^\d\s][^\d]{0,30}?)\s+(?P<cells>[-+]?\d[\d,.]*%?(?:\s+[-+]?\d[\d,.]*%?)*)$"
)
_MIN_ROWS = 3


def mark_tables(lines: list[str]) -> list[str]:
    """Runs of at least three rows with the same number of numeric cells become one marked
    table block (header: the line before, when it has as many columns)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        first = _ROW.match(lines[i].strip())
        width = len(first.group("cells").split()) if first else 0
        j = i
        while (
            j < len(lines)
            and (m := _ROW.match(lines[j].strip()))
            and len(m.group("cells").split()) == width
        ):
            j += 1
        if first and j - i >= _MIN_ROWS:
            header = out[-1].split() if out and len(out[-1].split()) == width + 1 else None
            if header:
                out.pop()
            rows = [header or [""] * (width + 1)]
            for line in lines[i:j]:
                m = _ROW.match(line.strip())
                rows.append([m.group("label").strip(), *m.group("cells").split()])
            out.append(render_table(rows))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CJK_DIGIT_GAP = re.compile(rf"(?<=[{_CJK}]) (?=[\d])|(?<=[\d]) (?=[{_CJK}])")


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove running heads/feet and bare page numbers at the edges of each page."""
    repeated: set[str] = set()
    if len(pages) >= 3:
        edges = Counter()
        for lines in pages:
            edges.update({_shape(x) for x in lines[:_EDGE] + lines[-_EDGE:] if x.strip()})
        repeated = {shape for shape, n in edges.items() if n >= max(3, len(pages) / 2)}
    kept = []
    for lines in pages:
        top = [i for i in range(min(_EDGE, len(lines)))]
        bottom = [i for i in range(max(0, len(lines) - _EDGE), len(lines))]
        drop = {
            i for i in top + bottom
            if _PAGE_NUMBER.match(lines[i].strip()) or _shape(lines[i]) in repeated
        }  # fmt: skip
        kept.append([line for i, line in enumerate(lines) if i not in drop])
    return kept


def _join(left: str, right: str) -> str:
    if not left or not right:
        return left + right
    cjk = re.match(rf"[{_CJK}]", left[-1]) or re.match(rf"[{_CJK}]", right[0])
    return left + ("" if cjk else " ") + right


def paragraphs(pages: list[list[str]], page_break: str) -> str:
    """The pages' lines as paragraphs, `page_break` written where each new page starts."""
    widths = sorted(_width(x) for lines in pages for x in lines if x.strip())
    full = widths[int(len(widths) * 0.9)] * 0.8 if widths else 0
    out: list[str] = []
    current = ""
    for number, lines in enumerate(pages):
        if number:
            current += page_break
        for raw in mark_tables(lines):
            if raw.startswith(TABLE_START):  # a table is a block of its own
                out.extend(p for p in (current, raw) if p)
                current = ""
                continue
            line = _CJK_DIGIT_GAP.sub("", raw.strip())
            if not line:
                continue
            if (
                current.strip(page_break)
                and current.endswith(_SENTENCE_END)
                and _NEW_BLOCK.match(line)
            ):
                out.append(current)
                current = ""
            current = _join(current, line) if current.strip(page_break) else current + line
            if _width(line) < full:  # a short line ends its paragraph
                out.append(current)
                current = ""
    out.append(current)
    return "\n".join(p for p in out if p)

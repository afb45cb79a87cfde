"""Format registry: the bytes of a report file -> `LoadedText`, or an `ExtractionError`.

Loaders are looked up by file suffix (`@register_loader(".pdf")`), one small module per
format: `load_plain`, `load_markdown`, `load_html`, `load_pdf`, `load_docx`. Every loader
returns the text with its line structure (headings and paragraphs on lines of their own),
what the format states about the document (`meta`: title, author, date …), and marks the
pipeline keeps through cleaning: `PAGE_BREAK` between PDF pages, and `TABLE_START` /
`TABLE_END` around a table rendered as rows of tab-separated cells.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dagster_project.reports.extraction.decoding import Unreadable
from dagster_project.reports.extraction.errors import ExtractionError

PAGE_BREAK = "\f"
TABLE_START, TABLE_END, CELL_SEP = "\x02", "\x03", "\t"
MB = 1024 * 1024
# Beyond these a file is not a report of its kind (a 50 MB .txt is a dump, not a report).
MAX_BYTES = {"text": 8 * MB, "markdown": 8 * MB, "html": 16 * MB, "pdf": 128 * MB, "docx": 64 * MB}


@dataclass(frozen=True)
class LoadedText:
    text: str
    title_hint: str | None = None  # a title the format states explicitly (<title>, "# …")
    meta: dict[str, str | None] = field(default_factory=dict)  # title, author, date, …
    format: str = "text"


Loader = Callable[[bytes], LoadedText]
_LOADERS: dict[str, tuple[Loader, str]] = {}


def register_loader(*suffixes: str, kind: str = "text") -> Callable[[Loader], Loader]:
    def decorate(func: Loader) -> Loader:
        for suffix in suffixes:
            _LOADERS[suffix.lower()] = (func, kind)
        return func

    return decorate


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_LOADERS))


def render_table(rows: list[list[str]]) -> str:
    """A table as the marked block the pipeline reads back as cells."""
    body = "\n".join(CELL_SEP.join(" ".join(c.split()) for c in row) for row in rows if row)
    return f"{TABLE_START}{body}{TABLE_END}"


def load_text(path: Path, data: bytes | None = None, *, max_bytes: int | None = None) -> LoadedText:
    """The loaded text of the file at `path` (pass `data` when the bytes are already read).

    Raises `ExtractionError` naming the file for anything that is not an extractable
    document of its kind: unknown suffix, empty, too large, binary, undecodable, no text.
    """
    path = Path(path)
    entry = _LOADERS.get(path.suffix.lower())
    if entry is None:
        raise ExtractionError(
            path, f"no loader for {path.suffix!r}; supported: {supported_suffixes()}"
        )
    loader, kind = entry
    data = path.read_bytes() if data is None else data
    limit = max_bytes if max_bytes is not None else MAX_BYTES.get(kind, 8 * MB)
    if not data.strip():
        raise ExtractionError(path, f"empty file ({len(data)} bytes)")
    if len(data) > limit:
        raise ExtractionError(
            path, f"file too large for a {kind} document ({len(data):,} bytes, limit {limit:,})"
        )
    try:
        loaded = loader(data)
    except Unreadable as error:
        raise ExtractionError(path, str(error)) from None
    except ExtractionError:
        raise
    except Exception as error:  # a parser library's own failure on malformed input
        raise ExtractionError(
            path, f"malformed {kind} file: {type(error).__name__}: {error}"
        ) from None
    if not loaded.text.replace(PAGE_BREAK, "").strip():
        raise ExtractionError(path, f"no text in this {kind} document")
    return loaded


# The format modules register themselves on import.
from dagster_project.reports.extraction import (  # noqa: E402
    load_docx,
    load_html,
    load_markdown,
    load_pdf,
    load_plain,
)

__all__ = [
    "LoadedText", "load_docx", "load_html", "load_markdown", "load_pdf", "load_plain",
    "load_text", "register_loader", "supported_suffixes",
]  # fmt: skip

"""Word documents (.docx) through python-docx: paragraphs and tables in document order.

Headings keep a line of their own; tables are rendered as marked cell rows (the pipeline
reads them as table cells). Core properties give the identity: title, author, created.
"""

from __future__ import annotations

import io

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from dagster_project.reports.extraction.loaders import LoadedText, register_loader, render_table


def _blocks(document) -> list[str]:
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text:
                lines.append(text)
        elif isinstance(block, Table):
            rows = [[cell.text.strip() for cell in row.cells] for row in block.rows]
            lines.append(render_table([r for r in rows if any(r)]))
    return lines


@register_loader(".docx", kind="docx")
def load_docx(data: bytes) -> LoadedText:
    document = docx.Document(io.BytesIO(data))
    props = document.core_properties
    lines = _blocks(document)
    heading = next(
        (p.text.strip() for p in document.paragraphs
         if p.style is not None and p.style.name in ("Title", "Heading 1") and p.text.strip()),
        None,
    )  # fmt: skip
    title = (props.title or "").strip() or heading
    meta = {
        "title": title,
        "author": (props.author or "").strip() or None,
        "date": props.created.date().isoformat() if props.created else None,
        "publisher": (props.category or "").strip() or None,
    }
    return LoadedText("\n".join(lines), title, meta, "docx")

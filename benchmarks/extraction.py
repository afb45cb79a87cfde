"""Report extraction throughput, per format.

Inputs are built from the bundled report (a licensed input kept outside the repository, in
../shared/reports; when it is absent the cases are skipped with a note): the text itself,
the same text 100 times over (every copy a full report), as Markdown with front matter, as
an HTML page, as a DOCX, and printed on 50 PDF pages with running heads and page numbers.
For the PDF, loading (PDFium's text layer, heads and feet removed, lines joined) and the
pipeline on the loaded text are also timed apart: the pipeline is what "well under a second
for a 50-page PDF's text" is about. The baseline is the least any extractor does: one
regular expression over the decoded text (every number with its unit).
"""

from __future__ import annotations

import html
import io
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.pdf_maker import text_pages
from dagster_project.settings import PROJECT_ROOT, SOURCES_DIR

REPORT = PROJECT_ROOT.parent / "shared" / "reports" / "smart-gov-market-report-2026-preview.txt"
SCALE = 100
PDF_PAGES = 50
FIGURE = re.compile(r"\d[\d,.]*\s*(?:亿元|万元|元|%|个百分点|万|亿)?")
NAMES = ("text", f"x{SCALE}", "markdown", "html", "docx", f"pdf_{PDF_PAGES}p",
         f"pdf_{PDF_PAGES}p_load", f"pdf_{PDF_PAGES}p_pipeline")  # fmt: skip


def _median_seconds(action: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _floor(text: str) -> int:
    return sum(1 for _ in FIGURE.finditer(text))


def _markdown(text: str) -> bytes:
    body = "\n\n".join(line for line in text.splitlines() if line.strip())
    return f"---\ntitle: 'bench'\ndate: 2026-01-01\n---\n\n{body}\n".encode()


def _html(text: str) -> bytes:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    head = "<html><head><title>bench</title></head>"
    return f"{head}<body><article>{paragraphs}</article></body></html>".encode()


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _entry(name: str, size: int, wall: float, baseline: float) -> dict[str, Any]:
    return {
        "name": f"extract_{name}",
        "n": size,
        "unit": "bytes",
        "wall_s": round(wall, 4),
        "mb_per_s": round(size / 1e6 / wall, 3),
        "baseline_wall_s": round(baseline, 4),
        "baseline_mb_per_s": round(size / 1e6 / baseline, 3),
        "ratio": round(wall / baseline, 2),
    }


def measure(repeats: int, report: Path = REPORT) -> list[dict[str, Any]]:
    """One entry per format (or skip notes when the bundled report is absent)."""
    if not report.exists():
        note = f"skipped: {report} is not available (licensed input, not in the repository)"
        return [{"name": f"extract_{name}", "n": None, "skipped": note} for name in NAMES]
    from dagster_project.reports.extraction import extract_document
    from dagster_project.reports.extraction.extract import extract_loaded, extract_text
    from dagster_project.reports.extraction.loaders import load_text
    from dagster_project.reports.extraction.reference import load_reference

    reference = load_reference(SOURCES_DIR)
    text = report.read_text(encoding="utf-8")
    entries = []
    with tempfile.TemporaryDirectory() as folder:
        files = {
            "markdown": ("report.md", _markdown(text)),
            "html": ("report.html", _html(text)),
            "docx": ("report.docx", _docx(text)),
            f"pdf_{PDF_PAGES}p": ("report.pdf", text_pages(text, PDF_PAGES)),
        }
        paths = {}
        for name, (file_name, data) in files.items():
            paths[name] = Path(folder) / file_name
            paths[name].write_bytes(data)
        big = "\n".join([text] * SCALE)
        cases: list[tuple[str, int, Callable[[], Any], str]] = [
            ("text", report.stat().st_size,
             lambda: extract_document(report, reference=reference), text),
            (f"x{SCALE}", len(big.encode()),
             lambda: extract_text(big, document_id="x", reference=reference), big),
        ]  # fmt: skip
        for name, path in paths.items():
            action = lambda p=path: extract_document(p, reference=reference)  # noqa: E731
            cases.append((name, path.stat().st_size, action, text))
        pdf = paths[f"pdf_{PDF_PAGES}p"]
        loaded = load_text(pdf)
        cases.append(
            (f"pdf_{PDF_PAGES}p_load", pdf.stat().st_size, lambda: load_text(pdf), loaded.text)
        )
        pipeline = lambda: extract_loaded(  # noqa: E731
            loaded, reference, document_id="pdf", stem="pdf", source_file="report.pdf",
            sha256="0", input_bytes=None, licence=None, kind=None,
        )  # fmt: skip
        cases.append(
            (f"pdf_{PDF_PAGES}p_pipeline", len(loaded.text.encode()), pipeline, loaded.text)
        )
        for name, size, action, floor_text in cases:
            action()  # warm caches (OpenCC dictionaries, gazetteer, catalog, PDFium)
            wall = _median_seconds(action, repeats)
            baseline = _median_seconds(lambda t=floor_text: _floor(t), repeats)
            entries.append(_entry(name, size, wall, baseline))
    return entries

"""Report extraction throughput: the bundled report, and a document 100 times its size.

The bundled report is a licensed input kept outside the repository (../shared/reports);
when it is absent the case is skipped with a note. The large document is the report's text
repeated 100 times (every copy a full report: sections, tables, figures, citations), built
in memory. The baseline is the least any extractor does: decode the bytes and run one
regular expression over the text (every number with its unit).
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path
from typing import Any

from dagster_project.settings import PROJECT_ROOT, SOURCES_DIR

REPORT = PROJECT_ROOT.parent / "shared" / "reports" / "smart-gov-market-report-2026-preview.txt"
SCALE = 100
FIGURE = re.compile(r"\d[\d,.]*\s*(?:亿元|万元|元|%|个百分点|万|亿)?")


def _median_seconds(action: Any, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _floor(data: bytes) -> int:
    return sum(1 for _ in FIGURE.finditer(data.decode("utf-8")))


def measure(repeats: int, report: Path = REPORT) -> list[dict[str, Any]]:
    """One entry for the bundled report and one for the 100× document (or skip notes)."""
    if not report.exists():
        note = f"skipped: {report} is not available (licensed input, not in the repository)"
        return [
            {"name": "extract_report", "n": None, "skipped": note},
            {"name": f"extract_report_x{SCALE}", "n": None, "skipped": note},
        ]
    from dagster_project.reports.extraction import extract_document
    from dagster_project.reports.extraction.extract import extract_text

    data = report.read_bytes()
    big_text = "\n".join([data.decode("utf-8")] * SCALE)
    big = big_text.encode("utf-8")
    entries = []
    for name, size, action, floor in (
        (
            "extract_report",
            len(data),
            lambda: extract_document(report, sources_dir=SOURCES_DIR),
            lambda: _floor(data),
        ),
        (
            f"extract_report_x{SCALE}",
            len(big),
            lambda: extract_text(
                big_text, document_id="x100", source_file="x100.txt", sources_dir=SOURCES_DIR
            ),
            lambda: _floor(big),
        ),
    ):
        wall = _median_seconds(action, repeats)
        baseline = _median_seconds(floor, repeats)
        entries.append(
            {
                "name": name,
                "n": size,
                "unit": "bytes",
                "wall_s": round(wall, 4),
                "mb_per_s": round(size / 1e6 / wall, 3),
                "baseline_wall_s": round(baseline, 4),
                "baseline_mb_per_s": round(size / 1e6 / baseline, 3),
                "ratio": round(wall / baseline, 2),
            }
        )
    return entries

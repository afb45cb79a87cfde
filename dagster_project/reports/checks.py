"""What the warehouse accepts of one report document: the checks run before it is loaded.

A document the library cannot extract, or whose rows break a rule below, is *rejected*: it
gets a `rejected` row in raw.report_documents with the reason, and none of its figures,
tables, sections or sources are loaded. The rules are the warehouse's blocking rules on
report rows (the dbt tests of the report models and the critical GX suites on
raw.report_facts, marts.fct_report_facts, marts.fct_report_table_cells and
marts.dim_report_document) applied to one document at a time: a document that passes here
cannot turn those checks red for everyone, so a bad document fails alone. Rules that span
documents (one latest edition per report series, unique document ids) hold by construction
in dbt and need no check here.

Pure: rows in, problems out (no Dagster, no DuckDB).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

MB = 1024 * 1024
# The warehouse's own ceiling, whatever the library would accept: a document that takes
# minutes to extract would hold every refresh for minutes. Text formats are dense (16 MB is
# thousands of pages); PDFs and Word files carry images and fonts.
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
MAX_TEXT_BYTES = 16 * MB
MAX_BYTES = 128 * MB

# Vocabularies of the report models (dbt accepted_values in
# dbt/models/{staging,marts}/reports/_reports__models.yml; tests/unit/reports/test_checks.py
# keeps the two in step).
UNITS = (
    "CNY", "percent", "pp", "count", "hours", "days", "working_days", "minutes", "seconds",
    "months", "tonnes", "score", "rank", "multiple", "HKD", "USD", "EUR", "JPY", "GBP", "bp",
)  # fmt: skip
QUALIFIERS = ("=", ">", ">=", "<", "<=", "~")
FACT_KINDS = ("actual", "forecast", "target")
QUALITY_FLAGS = ("clean", "corrupted")
REGION_LEVELS = (
    "national", "province", "prefecture", "anonymous_province", "anonymous_city", "other",
)  # fmt: skip
DOCUMENT_KINDS = ("market_report", "news", "government", "other")
# A market report is read for its figures; a news post or a government text may state none.
# A document of no stated kind was extracted by a library that only knew market reports.
FIGURES_REQUIRED = {"market_report", None}
# Ranges of the critical suites on the report marts.
EDITION_RANGE = (2000, 2100)
PERIOD_RANGE = (1990, 2100)
PERCENT_RANGE = (0, 1000)
MIN_MONEY = 1
REGION_CODE = re.compile(r"^([1-8][0-9]{5}|CN)$")
SHARE_TOLERANCE = 0.1
FACT_REQUIRED = ("fact_id", "sentence", "unit", "qualifier", "kind", "quality_flag")
CELL_REQUIRED = ("table_id", "row_label", "value")
SHOWN = 3  # problems spelled out in a reason; the rest are counted


def size_problem(path: Path, size: int) -> str | None:
    """An empty file, or one too large to extract within a refresh (checked before the
    library reads it)."""
    if size == 0:
        return "empty file (0 bytes)"
    limit = MAX_TEXT_BYTES if path.suffix.lower() in TEXT_SUFFIXES else MAX_BYTES
    if size <= limit:
        return None
    kind = path.suffix or "suffix-less"
    return f"{size:,} bytes is over the warehouse's limit of {limit // MB} MB for a {kind} file"


def document_problems(tables: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every rule the document's rows break, each naming the row and column."""
    document = (tables.get("report_documents") or [{}])[0]
    facts = tables.get("report_facts", [])
    return [
        *_identity_problems(document, len(facts)),
        *_duplicates("report_facts", facts, ("fact_id",)),
        *_duplicates("report_sections", tables.get("report_sections", []), ("section_id",)),
        *_duplicates(
            "report_table_cells", tables.get("report_table_cells", []), ("table_id", "row_number")
        ),
        *_fact_problems(facts),
        *_cell_problems(tables.get("report_table_cells", [])),
        *_missing("report_sections", tables.get("report_sections", []), ("section_id",)),
        *_missing("report_sources", tables.get("report_sources", []), ("source_id",)),
    ]


def reason(source_file: str, problems: list[str]) -> str:
    """One line naming the file and what is wrong with it."""
    shown = "; ".join(problems[:SHOWN])
    more = len(problems) - SHOWN
    return f"{source_file}: {shown}" + (f" (and {more} more)" if more > 0 else "")


def _identity_problems(document: dict[str, Any], n_facts: int) -> Iterator[str]:
    title = document.get("title")
    if not isinstance(title, str) or not title.strip():
        yield "no title: the document states none the extractor can read"
    edition = document.get("edition")
    low, high = EDITION_RANGE
    if edition is None:
        yield "no edition: neither its title nor its date gives a year"
    elif not low <= edition <= high:
        yield f"edition {edition} is outside {low}–{high}"
    kind = document.get("kind")
    if kind is not None and kind not in DOCUMENT_KINDS:
        yield f"kind {kind!r} is not one of {', '.join(DOCUMENT_KINDS)}"
    if kind in FIGURES_REQUIRED and n_facts == 0:
        yield f"no figures found in a {kind or 'market report'} document".replace("_", " ")


def _where(table: str, number: int, row: dict[str, Any]) -> str:
    label = row.get("figure_text") or row.get("row_label") or row.get("fact_id")
    return f"{table} row {number}" + (f" ({label})" if label else "")


def _duplicates(table: str, rows: list[dict], key: tuple[str, ...]) -> Iterator[str]:
    counts = Counter(tuple(row.get(k) for k in key) for row in rows)
    for value, count in counts.items():
        if count > 1 and all(v is not None for v in value):
            shown = ", ".join(str(v) for v in value)
            yield f"{table}: {'/'.join(key)} {shown} appears {count} times"


def _missing(table: str, rows: list[dict], columns: Iterable[str]) -> Iterator[str]:
    for number, row in enumerate(rows, start=1):
        for column in columns:
            if _blank(row.get(column)):
                yield f"{_where(table, number, row)}: {column} is empty"


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _fact_problems(facts: list[dict[str, Any]]) -> Iterator[str]:
    vocabularies = {
        "unit": UNITS,
        "qualifier": QUALIFIERS,
        "kind": FACT_KINDS,
        "quality_flag": QUALITY_FLAGS,
    }
    for number, fact in enumerate(facts, start=1):
        where = _where("report_facts", number, fact)
        for column in FACT_REQUIRED:
            if _blank(fact.get(column)):
                yield f"{where}: {column} is empty"
        for column, allowed in vocabularies.items():
            value = fact.get(column)
            if not _blank(value) and value not in allowed:
                yield f"{where}: {column} {value!r} is not one of {', '.join(allowed)}"
        yield from (f"{where}: {problem}" for problem in _fact_value_problems(fact))


def _fact_value_problems(fact: dict[str, Any]) -> Iterator[str]:
    level = fact.get("region_level")
    if not _blank(level) and level not in REGION_LEVELS:
        yield f"region_level {level!r} is not one of {', '.join(REGION_LEVELS)}"
    code = fact.get("region_code")
    if not _blank(code) and not REGION_CODE.match(str(code)):
        yield f"region_code {code!r} is not a GB/T 2260 code or CN"
    year = fact.get("period_year")
    if year is not None and not PERIOD_RANGE[0] <= year <= PERIOD_RANGE[1]:
        yield f"period_year {year} is outside {PERIOD_RANGE[0]}–{PERIOD_RANGE[1]}"
    value, unit = fact.get("value"), fact.get("unit")
    low, high = PERCENT_RANGE
    if value is not None and unit == "percent" and not low <= value <= high:
        yield f"value {value} percent is outside {low}–{high}"
    if value is not None and unit == "CNY" and value < MIN_MONEY:
        yield f"value {value} CNY is below {MIN_MONEY}"
    start, end = fact.get("char_start"), fact.get("char_end")
    if start is None or end is None or end <= start:
        yield f"char_start {start} / char_end {end} is not a span of the text"
    garbled = value is None or "?" in str(fact.get("value_raw") or "")
    if garbled and fact.get("quality_flag") != "corrupted":
        yield "a figure with lost digits is not flagged corrupted"


def _cell_problems(cells: list[dict[str, Any]]) -> Iterator[str]:
    yield from _missing("report_table_cells", cells, CELL_REQUIRED)
    totals: dict[str, list[float]] = {}
    for cell in cells:
        expected = cell.get("expected_total")
        if expected is not None and cell.get("value") is not None:
            totals.setdefault(cell["table_id"], [expected, 0.0])[1] += cell["value"]
    for table_id, (expected, total) in totals.items():
        if abs(total - expected) > SHARE_TOLERANCE:
            yield f"report_table_cells: share table {table_id} sums to {total:g}, not {expected:g}"

"""Write and read the committed extraction output of one document.

Layout of `<out_dir>`: manifest.json plus facts.csv, table_cells.csv, sections.csv and
sources.csv (UTF-8, header row, no index column, rows in document order). Column order and
types below are the contract with the warehouse's raw tables.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from dagster_project.reports.extraction.model import Extraction, document_row

_FACT_COLUMNS = (
    ("fact_id", "str"), ("document_id", "str"), ("section_id", "str"), ("sentence", "str"),
    ("metric_id", "str"), ("metric_name_zh", "str"), ("metric_name_en", "str"),
    ("region_code", "str"), ("region_name_zh", "str"), ("region_level", "str"),
    ("entity_name", "str"), ("period_year", "int"), ("value", "float"), ("unit", "str"),
    ("qualifier", "str"), ("kind", "str"), ("value_raw", "str"), ("unit_raw", "str"),
    ("cited_source", "str"), ("quality_flag", "str"), ("char_start", "int"),
    ("char_end", "int"), ("value_low", "float"), ("value_high", "float"),
    ("range_role", "str"), ("source_id", "str"), ("period_label", "str"),
    ("sentence_start", "int"), ("sentence_end", "int"), ("figure_text", "str"),
    ("section_number", "str"), ("page", "int"),
)  # fmt: skip
_TABLE_CELL_COLUMNS = (
    ("document_id", "str"), ("table_id", "str"), ("table_title", "str"),
    ("row_label", "str"), ("column_label", "str"), ("value", "float"), ("unit", "str"),
    ("row_number", "int"), ("char_start", "int"), ("char_end", "int"),
    ("expected_total", "float"), ("sum_check_ok", "bool"), ("section_id", "str"),
    ("row_dimension", "str"), ("value_raw", "str"),
)  # fmt: skip
_SECTION_COLUMNS = (
    ("document_id", "str"), ("section_id", "str"), ("section_number", "str"),
    ("title", "str"), ("level", "int"), ("char_start", "int"), ("char_end", "int"),
    ("body_start", "int"),
)  # fmt: skip
_SOURCE_COLUMNS = (
    ("source_id", "str"), ("publisher", "str"), ("publication", "str"),
    ("cited_as_raw", "str"), ("cited_source", "str"), ("n_facts", "int"),
)  # fmt: skip
# The single report_documents row (manifest.json flattened, counts as n_<count>).
DOCUMENT_COLUMNS = (
    ("document_id", "str"), ("edition", "int"), ("title", "str"), ("sha256", "str"),
    ("source_file", "str"), ("licence", "str"), ("extractor_version", "str"),
    ("input_bytes", "int"), ("cleaned_chars", "int"), ("publisher", "str"),
    ("published_date", "str"), ("kind", "str"), ("series_id", "str"), ("title_source", "str"),
    ("source_format", "str"), ("n_pages", "int"), ("n_facts", "int"),
    ("n_corrupted_facts", "int"), ("n_table_cells", "int"), ("n_tables", "int"),
    ("n_sections", "int"), ("n_sources", "int"), ("n_garbled_spans", "int"),
)  # fmt: skip
SCHEMAS: dict[str, tuple[tuple[str, str], ...]] = {
    "report_facts": _FACT_COLUMNS,
    "report_table_cells": _TABLE_CELL_COLUMNS,
    "report_sections": _SECTION_COLUMNS,
    "report_sources": _SOURCE_COLUMNS,
}
FILES = {
    "report_facts": "facts.csv",
    "report_table_cells": "table_cells.csv",
    "report_sections": "sections.csv",
    "report_sources": "sources.csv",
}
MANIFEST = "manifest.json"


def _format(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # Integral values are written without '.0' or an exponent (186200000000).
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _parse(text: str, kind: str) -> object:
    if text == "":
        return None
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "bool":
        return text == "true"
    return text


def write_output(extraction: Extraction, out_dir: Path) -> None:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = json.dumps(extraction.manifest, ensure_ascii=False, indent=2)
    (out_dir / MANIFEST).write_text(manifest + "\n", encoding="utf-8")
    tables = extraction.tables()
    for table, filename in FILES.items():
        columns = [name for name, _ in SCHEMAS[table]]
        with (out_dir / filename).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            for row in tables[table]:
                writer.writerow([_format(row.get(column)) for column in columns])


def read_output(out_dir: Path) -> dict[str, list[dict]]:
    """The committed output as typed rows, keyed like `Extraction.tables()`."""
    out_dir = Path(out_dir)
    result: dict[str, list[dict]] = {}
    for table, filename in FILES.items():
        kinds = dict(SCHEMAS[table])
        with (out_dir / filename).open(encoding="utf-8", newline="") as handle:
            result[table] = [
                {key: _parse(value, kinds.get(key, "str")) for key, value in row.items()}
                for row in csv.DictReader(handle)
            ]
    manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    result["report_documents"] = [document_row(manifest)]
    return result

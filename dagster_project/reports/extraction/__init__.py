"""Report extraction: figures, tables, sections and cited sources from market reports.

Pure Python (OpenCC for Traditional -> Simplified); the warehouse loads the output as
raw.report_facts, raw.report_table_cells, raw.report_sections, raw.report_sources and
raw.report_documents.
"""

from dagster_project.reports.extraction.extract import extract_document
from dagster_project.reports.extraction.model import Extraction

__all__ = ["Extraction", "extract_document"]

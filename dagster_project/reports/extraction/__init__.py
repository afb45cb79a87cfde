"""Report extraction: figures, tables, sections, cited sources and identity of report
documents (text, Markdown, HTML, PDF, DOCX).

Pure library: it imports nothing outside itself; the caller passes the project's sources/
folder and the document's licence. The warehouse loads the output as raw.report_facts,
raw.report_table_cells, raw.report_sections, raw.report_sources and raw.report_documents.
"""

from dagster_project.reports.extraction.errors import ExtractionError
from dagster_project.reports.extraction.extract import extract_document, extract_text
from dagster_project.reports.extraction.model import Extraction

__all__ = ["Extraction", "ExtractionError", "extract_document", "extract_text"]

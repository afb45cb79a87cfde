"""PDF through PDFium (pypdfium2): the text layer of each page, in reading order.

PDFium is the PDF engine of Chromium, maintained by Google; pypdfium2 ships it as a wheel.
It reads a 50-page report in well under a second (pure-Python parsers take several) and
maps most CJK radical glyphs back to ordinary characters (`clean` maps the rest). Pages are
separated by `PAGE_BREAK` so every figure keeps its page number. A PDF whose pages have no
text layer (a scan) cannot be extracted without OCR and is refused.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium

from dagster_project.reports.extraction.decoding import Unreadable
from dagster_project.reports.extraction.identity import strip_site_suffix
from dagster_project.reports.extraction.loaders import PAGE_BREAK, LoadedText, register_loader
from dagster_project.reports.extraction.pdf_furniture import drop_furniture, printed_front_matter
from dagster_project.reports.extraction.pdf_layout import paragraphs, strip_running_lines

_FILE_NAME = re.compile(r"\.(?:txt|md|html?|docx?|pdf|jsp)$|^untitled|^microsoft word", re.I)
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


def _date(raw: str | None) -> str | None:
    match = _PDF_DATE.match(raw or "")
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def _page_lines(document: pdfium.PdfDocument) -> list[list[str]]:
    pages = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_bounded()
        finally:
            textpage.close()
            page.close()
        pages.append([line.strip() for line in re.split(r"\r\n|\r|\n", text)])
    return pages


@register_loader(".pdf", kind="pdf")
def load_pdf(data: bytes) -> LoadedText:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise Unreadable(f"not a readable PDF ({error})") from None
    try:
        meta_raw = document.get_metadata_dict()
        pages = _page_lines(document)
    finally:
        document.close()
    if not any(line for lines in pages for line in lines):
        raise Unreadable(
            f"PDF has no text layer ({len(pages)} page(s) without extractable text; "
            "a scanned PDF needs OCR first)"
        )
    text = paragraphs(strip_running_lines(pages), PAGE_BREAK)
    printed, text = printed_front_matter(text)
    stated = (meta_raw.get("Title") or "").strip()
    title = printed.get("title") or (strip_site_suffix(stated) if stated else "")
    # the headline printed again on the page (breadcrumb, heading) is furniture; a title read
    # from the first line itself is kept as text
    stated_titles = [title, stated] if title and not _FILE_NAME.search(title) else []
    first = next((line for line in pages[0] if line), "")
    if not title or _FILE_NAME.search(title):
        title = first if 2 <= len(first) <= 60 and not first.endswith(("。", "：", ":")) else ""
    text = drop_furniture(text, stated_titles)
    meta = {
        "title": title or None,
        "author": printed.get("author") or (meta_raw.get("Author") or "").strip() or None,
        "date": printed.get("date") or _date(meta_raw.get("CreationDate")),
        "pages": str(len(pages)),
        "page_title": stated or None,  # the title the PDF states, site name and all
    }
    return LoadedText(text, title or None, meta, "pdf")

"""The report series of a document whose extraction does not state one.

Editions of one market report share a series; any other document is a series of its own.
The extraction library states `series_id` for what it extracts; outputs written before it
did (a bundled output, a document loaded by an older library) get the same rule here, so
the 2026 edition and a 2027 edition land in one series whichever code read them: the
title without its years, edition numbers and digits, as a slug.
"""

from __future__ import annotations

import re

from dagster_project.reports.extraction.extract import slugify

_NOT_SERIES = re.compile(r"(?:19|20)\d{2}(?:年(?:度)?)?|第?\d+版|\d+")


def series_of(document: dict) -> str | None:
    """`series_id` as stated, else derived from the kind, title and document id."""
    if document.get("series_id"):
        return str(document["series_id"])
    kind, title = document.get("kind"), document.get("title")
    if kind not in (None, "market_report"):
        return document.get("document_id")
    if not title:
        return None
    return "series-" + slugify(_NOT_SERIES.sub("", title) or document.get("document_id") or "")

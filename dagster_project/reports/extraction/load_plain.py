"""Plain text: decoded (UTF-8, BOM, GB18030/GBK, others detected), nothing else changed."""

from __future__ import annotations

from dagster_project.reports.extraction.decoding import decode
from dagster_project.reports.extraction.loaders import LoadedText, register_loader


@register_loader(".txt", ".text", kind="text")
def load_plain(data: bytes) -> LoadedText:
    return LoadedText(decode(data), format="text")

"""One fact row (the report_facts contract) from a figure and the context read for it."""

from __future__ import annotations

import hashlib

from dagster_project.reports.extraction.model import Figure


def fact_id(document_id: str, start: int, end: int, role: str | None) -> str:
    key = f"{document_id}:{start}:{end}:{role or ''}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def source_id(label: str) -> str:
    return "src-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:10]


def currency(fig: Figure, text: str, hk_document: bool) -> str:
    """A Hong Kong SAR text's 元 is HK$ unless it says 人民币 (元人民币, 人民币…元)."""
    if not hk_document or fig.unit != "CNY" or "人民币" in fig.unit_raw:
        return fig.unit
    before = text[max(0, fig.start - 4) : fig.number_start]
    return "CNY" if "人民币" in before else "HKD"


def fact_row(r: dict, document_id: str, text: str, hk_document: bool) -> dict:
    fig: Figure = r["fig"]
    metric, region, cite = r["metric"], r["region"], r["cite"]
    unit = currency(fig, text, hk_document)
    return {
        "fact_id": fact_id(document_id, fig.start, fig.end, fig.range_role),
        "document_id": document_id,
        "section_id": r["section"].section_id,
        "sentence": r["sentence"].text,
        "metric_id": metric.metric_id if metric and unit == fig.unit else None,
        "metric_name_zh": metric.name_zh if metric and unit == fig.unit else None,
        "metric_name_en": metric.name_en if metric and unit == fig.unit else None,
        "region_code": region.code,
        "region_name_zh": region.name_zh,
        "region_level": region.level,
        "entity_name": r["entity"],
        "period_year": r["year"],
        "value": fig.value,
        "unit": unit,
        "qualifier": fig.qualifier,
        "kind": r["kind"],
        "value_raw": fig.value_raw,
        "unit_raw": fig.unit_raw,
        "cited_source": cite.label if cite else None,
        "quality_flag": "corrupted" if r["corrupted"] else "clean",
        "char_start": fig.start,
        "char_end": fig.end,
        "value_low": fig.value_low,
        "value_high": fig.value_high,
        "range_role": fig.range_role,
        "source_id": source_id(cite.label) if cite else None,
        "period_label": r["period_label"],
        "sentence_start": r["sentence"].start,
        "sentence_end": r["sentence"].end,
        "figure_text": text[fig.start : fig.end],
        "section_number": r["section"].section_number,
        "page": None,
    }

"""Procurement-intention parsers: scraper artefacts are dropped or realigned, and recorded."""

from __future__ import annotations

from datetime import date

from dagster_project.ingest.registry import dropped_rows, parse_dataset
from dagster_project.landing.declarations import all_specs


def parsed(name: str):
    spec = all_specs()[name]
    return parse_dataset(spec, spec.snapshot_paths)


def test_customer_view_drops_header_rows_and_merges_shifted_rows():
    frame = parsed("ccgp_shandong__intentions")
    assert len(frame) == 45
    reasons = dropped_rows(frame).reason
    assert reasons.str.startswith("sub-table header").sum() == 13
    assert reasons.str.contains("merged into row").sum() == 21
    assert not frame.project_title.isin(["采购需求概况"]).any()
    assert frame.budget_cny.notna().all() and frame.expected_month.notna().all()
    assert set(frame.region_code) == {"370000"}
    it = frame[frame.project_title == "信息化应用系统密评及等保测评项目"].iloc[0]
    assert (it.budget_cny, it.expected_month, it.source_row) == (112_000.0, date(2026, 7, 1), 2)
    fair = frame[frame.project_title == "2026年新加坡通讯展览会"].iloc[0]
    assert fair.description.startswith("做好我省企业组团参展") and bool(fair.sme_reserved)


def test_detail_view_realigns_and_deduplicates():
    frame = parsed("ccgp_shandong__intentions_detail")
    assert len(frame) == 22
    assert frame.item_no.notna().all()
    assert dropped_rows(frame).reason.str.startswith("duplicate of row").sum() == 22
    first = frame.iloc[0]
    assert first.project_title == "师大校区功能教室改造-录播教室"
    assert first.budget_cny == 650_000.0 and bool(first.sme_reserved)
    assert first.expected_month == date(2026, 3, 1)
    assert first.buyer_name == "山东师范大学第二附属中学"
    assert frame.budget_cny.max() == 5_100_000.0

"""Claims of different documents: another report on the same market, official statistics.

A private copy of the session's refreshed home (tests/conftest.py). Three documents are dropped
into its report inbox and loaded by one `egov refresh`:

- another report on the same market, a 2027 IT-spend tracker (the seed report's text under
  another title) that puts the 2023 IT spend at 1,990亿元 where the seed report says 1,862亿元;
- a real news article on Zhejiang (corpus/sina_zhejiang_decade_2022.md) quoting the province's
  GDP (突破7万亿元) and budget revenue (8263亿元);
- the real 2022 government work report (corpus/gov_work_report_2022.txt) quoting national GDP
  (114万亿元).

The two corpus texts state those figures for the year before they were published without
writing the year, and their titles are not where the extractor reads titles (front matter, no
title line); the test writes the year (2021年) before the figures and the title as a heading.
"""

from pathlib import Path

import duckdb
import pytest

from tests.conftest import shared_path
from tests.support import Refreshed, egov

YI = 100_000_000  # 亿元
SEED = "smart-gov-market-report-2026-preview"
TRACKER = "gov-it-spend-tracker-2027"
SEED_TITLE = (
    "2026年及未來5年市場數(shù)據(jù)中國智慧政務(wù)行業(yè)市場全景評估及投資戰(zhàn)略咨詢報告"
)


def _query(home: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _edited(text: str, edits: dict[str, str]) -> str:
    for old, new in edits.items():
        assert text.count(old) >= 1, old
        text = text.replace(old, new)
    return text


def _documents() -> dict[str, str]:
    seed = shared_path("reports", f"{SEED}.txt").read_text(encoding="utf-8")
    tracker = _edited(
        seed, {SEED_TITLE: "2027年中國數(shù)字政府IT支出追蹤報告", "1,862億元": "1,990億元"}
    )
    zhejiang = _edited(
        shared_path("reports", "corpus", "sina_zhejiang_decade_2022.md").read_text("utf-8"),
        {
            "全省地区生产总值连跨": "2021年全省地区生产总值连跨",
            "一般公共预算收入达8263亿元": "2021年一般公共预算收入达8263亿元",
        },
    )
    _, front_matter, body = zhejiang.split("---", 2)
    zhejiang = f"---{front_matter}---\n# 2022年浙江这十年:GDP连跨4个万亿级台阶\n{body}"
    work_report = _edited(
        shared_path("reports", "corpus", "gov_work_report_2022.txt").read_text("utf-8"),
        {"国内生产总值达到114万亿元": "2021年国内生产总值达到114万亿元"},
    )
    return {
        f"{TRACKER}.txt": tracker,
        "zhejiang-decade-2022.md": zhejiang,
        "gov-work-report-2022.md": f"# 2022年政府工作报告\n\n{work_report}",
    }


@pytest.fixture(scope="module")
def home(refreshed_copy: Refreshed) -> Path:
    home = refreshed_copy.home
    inbox = home / "inbox" / "reports"
    inbox.mkdir(parents=True, exist_ok=True)
    for name, text in _documents().items():
        (inbox / name).write_text(text, encoding="utf-8")
    result = egov(home, "refresh")
    assert result.returncode == 0, result.stdout + result.stderr
    return home


def test_two_reports_stating_different_values_are_both_listed_with_the_spread(home):
    ((claims_text, documents, value_min, value_max, spread, agreement, preferred),) = _query(
        home,
        "select claims_side_by_side, document_ids, value_min, value_max, relative_spread_pct,"
        " agreement, preferred_document_id from marts.fct_claim_consensus"
        " where consensus_id = 'smartgov_it_spend:CN:2023'",
    )
    assert sorted(documents.split(",")) == [TRACKER, SEED]
    assert TRACKER in claims_text and SEED in claims_text
    assert (value_min, value_max) == (1_862 * YI, 1_990 * YI)
    assert spread == pytest.approx((1_990 - 1_862) / 1_990 * 100)
    assert agreement == "conflict"
    # Both reports cite IDC, the metric's reference publisher: the later edition wins.
    assert preferred == TRACKER


def test_the_analytical_marts_follow_the_preferred_report(home):
    ((preferred_value, preferred_facts),) = _query(
        home,
        "select preferred_value, preferred_fact_ids from marts.fct_claim_consensus"
        " where consensus_id = 'smartgov_it_spend:CN:2023'",
    )
    spend = {
        year: (float(value), method, fact_ids)
        for year, value, method, fact_ids in _query(
            home,
            "select year, value_cny, value_method, source_fact_ids from marts.spend_by_year"
            " where series_id = 'smartgov_it_spend' and scenario = 'actual'",
        )
    }
    assert spend[2023][:2] == (preferred_value, "stated") and preferred_value == 1_990 * YI
    assert set(spend[2023][2].split(",")) == set(preferred_facts.split(","))
    assert spend[2022][1] == "backcast_yoy"
    assert spend[2022][0] == pytest.approx(1_990 * YI / 1.214, abs=0.01)
    # Every figure a stated value rests on is the other report's.
    facts = dict(_query(home, "select fact_id, document_id from marts.fct_report_facts"))
    assert {facts[f] for f in preferred_facts.split(",")} == {TRACKER}


def test_official_statistics_quoted_by_documents_are_cross_checked_and_listed(home):
    checks = {
        (metric, region): rest
        for metric, region, *rest in _query(
            home,
            "select metric_id, region_code, period_year, qualifier, claim_value,"
            " official_basis, official_value, difference, status"
            " from marts.fct_claim_official_checks where document_id in"
            " ('zhejiang-decade-2022', 'gov-work-report-2022')",
        )
    }
    official = dict(
        _query(
            home,
            "select region_code, cast(gdp_cny as double) from marts.fct_province_stats"
            " where year = 2021 and region_code = '330000'",
        )
    )
    ((national_sum,),) = _query(
        home,
        "select cast(sum(gdp_cny) as double) from marts.fct_province_stats where year = 2021",
    )
    # 突破7万亿元 is a floor the official 2021 GDP of Zhejiang clears.
    year, qualifier, value, basis, official_value, difference, status = checks[
        ("regional_gdp", "330000")
    ]
    assert (year, qualifier, value, basis) == (2021, ">", 7e12, "province")
    assert official_value == official["330000"] and official_value > 7e12
    assert difference == pytest.approx(7e12 - official_value) and status == "consistent"
    # 8263亿元 of budget revenue is the official 8,262.64亿元 within 1 %.
    assert checks[("general_budget_revenue", "330000")][-1] == "consistent"
    # National GDP 114万亿元 against the sum of the provinces, which runs above the national
    # accounts: listed as a difference, not hidden.
    _, _, value, basis, official_value, difference, status = checks[("regional_gdp", "CN")]
    assert (value, basis, official_value) == (114e12, "sum_of_provinces", national_sum)
    assert difference == pytest.approx(114e12 - national_sum)
    assert difference / national_sum == pytest.approx(114e12 / national_sum - 1)
    assert abs(difference) > 0.01 * national_sum and status == "differs"

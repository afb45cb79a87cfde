"""A small published file written with DuckDB (the tables and columns the dashboard reads, a
few rows each), and the bundle and shapes cache shared by the tests of this package.

The real refresh's published file is exercised by tests/e2e/test_dashboard_e2e.py; here every
number is chosen by the test, so a test can say which value must appear where.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dagster_project.publish.dashboard.shapes import china_shapes
from dagster_project.publish.dashboard.vega import javascript_bundle
from dagster_project.settings import Paths

DDL = """
create schema marts;
create schema audit;
create table marts.dim_report_document (
    document_id varchar, edition bigint, title varchar, is_latest_edition boolean
);
create table marts.fct_report_facts (
    fact_id varchar, document_id varchar, edition bigint, section_id varchar,
    section_number varchar, section_title varchar, sentence varchar, metric_id varchar,
    metric_name_zh varchar, metric_name_en varchar, region_code varchar,
    region_name_zh varchar, entity_name varchar, period_year integer, period_label varchar,
    value double, unit varchar, qualifier varchar, kind varchar, range_role varchar,
    cited_source varchar, quality_flag varchar, figure_text varchar, char_start integer
);
create table marts.spend_by_year (
    year integer, series_id varchar, series_name_zh varchar, series_name_en varchar,
    scenario varchar, value_cny decimal(20, 2), value_usd decimal(20, 2), fx_rate double,
    yoy_growth_pct double, is_derived boolean, source_fact_ids varchar, value_method varchar,
    qualifier varchar, cited_source varchar, fx_source varchar, fx_year integer,
    is_fx_projected boolean, series_sort_order integer
);
create table marts.segment_forecasts (
    segment_id varchar, segment_name_zh varchar, segment_name_en varchar, year integer,
    scenario varchar, value_cny decimal(38, 2), share_pct decimal(38, 4),
    yoy_growth_pct double, market_value_cny decimal(20, 2), share_method varchar,
    assumptions_version varchar
);
create table audit.check_results (
    checked_at timestamptz, run_id varchar, suite varchar, batch varchar,
    expectation varchar, column_name varchar, success boolean, is_critical boolean,
    observed_value varchar, unexpected_count bigint, unexpected_sample varchar,
    kwargs varchar, engine varchar
);
create table audit.publish_log (
    published_at timestamptz, run_id varchar, fingerprint varchar
);
comment on table marts.spend_by_year is
    'One row per money series × year × scenario. 每行为一个金额序列。';
"""

MATURITY = """
create table marts.regional_maturity_index as
select
    code as region_code, name_zh as region_name_zh, name_en as region_name_en,
    'province' as region_level, year, score, rank, tier, tier_zh as tier_name_zh,
    tier_en as tier_name_en, coverage as coverage_pct, null::double as digital_service_score,
    score as fiscal_capacity_score, null::double as market_activity_score,
    2 as n_indicators, '2026.1' as weights_version {extra}
from (values
    ('110000', '北京市', 'Beijing', 2025, 81.5, 1, 'leading', '引领型', 'Leading', 30.0),
    ('310000', '上海市', 'Shanghai', 2025, 77.25, 2, 'leading', '引领型', 'Leading', 30.0),
    ('650000', '新疆', 'Xinjiang', 2025, 20.0, 3, 'emerging', '起步型', 'Emerging', 12.5),
    ('110000', '北京市', 'Beijing', 2026, 80.0, 2, 'leading', '引领型', 'Leading', 30.0),
    ('310000', '上海市', 'Shanghai', 2026, 82.0, 1, 'leading', '引领型', 'Leading', 30.0),
    ('650000', '新疆', 'Xinjiang', 2026, 21.0, 3, 'emerging', '起步型', 'Emerging', 12.5)
) as t(code, name_zh, name_en, year, score, rank, tier, tier_zh, tier_en, coverage)
"""

ROWS = {
    "marts.dim_report_document": [("report-2026", 2026, "2026年智慧政务报告", True)],
    "marts.fct_report_facts": [
        ("f1", "report-2026", 2026, "s1", "1.1", "市场规模", "2023年IT支出达1,862亿元。",
         "smartgov_it_spend", "智慧政务相关IT支出", "Smart-government IT spend", "CN", "全国",
         None, 2023, "2023", 186200000000.0, "CNY", "=", "actual", None, "IDC", "clean",
         "1,862亿元", 10),
        ("f2", "report-2026", 2026, "s2", "2.3", "地区", "北京市满意度</script><b>99%</b>。",
         "user_satisfaction", "用户满意度", "User satisfaction rate", "110000", "北京市",
         None, 2025, "2025", 99.0, "percent", "=", "actual", None, None, "clean", "99%", 40),
        ("f3", "report-2026", 2026, "s2", "2.3", "地区", "某数字无指标。", None, None, None,
         None, None, None, None, None, 12.5, "percent", None, "actual", None, None,
         "corrupted", "12.5%", 60),
    ],
    "marts.spend_by_year": [
        (2023, "smartgov_it_spend", "智慧政务相关IT支出", "Smart-government IT spend", "actual",
         186200000000.00, 26296032647.51, 7.0809, 21.4, False, "f1", "stated", "=", "IDC",
         "fred", 2023, False, 1),
        (2024, "smartgov_it_spend", "智慧政务相关IT支出", "Smart-government IT spend", "base",
         219716000000.00, 30534238703.36, 7.1957, None, True, "f1", "cagr_extended", None,
         "IDC", "fred", 2024, False, 1),
        (2024, "smartgov_it_spend", "智慧政务相关IT支出", "Smart-government IT spend", "low",
         210000000000.00, 29184000000.00, 7.1957, None, True, "f1", "band_low", None, "IDC",
         "fred", 2024, False, 1),
        (2024, "smartgov_it_spend", "智慧政务相关IT支出", "Smart-government IT spend", "high",
         228281200000.00, 31724556483.32, 7.1957, None, True, "f1", "band_high", None, "IDC",
         "fred", 2024, False, 1),
        (2023, "central_special_funds", "中央财政数字政府专项资金", "Central special funds",
         "actual", 18600000000.00, 2626800000.00, 7.0809, None, False, None, "stated", "=",
         None, "fred", 2023, False, 2),
    ],
    "marts.segment_forecasts": [
        ("gov_cloud_data", "政务云与数据中台", "Government cloud", 2025, "base",
         300000000000.00, 60.0, None, 500000000000.00, "procurement_budget_mix", "2026.1"),
        ("security_privacy", "安全合规与隐私计算", "Security and privacy", 2025, "base",
         200000000000.00, 40.0, None, 500000000000.00, "drift_extended", "2026.1"),
        ("gov_cloud_data", "政务云与数据中台", "Government cloud", 2026, "base",
         330000000000.00, 60.0, 10.0, 550000000000.00, "procurement_budget_mix", "2026.1"),
        ("security_privacy", "安全合规与隐私计算", "Security and privacy", 2026, "base",
         220000000000.00, 40.0, 10.0, 550000000000.00, "drift_extended", "2026.1"),
    ],
    "audit.check_results": [
        ("2026-12-01 10:00:00+00", "run-1", "marts.dim_region", "all", "expect_x", "name_zh",
         True, True, None, 0, "[]", "{}", "great_expectations"),
        ("2026-12-01 11:00:00+00", "run-2", "marts.dim_region", "all", "expect_x", "name_zh",
         False, True, None, 3, "[]", "{}", "great_expectations"),
        ("2026-12-01 11:00:00+00", "run-2", "raw.nbs__gdp", "dbt", "not_null", "value",
         True, True, "pass", 0, "[]", "{}", "dbt"),
    ],
    "audit.publish_log": [
        ("2026-12-01 09:00:00+00", "run-0", "fp0"),
        ("2026-12-01 11:05:00+00", "run-2", "fp2"),
    ],
}  # fmt: skip


def write_published(path: Path, *, rank_range: bool = False) -> Path:
    """A published file with the dashboard's tables; rank_range adds rank_low/rank_high."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute(DDL)
        extra = ", greatest(rank - 1, 1) as rank_low, rank + 1 as rank_high" if rank_range else ""
        con.execute(MATURITY.format(extra=extra))
        for table, rows in ROWS.items():
            marks = ", ".join("?" * len(rows[0]))
            con.executemany(f"insert into {table} values ({marks})", rows)
    finally:
        con.close()
    return path


@pytest.fixture(scope="session")
def dashboard_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The script bundle and the simplified shapes, computed once for the session (in a folder
    of its own: what the tests check is made here, not read from the environment's cache)."""
    cache = tmp_path_factory.mktemp("dashboard-cache")
    javascript_bundle(cache)
    china_shapes(cache)
    return cache


@pytest.fixture
def home(tmp_path: Path) -> Paths:
    """A warehouse home with a published file."""
    paths = Paths(tmp_path / "home")
    write_published(paths.published_db)
    return paths

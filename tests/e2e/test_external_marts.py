"""The marts built from the periodic external sources, after one real refresh.

The session's one `egov refresh` (tests/conftest.py); every test reads the published file
read-only.
"""

from collections.abc import Iterator

import duckdb
import pytest

from tests.support import Refreshed

SEGMENTS = {
    "gov_cloud_data",
    "smart_approval",
    "city_ops",
    "grassroots_tools",
    "security_privacy",
}


@pytest.fixture(scope="module")
def published(refreshed_template: Refreshed) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(refreshed_template.published), read_only=True)
    yield con
    con.close()


def test_guangdong_2023_gdp_is_the_revised_nbs_figure(published):
    row = published.execute(
        "select gdp_cny, gdp_vintage from marts.fct_province_stats "
        "where region_code = '440000' and year = 2023"
    ).fetchone()
    assert row == (13_790_540_000_000, "nbs_fsnd_2025_5th_census_revision")


def test_every_published_year_has_the_31_provinces_with_all_measures(published):
    per_year = published.execute(
        "select year, count(*), count(distinct region_code), count(population), "
        "count(gdp_cny), count(budget_expenditure_cny), count(budget_revenue_cny) "
        "from marts.fct_province_stats group by year order by year"
    ).fetchall()
    assert [year for year, *_ in per_year] == list(range(2016, 2025))
    assert all(counts == [31] * 6 for _, *counts in per_year)
    strangers = published.execute(
        "select count(*) from marts.fct_province_stats s left join marts.dim_region r "
        "on s.region_code = r.region_code and r.region_level = 'province' "
        "where r.region_code is null"
    ).fetchone()
    assert strangers == (0,)


def test_population_is_interpolated_exactly_in_the_gap_years(published):
    flagged = published.execute(
        "select year, count(*) from marts.fct_province_stats where is_interpolated "
        "group by year order by year"
    ).fetchall()
    assert flagged == [(2021, 31), (2022, 31), (2023, 31)]
    guangdong = dict(
        published.execute(
            "select year, population from marts.fct_province_stats "
            "where region_code = '440000' and year between 2020 and 2024"
        ).fetchall()
    )
    # Observed anchors 12,624 and 12,780 万人; the gap grows at a constant rate between them.
    assert guangdong[2020] == 126_240_000 and guangdong[2024] == 127_800_000
    expected_2022 = 126_240_000 * (127_800_000 / 126_240_000) ** 0.5
    assert abs(guangdong[2022] - expected_2022) <= 5_000
    assert guangdong[2020] < guangdong[2021] < guangdong[2022] < guangdong[2023] < guangdong[2024]


def test_ecb_and_fred_2023_averages_agree_within_half_a_percent(published):
    averages = dict(
        published.execute(
            "select source, avg_cny_per_usd from marts.fct_fx_rates_annual where year = 2023"
        ).fetchall()
    )
    assert averages["ecb"] == pytest.approx(7.0846, abs=5e-4)
    assert averages["fred"] == pytest.approx(7.0809, abs=5e-4)
    assert abs(averages["ecb"] / averages["fred"] - 1) < 0.005
    partial = published.execute(
        "select source, is_complete_year, ecb_vs_fred_rel_diff from marts.fct_fx_rates_annual "
        "where year = 2025 order by source"
    ).fetchall()
    assert partial == [("ecb", True, None), ("fred", False, None)]


def test_procurement_items_are_classified_with_rule_ids(published):
    rows = published.execute(
        "select n.title, n.segment_id, n.segment_name_zh, n.segment_rule_id, r.segment_id "
        "from marts.fct_procurement_notices n "
        "left join raw.smartgov_segment_rules r on n.segment_rule_id = r.rule_id"
    ).fetchall()
    assert len(rows) == 45 + 22  # no item is in both Shandong views
    assert all(rule_id and rule_segment == segment for _, segment, _, rule_id, rule_segment in rows)
    by_title = {title: (segment, name, rule_id) for title, segment, name, rule_id, _ in rows}
    assert by_title["信息系统密码测评"] == (
        "security_privacy",
        "安全合规与隐私计算",
        "sec_crypto_assessment",
    )
    assert by_title["“爱山东”政务服务平台运行效能评估"][0] == "smart_approval"
    assert by_title["山东省防汛抗旱调度会商系统新建项目"][0] == "city_ops"
    assert by_title["新型智慧城市发展创新大会"] == ("none", "非智慧政务IT", "excl_events")
    assert by_title["2026年公务用车租赁服务"][0] == "none"
    assert {segment for segment, _, _ in by_title.values()} == SEGMENTS | {"none"}


def test_china_2018_egdi_and_its_peer_set(published):
    china = published.execute(
        "select egdi_rank, egdi, is_peer, peer_group from marts.fct_egov_index "
        "where country_code = 'CHN' and survey_year = 2018"
    ).fetchone()
    assert china[0] == 65
    assert china[1] == pytest.approx(0.6811)
    assert china[2:] == (True, "self")
    per_survey = published.execute(
        "select survey_year, count(*), count(*) filter (where is_peer) "
        "from marts.fct_egov_index group by survey_year order by survey_year"
    ).fetchall()
    assert per_survey == [(year, 193, 12) for year in (2010, 2012, 2014, 2016, 2018)]


def test_capability_index_keeps_the_printed_ranks_beside_the_rank_by_score(published):
    rows = published.execute(
        "select region_name_zh, region_name_en, region_level, score, score_rank, printed_rank,"
        " is_printed_rank_tied, is_printed_rank_inverted, is_scored"
        " from marts.fct_online_service_capability where evaluation_year = 2019"
    ).fetchall()
    by_name = {name: tuple(rest) for name, *rest in rows}
    assert sum(1 for r in rows if r[2] == "province" and r[8]) == 31
    assert sum(1 for r in rows if r[2] == "prefecture" and r[8]) == 32
    assert by_name["安徽省"][2:6] == (90.82, 8, 5, False) and by_name["安徽省"][6]
    assert by_name["福建省"][2:4] == (91.11, 7)
    assert [by_name[c][4:6] for c in ("广州市", "南京市", "杭州市")] == [(2, True)] * 3
    assert by_name["南京市"][3] == 2 and by_name["广州市"][3] == 3  # 96.46 ahead of 96.45
    assert by_name["深圳市"][0] == "Shenzhen"
    xpcc = by_name["新疆生产建设兵团"]
    assert xpcc[2] is None and xpcc[3] is None and xpcc[4] == 28 and not xpcc[7]


def test_digital_economy_panel_marks_its_defects_and_keeps_values(published):
    usable = dict(
        published.execute(
            "select indicator, bool_or(is_usable) from marts.fct_province_digital_economy"
            " group by indicator"
        ).fetchall()
    )
    assert len(usable) == 24
    assert not any(usable[i] for i in ("telecom_revenue", "optical_cable_length"))
    assert usable["broadband_access_ports"] and usable["software_revenue"]
    outlier = published.execute(
        "select value, value_flag, is_usable, data_source from marts.fct_province_digital_economy"
        " where region_code = '150000' and year = 2021 and indicator = 'software_revenue'"
    ).fetchone()
    assert outlier[0] == pytest.approx(277.838e8) and outlier[1:3] == ("spike", False)
    assert "中国统计年鉴" in outlier[3]
    empty = published.execute(
        "select count(*), count(value) from marts.fct_province_digital_economy"
        " where indicator = 'ipv4_addresses' and year = 2015"
    ).fetchone()
    assert empty == (31, 0)


def test_external_checks_all_passed(published):
    suites = [
        "raw.nbs__gdp",
        "raw.ecb__eurofxref",
        "raw.ccgp_shandong__intentions",
        "raw.un_egdi__egdi",
        "marts.fct_province_stats",
        "marts.fct_fx_rates",
        "marts.fct_fx_rates_annual",
        "marts.fct_procurement_notices",
        "marts.fct_egov_index",
        "raw.cps_egov__online_service_index",
        "raw.digital_economy__panel",
        "marts.fct_online_service_capability",
        "marts.fct_province_digital_economy",
    ]
    results = dict(
        published.execute(
            "select suite, count(*) filter (where not success) from audit.check_results "
            "where suite in (select unnest(?)) group by suite",
            [suites],
        ).fetchall()
    )
    assert results == dict.fromkeys(suites, 0)

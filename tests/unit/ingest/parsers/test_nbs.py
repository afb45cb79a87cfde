"""NBS parsers on the shipped snapshots: the published figures come out exactly."""

from __future__ import annotations

import pytest

from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs


def parsed(name: str):
    spec = all_specs()[name]
    return parse_dataset(spec, spec.snapshot_paths)


def value(frame, code: str, year: int, indicator: str) -> float:
    rows = frame[
        (frame.region_code == code) & (frame.year == year) & (frame.indicator == indicator)
    ]
    assert len(rows) == 1
    return float(rows["value"].iloc[0])


def test_gdp_guangdong_2023_is_the_revised_figure_in_cny():
    gdp = parsed("nbs__gdp")
    assert value(gdp, "440000", 2023, "gdp") == 13_790_540_000_000  # 137,905.4 亿元
    row = gdp[(gdp.region_code == "440000") & (gdp.year == 2023)].iloc[0]
    assert (row.region_name_raw, row.unit, row.source_column) == ("广东省", "CNY", "2023年")
    assert row.vintage == "nbs_fsnd_2025_5th_census_revision"
    assert row.source_file == "nbs_fsnd_gdp_2006_2024_GBK.csv"
    assert row.source_row == 23  # 3 preamble lines, the header, Guangdong is the 19th province


def test_gdp_has_31_provinces_every_year_and_the_known_total():
    gdp = parsed("nbs__gdp")
    assert set(gdp.groupby("year").region_code.nunique()) == {31}
    assert sorted(gdp.year.unique()) == list(range(2006, 2025))
    assert gdp[gdp.year == 2023].value.sum() / 1e8 == pytest.approx(1_283_801.5, abs=0.05)
    assert gdp.dtypes["year"] == "int64" and gdp.dtypes["value"] == "float64"


def test_empty_latest_year_is_skipped_and_other_years_match_the_panel():
    recent = parsed("nbs__gdp_2021_2025")
    assert sorted(recent.year.unique()) == [2021, 2022, 2023, 2024]
    panel = parsed("nbs__gdp").set_index(["region_code", "year"]).value
    joined = recent.set_index(["region_code", "year"]).value
    assert (joined == panel.loc[joined.index]).all()


def test_components_gdp_equals_the_panel_for_every_year():
    components = parsed("nbs__gdp_components")
    assert sorted(components.source_file.unique())[0] == "nbs_fsnd_gdp_components_2019.csv"
    gdp = components[components.indicator == "gdp"].set_index(["region_code", "year"]).value
    panel = parsed("nbs__gdp").set_index(["region_code", "year"]).value
    assert (gdp == panel.loc[gdp.index]).all()
    per_capita = components[components.indicator == "gdp_per_capita"]
    assert set(per_capita.unit) == {"CNY_per_person"}


def test_budget_expenditure_short_names_and_two_blocks():
    spending = parsed("nbs__budget_expenditure")
    assert value(spending, "440000", 2023, "budget_expenditure") == pytest.approx(18_527.03e8)
    assert value(spending, "110000", 2005, "fiscal_expenditure") == pytest.approx(1_058.31e8)
    total = spending[(spending.year == 2023) & (spending.indicator == "budget_expenditure")]
    assert total.value.sum() / 1e8 == pytest.approx(236_403.5, abs=0.05)


def test_budget_revenue_tab_comma_export():
    revenue = parsed("nbs__budget_revenue")
    assert value(revenue, "440000", 2023, "budget_revenue") == pytest.approx(13_850.78e8)
    assert revenue[revenue.year == 2023].value.sum() / 1e8 == pytest.approx(117_228.8, abs=0.05)


def test_population_files_in_persons():
    recent = parsed("nbs__population_2024")
    assert value(recent, "440000", 2024, "population") == 127_800_000
    assert recent[recent.indicator == "population"].value.sum() == 1_406_280_000
    english = parsed("nbs__population_2000_2020")
    assert value(english, "440000", 2020, "population") == 126_240_000
    assert value(english, "150000", 2000, "population") > 0  # "Inner Mongolia"
    assert english[english.year == 2020].value.sum() == 1_410_130_000


def test_gdp_index_is_previous_year_100():
    index = parsed("nbs__gdp_index")
    assert value(index, "110000", 2024, "gdp_index_prev_year_100") == 105.1
    assert sorted(index.year.unique())[-1] == 2024

"""The digital-economy panel and its indicator system, parsed from the real workbooks."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.spikes import SPIKE_RATIO
from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs

PANEL = "digital_economy__panel"
SYSTEM = "digital_economy__indicator_system"


@pytest.fixture(scope="module")
def panel():
    spec = all_specs()[PANEL]
    return parse_dataset(spec, spec.snapshot_paths)


def _value(panel, code: str, year: int, indicator: str):
    rows = panel[
        (panel.region_code == code) & (panel.year == year) & (panel.indicator == indicator)
    ]
    assert len(rows) == 1
    return rows.iloc[0]


def test_long_shape_and_canonical_units(panel):
    assert len(panel) == 31 * 11 * 24
    assert sorted(panel.year.unique()) == list(range(2013, 2024))
    assert panel.region_code.nunique() == 31
    anhui = _value(panel, "340000", 2013, "broadband_access_ports")
    assert anhui.value == 1124.6 * 1e4 and anhui.unit == "count" and anhui.source_row == 4
    assert _value(panel, "340000", 2013, "software_revenue").value == pytest.approx(99.5709e8)
    # The IT-employment share is a formula in the workbook: its cached value is read.
    assert _value(panel, "340000", 2013, "it_employment_pct").value == pytest.approx(1.1944, 1e-4)


def test_sums_of_provinces_look_like_national_totals(panel):
    y2022 = panel[panel.year == 2022].groupby("indicator").value.sum()
    assert y2022["broadband_access_ports"] == pytest.approx(107_104e4, rel=1e-3)
    assert y2022["mobile_base_stations"] == pytest.approx(1_083e4, rel=1e-2)
    assert y2022["mobile_phone_subscribers"] == pytest.approx(168_344e4, rel=1e-3)


def test_empty_cells_are_null_and_marked_never_zero(panel):
    missing = panel[panel.value_flag == "not_reported"]
    assert missing.value.isna().all() and panel[panel.value_flag.isna()].value.notna().all()
    counts = missing.groupby(["indicator", "year"]).size().to_dict()
    assert counts[("ipv4_addresses", 2015)] == counts[("ipv4_addresses", 2016)] == 31
    assert counts[("digital_tv_subscribers", 2023)] == 31
    assert counts[("mobile_internet_users", 2013)] == 26


def test_known_defects_are_marked_with_values_left_as_found(panel):
    caveats = panel.groupby("indicator").indicator_caveat.unique().to_dict()
    assert list(caveats["telecom_revenue"]) == ["spliced_series"]
    assert list(caveats["optical_cable_length"]) == ["territory_scaled"]
    assert list(caveats["computers_per_100_people"]) == ["enterprise_only"]
    assert list(caveats["digital_real_integration_index"]) == ["unofficial_publisher"]
    spikes = panel[panel.value_flag == "spike"]
    assert sorted(zip(spikes.region_code, spikes.year, spikes.indicator, strict=True)) == [
        ("150000", 2021, "software_revenue"),
        ("310000", 2016, "websites"),
        ("460000", 2018, "optical_cable_length"),
    ]
    outlier = _value(panel, "150000", 2021, "software_revenue")
    assert outlier.value == pytest.approx(277.838e8)  # kept, only marked
    assert outlier.value > SPIKE_RATIO * _value(panel, "150000", 2020, "software_revenue").value


def test_indicator_system_names_each_publisher():
    spec = all_specs()[SYSTEM]
    system = parse_dataset(spec, spec.snapshot_paths).set_index("indicator")
    assert len(system) == 22
    assert system.loc["broadband_access_ports", "secondary_category"] == "Hardware Facilities"
    assert system.loc["patent_grants", "primary_category"] == "Digital Economy Environment"
    assert system.loc["digital_real_integration_index", "data_source"] == "Zhongli Data Network"
    assert system.loc["enterprises_with_ecommerce_pct", "label_annotation"] == "x10"
    assert "中国统计年鉴" in system.loc["software_revenue", "data_source"]


def _edited(tmp_path: Path, cell: str, value: object) -> Path:
    book = openpyxl.load_workbook(all_specs()[PANEL].snapshot_paths[0])
    book.active[cell] = value
    path = tmp_path / "panel.xlsx"
    book.save(path)
    return path


def _fails(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_dataset(all_specs()[PANEL], [path])
    assert caught.value.dataset == PANEL and caught.value.file == path.name
    return caught.value


def test_text_in_a_value_cell_names_row_and_column(tmp_path):
    error = _fails(_edited(tmp_path, "E10", "约2000"))
    assert (error.row, error.column) == (10, "Internet Broadband Access Ports (10,000 units)")


def test_an_id_that_is_not_the_code_of_the_province(tmp_path):
    error = _fails(_edited(tmp_path, "B4", 350000))
    assert (error.row, error.column) == (4, "id") and "安徽省" in error.message


def test_a_renamed_indicator_is_schema_drift(tmp_path):
    error = _fails(_edited(tmp_path, "E3", "Broadband Ports"))
    assert error.column == "Internet Broadband Access Ports (10,000 units)"


def test_a_missing_province_year_is_truncation(tmp_path):
    book = openpyxl.load_workbook(all_specs()[PANEL].snapshot_paths[0])
    book.active.delete_rows(book.active.max_row)
    path = tmp_path / "panel.xlsx"
    book.save(path)
    assert "30 of 31 provinces in 2023" in _fails(path).message

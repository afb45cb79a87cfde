"""Every spelling of a province maps to one GB/T 2260 code; unknown names name their cell."""

from __future__ import annotations

import pytest

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers import crosswalk


@pytest.mark.parametrize(
    "name", ["广东省", "广东", "Guangdong", "guangdong ", "Guangdong Province", "Guangdong Sheng"]
)
def test_spellings_of_guangdong(name):
    assert crosswalk.province_code(name, file="f", row=2, column="地区") == "440000"


def test_inner_mongolia_and_counts():
    assert crosswalk.province_code("Inner Mongolia", file="f", row=2, column="c") == "150000"
    assert crosswalk.province_code("内蒙古", file="f", row=2, column="c") == "150000"
    assert len(crosswalk.mainland_province_codes()) == 31


def test_regions_of_procurement_notices():
    assert crosswalk.region_code("山东省本级", file="f", row=2, column="地市") == "370000"
    assert crosswalk.region_code("济南市", file="f", row=2, column="地市") == "370100"


def test_unknown_name_is_an_input_error():
    with pytest.raises(InputError) as caught:
        crosswalk.province_code("香港", file="x.csv", row=7, column="地区")
    assert (caught.value.file, caught.value.row, caught.value.column) == ("x.csv", 7, "地区")

"""The capability-index page, read as the report's two ranking tables (real snapshot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.core.errors import InputError
from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs

NAME = "cps_egov__online_service_index"
SPEC = all_specs()[NAME]


def _parse(path: Path):
    return parse_dataset(SPEC, [path])


def _page() -> str:
    return SPEC.snapshot_paths[0].read_text(encoding="utf-8")


def _fails(tmp_path: Path, text: str, name: str = "page.txt") -> InputError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        _parse(path)
    assert caught.value.dataset == NAME and caught.value.file == name
    return caught.value


@pytest.fixture(scope="module")
def index():
    return parse_dataset(SPEC, SPEC.snapshot_paths)


def test_both_tables_are_read_with_year_level_and_codes(index):
    assert set(index.evaluation_year) == {2019}
    provinces = index[index.region_level == "province"]
    cities = index[index.region_level == "prefecture"]
    assert len(provinces) == 32 and provinces.region_code.nunique() == 31
    assert len(cities) == 32 and cities.region_code.nunique() == 32
    by_name = index.set_index("region_name_raw")
    assert by_name.loc["浙江", ["region_code", "score"]].tolist() == ["330000", 96.73]
    assert by_name.loc["内蒙古", "region_code"] == "150000"
    assert by_name.loc["深圳", ["region_code", "score"]].tolist() == ["440300", 97.34]
    assert by_name.loc["西宁", "score"] == 65.76
    assert by_name.loc["浙江", "source_row"] == 11  # the page's own line number


def test_ranks_stay_as_printed(index):
    by_name = index.set_index("region_name_raw")
    # 安徽 is printed 5th with a lower score than 福建, printed 6th.
    assert by_name.loc["安徽", ["printed_rank", "score"]].tolist() == [5, 90.82]
    assert by_name.loc["福建", ["printed_rank", "score"]].tolist() == [6, 91.11]
    assert [by_name.loc[c, "printed_rank"] for c in ("广州", "南京", "杭州")] == [2, 2, 2]
    assert by_name.loc["南京", "score"] > by_name.loc["广州", "score"]


def test_xpcc_is_listed_without_score_or_code(index):
    xpcc = index[index.region_name_raw == "新疆生产建设兵团"].iloc[0]
    assert xpcc.printed_rank == 28
    assert xpcc.region_code is None or xpcc.region_code != xpcc.region_code  # None or NaN
    assert xpcc.score != xpcc.score  # NaN


def test_the_page_grades_match_the_parsed_scores(index):
    scores = index[index.region_level == "province"].score
    assert (scores >= 90).sum() == 8
    assert ((scores >= 80) & (scores < 90)).sum() == 15
    assert ((scores < 80) | scores.isna()).sum() == 9


def test_an_html_copy_parses_like_the_text(tmp_path, index):
    rows = "".join(f"<p>{line}</p>\n" for line in _page().splitlines())
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>t</title></head><body>{rows}</body></html>", "utf-8")
    html = _parse(path)
    columns = ["region_level", "printed_rank", "region_name_raw", "region_code", "score"]
    assert html[columns].equals(index[columns])


def test_a_score_that_is_not_a_number_names_line_and_column(tmp_path):
    error = _fails(tmp_path, _page().replace("9 河南 87.00", "9 河南 87,00"))
    assert (error.row, error.column) == (31, "总体指数")


def test_a_row_with_an_extra_cell_is_refused(tmp_path):
    error = _fails(tmp_path, _page().replace("12 江西 83.32", "12 江西 83.32 高"))
    assert (error.row, error.column) == (37, "排名")


def test_an_unknown_region_names_its_line(tmp_path):
    error = _fails(tmp_path, _page().replace("10 长沙 85.45", "10 长莎 85.45"))
    assert error.row == 101 and "长莎" in error.message


def test_a_cut_page_misses_provinces(tmp_path):
    page = _page()
    error = _fails(tmp_path, page[: page.index("22 山东")])
    assert "23 of 31 provinces" in error.message  # ranks 1–21 with two ties


def test_a_page_without_the_tables(tmp_path):
    assert "no table header" in _fails(tmp_path, "快好知 kuaihz\n\n没有表格\n").message


def test_a_drop_declared_in_another_encoding_is_refused(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(_page().encode("gbk"))
    with pytest.raises(InputError) as caught:
        _parse(path)
    assert caught.value.row is not None and "utf-8" in caught.value.message

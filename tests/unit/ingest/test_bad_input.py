"""Bad payloads raise InputError naming dataset, file, row and column.

Each fixture is a real snapshot altered in tmp_path the way real files go wrong. A payload
that parses but breaks a declared rule (a repeated key, an implausible value) is refused by
its suite instead: tests/unit/quality/test_payload.py.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
import pytest

from dagster_project.core.errors import InputError
from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs

GDP = "nbs__gdp"


def spec_of(name: str, **changes):
    return dataclasses.replace(all_specs()[name], **changes)


def snapshot_text(name: str) -> str:
    spec = all_specs()[name]
    return spec.snapshot_paths[0].read_bytes().decode(spec.encoding)


def write(tmp_path: Path, name: str, text: str, encoding: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def gdp_file(tmp_path: Path, text: str) -> Path:
    return write(tmp_path, "gdp.csv", text, "gbk")


def fails(name: str, path: Path, **spec_changes) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_dataset(spec_of(name, **spec_changes), [path])
    error = caught.value
    assert error.dataset == name and error.file == path.name
    return error


def test_missing_province_is_truncation(tmp_path):
    text = "".join(line for line in snapshot_text(GDP).splitlines(True) if "广东省" not in line)
    error = fails(GDP, gdp_file(tmp_path, text))
    assert "30 of 31 provinces" in error.message and "440000" in error.message
    assert error.column.endswith("年")


def test_cut_off_last_line(tmp_path):
    text = snapshot_text(GDP)
    cut = text[: text.index("新疆维吾尔自治区") + 20]
    error = fails(GDP, gdp_file(tmp_path, cut))
    assert error.row == cut.count("\n") + 1
    text = snapshot_text("nbs__population_2000_2020")
    error = fails("nbs__population_2000_2020", write(tmp_path, "pop.csv", text[:-30], "utf-8"))
    assert error.row == 32 and "fields" in error.message


def test_gbk_file_read_as_utf8(tmp_path):
    path = gdp_file(tmp_path, snapshot_text(GDP))
    error = fails(GDP, path, encoding="utf-8")
    assert "not valid utf-8" in error.message and error.row == 1


def test_utf8_file_read_as_gbk(tmp_path):
    name = "nbs__budget_revenue"
    with_bom = all_specs()[name].snapshot_paths[0].read_bytes()
    bom_path = tmp_path / "revenue.csv"
    bom_path.write_bytes(with_bom)
    assert "byte-order mark" in fails(name, bom_path, encoding="gbk").message
    plain = tmp_path / "revenue_plain.csv"
    plain.write_bytes(with_bom[3:])
    error = fails(name, plain, encoding="gbk")  # strict GBK decoding stops at line 2
    assert "not valid gbk" in error.message and error.row == 2


def test_renamed_column_is_schema_drift(tmp_path):
    text = snapshot_text("ecb__eurofxref").replace(",JPY,", ",JPN,", 1)
    path = write(tmp_path, "eurofxref-hist.csv", text, "utf-8")
    error = fails("ecb__eurofxref", path)
    assert error.column == "JPY" and "schema drift" in error.message
    text = snapshot_text(GDP).replace("地区,", "省份,", 1)
    assert fails(GDP, gdp_file(tmp_path, text)).column == "地区"


def test_non_numeric_value(tmp_path):
    text = snapshot_text(GDP).replace("137905.4", "137,905.4".replace(",", "，"), 1)
    error = fails(GDP, gdp_file(tmp_path, text))
    assert "not a number" in error.message and error.column == "2023年" and error.row == 23


def test_unknown_province_name(tmp_path):
    text = snapshot_text(GDP).replace("广东省,", "粤省,", 1)
    error = fails(GDP, gdp_file(tmp_path, text))
    assert "unknown province" in error.message and (error.row, error.column) == (23, "地区")


def test_vintage_without_revision_note_is_refused(tmp_path):
    text = "".join(line for line in snapshot_text(GDP).splitlines(True) if "经济普查" not in line)
    assert "revision" in fails(GDP, gdp_file(tmp_path, text)).message


def test_fred_truncated_history(tmp_path):
    lines = snapshot_text("fred__dexchus").splitlines(True)
    path = write(tmp_path, "DEXCHUS.csv", "".join(lines[:1] + lines[100:]), "utf-8")
    assert "truncated" in fails("fred__dexchus", path).message


def test_egdi_fractional_rank_and_missing_country(tmp_path):
    text = snapshot_text("un_egdi__egdi").replace("CHN,China,72.0,", "CHN,China,72.5,")
    error = fails("un_egdi__egdi", write(tmp_path, "un_egdi_2010.csv", text, "utf-8"))
    assert (error.column, error.row) == ("e-gov-rank", 86)
    lines = snapshot_text("un_egdi__egdi").splitlines(True)
    short = write(tmp_path, "un_egdi_2012.csv", "".join(lines[:-1]), "utf-8")
    assert "192 countries" in fails("un_egdi__egdi", short).message


def test_procurement_budget_that_is_not_a_number(tmp_path):
    name = "ccgp_shandong__intentions"
    book = openpyxl.load_workbook(all_specs()[name].snapshot_paths[0])
    book.active["G3"] = "九万"
    path = tmp_path / "intentions.xlsx"
    book.save(path)
    error = fails(name, path)
    assert (error.row, error.column) == (3, "金额")


def test_procurement_truncated_workbook(tmp_path):
    name = "ccgp_shandong__intentions_detail"
    path = tmp_path / "detail.xlsx"
    path.write_bytes(all_specs()[name].snapshot_paths[0].read_bytes()[:5000])
    assert "not a readable .xlsx" in fails(name, path).message

"""Parsers for the NBS 分省年度数据 CSV exports (GDP, GDP index, components, revenue, population).

Each returns the provincial long format of `provincial.COLUMNS`. Vintages:
* GDP, its index and its components carry the footnote on the systematic revision of
  1992–2023 after the 5th National Economic Census (published 2025); the parsers require
  that note, so an export of another vintage is stopped for review instead of being mixed
  into the same series.
* Fiscal revenue is not revised by censuses: `nbs_fsnd_as_published`.
* Population since 2021 is estimated on the 7th-census (2020) basis: `nbs_7th_census_basis`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.catalog import register
from dagster_project.ingest.parsers.cells import parse_year
from dagster_project.ingest.parsers.nbs_export import REGION_HEADER, FsndExport, read_fsnd
from dagster_project.ingest.parsers.provincial import COLUMNS, Cell, Measure, cells_to_frame

VINTAGE_5TH_CENSUS = "nbs_fsnd_2025_5th_census_revision"
VINTAGE_AS_PUBLISHED = "nbs_fsnd_as_published"
VINTAGE_7TH_CENSUS_BASIS = "nbs_7th_census_basis"
_REVISION_NOTE = "第五次全国经济普查"
_LABEL = re.compile(r"(?P<name>.+?)\s*\((?P<unit>[^()]+)\)")

COMPONENTS = {
    "地区生产总值": "gdp",
    "第一产业增加值": "va_primary",
    "第二产业增加值": "va_secondary",
    "第三产业增加值": "va_tertiary",
    "农林牧渔业增加值": "va_agriculture",
    "工业增加值": "va_industry",
    "建筑业增加值": "va_construction",
    "批发和零售业增加值": "va_wholesale_retail",
    "交通运输、仓储和邮政业增加值": "va_transport_storage_post",
    "住宿和餐饮业增加值": "va_accommodation_catering",
    "金融业增加值": "va_finance",
    "房地产业增加值": "va_real_estate",
    "其他行业增加值": "va_other",
    "人均地区生产总值": "gdp_per_capita",
}
POPULATION = {
    "年末常住人口": "population",
    "城镇人口": "population_urban",
    "乡村人口": "population_rural",
}


@register("nbs.gdp", columns=COLUMNS)
def parse_gdp(path: Path, encoding: str = "gbk") -> pd.DataFrame:
    """地区生产总值 by province and year (亿元 → CNY); year columns newest first."""
    export = read_fsnd(path, encoding)
    indicator = export.preamble.get("指标")
    if indicator is not None:
        # The GBK export names its indicator; the `<TAB>,` exports do not.
        _require_label(indicator, "地区生产总值", "亿元", export.file)
    return _year_panel(export, Measure("gdp", "亿元"), _census_vintage(export))


@register("nbs.gdp_index", columns=COLUMNS)
def parse_gdp_index(path: Path, encoding: str = "utf-8-sig") -> pd.DataFrame:
    """地区生产总值指数 (previous year = 100); real growth is the value minus 100."""
    export = read_fsnd(path, encoding)
    measure = Measure("gdp_index_prev_year_100", "上年=100")
    return _year_panel(export, measure, _census_vintage(export))


@register("nbs.budget_revenue", columns=COLUMNS)
def parse_budget_revenue(path: Path, encoding: str = "utf-8-sig") -> pd.DataFrame:
    """地方一般公共预算收入 (亿元 → CNY). The export names no indicator; the values are revenue."""
    export = read_fsnd(path, encoding)
    return _year_panel(export, Measure("budget_revenue", "亿元"), VINTAGE_AS_PUBLISHED)


@register("nbs.gdp_components", columns=COLUMNS)
def parse_gdp_components(path: Path, encoding: str = "utf-8-sig") -> pd.DataFrame:
    """One year (时间：YYYY年) of GDP, value added by sector (亿元) and GDP per capita (元/人)."""
    export = read_fsnd(path, encoding)
    return _indicator_table(export, COMPONENTS, _census_vintage(export))


@register("nbs.population_2024", columns=COLUMNS)
def parse_population_2024(path: Path, encoding: str = "utf-8-sig") -> pd.DataFrame:
    """One year of year-end resident, urban and rural population (万人 → persons)."""
    export = read_fsnd(path, encoding)
    return _indicator_table(export, POPULATION, VINTAGE_7TH_CENSUS_BASIS)


def _census_vintage(export: FsndExport) -> str:
    if not export.note_mentions(_REVISION_NOTE):
        raise InputError(
            f"no footnote on the {_REVISION_NOTE} revision: a different vintage must be "
            "reviewed before it is loaded into the same series",
            file=export.file,
        )
    return VINTAGE_5TH_CENSUS


def _require_label(label: str, name: str, unit: str, file: str) -> None:
    match = _LABEL.fullmatch(label.strip())
    if match is None or match["name"] != name or match["unit"] != unit:
        raise InputError(f"indicator {label!r}, expected {name}({unit})", file=file, column="指标")


def _year_panel(export: FsndExport, measure: Measure, vintage: str) -> pd.DataFrame:
    years = [parse_year(label, file=export.file) for label in export.header[1:]]
    cells = [
        Cell(number, cells[0], label, year, measure, raw)
        for number, cells in export.rows
        for label, year, raw in zip(export.header[1:], years, cells[1:], strict=True)
    ]
    return cells_to_frame(
        cells,
        vintage=vintage,
        file=export.file,
        region_column=REGION_HEADER,
        raw_columns=export.header,
    )


def _indicator_table(export: FsndExport, names: dict[str, str], vintage: str) -> pd.DataFrame:
    year = parse_year(export.preamble.get("时间", ""), file=export.file, column="时间")
    measures = [_measure(label, names, export.file) for label in export.header[1:]]
    cells = [
        Cell(number, cells[0], label, year, measure, raw)
        for number, cells in export.rows
        for label, measure, raw in zip(export.header[1:], measures, cells[1:], strict=True)
    ]
    return cells_to_frame(
        cells,
        vintage=vintage,
        file=export.file,
        region_column=REGION_HEADER,
        raw_columns=export.header,
    )


def _measure(label: str, names: dict[str, str], file: str) -> Measure:
    """A header such as `地区生产总值 (亿元)` → Measure("gdp", "亿元")."""
    match = _LABEL.fullmatch(label)
    if match is None or match["name"] not in names:
        raise InputError(f"unexpected column {label!r}", file=file, column=label)
    return Measure(names[match["name"]], match["unit"])

"""Parsers for the administrative-division files (GB/T 2260 codes and name crosswalk)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.catalog import register
from dagster_project.ingest.parsers.romanise import pinyin_syllables
from dagster_project.ingest.parsers.tabular import read_csv_strict, require_columns

PROVINCE_DICT_COLUMNS = [
    "iso_3166_2",
    "gb_2260",
    "short_name_en",
    "short_name_zh",
    "short_name_py",
    "full_name_en",
    "full_name_zh",
    "full_name_py",
    "regex",
    "type",
    "mainland",
    "province_prefix",
]


@register("modood.provinces", columns=["province_prefix", "name"])
def parse_modood_provinces(path: Path) -> pd.DataFrame:
    """Two-digit province prefixes with full names; 31 rows expected."""
    frame = read_csv_strict(path, dtype=str)
    require_columns(frame, ["code", "name"], path)
    _require_pattern(frame, "code", r"[1-8][0-9]", path)
    return frame[["code", "name"]].rename(columns={"code": "province_prefix"})


def read_modood_cities(path: Path) -> pd.DataFrame:
    """Four-digit prefecture codes with names and their province prefix."""
    frame = read_csv_strict(path, dtype=str)
    require_columns(frame, ["code", "name", "provinceCode"], path)
    _require_pattern(frame, "code", r"[1-8][0-9]{3}", path)
    _require_pattern(frame, "provinceCode", r"[1-8][0-9]", path)
    return frame.rename(columns={"code": "prefecture_prefix", "provinceCode": "province_prefix"})[
        ["prefecture_prefix", "name", "province_prefix"]
    ]


@register("modood.cities", columns=["prefecture_prefix", "name", "province_prefix", "name_pinyin"])
def parse_modood_cities(path: Path) -> pd.DataFrame:
    """The prefectures with the Hanyu Pinyin of each name (深圳市 → `shen zhen shi`), from
    which dim_region builds the English name of the short form (Shenzhen)."""
    frame = read_modood_cities(path)
    frame["name_pinyin"] = [
        pinyin_syllables(name.strip(), file=path.name, row=int(index) + 2, column="name")
        for index, name in frame["name"].items()
    ]
    return frame


# The package's data frame as it is (one column renamed): the columns it ships are the contract.
@register("chinautils.province_dict", columns=PROVINCE_DICT_COLUMNS)
def parse_chinautils_province_dict(path: Path) -> pd.DataFrame:
    """The R data file of the chinautils package: one row per province, names in 3 scripts."""
    import pyreadr

    try:
        frame = pyreadr.read_r(str(path))["province_dict"]
    except (pyreadr.custom_errors.PyreadrError, KeyError) as exc:
        raise InputError(f"not a readable R data file with object province_dict: {exc}") from exc
    require_columns(frame, ["gb_2260", "short_name_zh", "full_name_en", "china_customs"], path)
    frame = frame.astype({"mainland": bool})
    return frame.rename(columns={"china_customs": "province_prefix"})


def _require_pattern(frame: pd.DataFrame, column: str, pattern: str, path: Path) -> None:
    regex = re.compile(pattern)
    for index, value in frame[column].items():
        if not isinstance(value, str) or not regex.fullmatch(value):
            raise InputError(
                f"value {value!r} does not match {pattern}",
                file=path.name,
                row=int(index) + 2,  # 1-based, after the header line
                column=column,
            )

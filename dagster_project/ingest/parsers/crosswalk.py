"""Province and prefecture names → six-digit GB/T 2260 codes, built from the shipped snapshots.

Provincial files spell the same province three ways: full Chinese names (广东省, NBS fsnd
exports), short names (广东, the budget workbook) and English names (Guangdong, Inner
Mongolia, the English population export). The lookup joins modood's full names with the
chinautils dictionary (short and full names in Chinese, English and pinyin), so every
spelling maps to one code such as 440000. Prefecture names (济南市) come from modood's cities.
"""

from __future__ import annotations

from functools import cache

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.divisions import (
    parse_chinautils_province_dict,
    parse_modood_provinces,
    read_modood_cities,
)
from dagster_project.landing.declarations import all_specs

# Procurement notices name the province-level budget unit as "<province>本级"; the suffix
# means "the province's own level", not a different region.
_LEVEL_SUFFIX = "本级"
# Grouping rows of modood's cities table, not prefectures (see sources/modood/cities.yml).
_GROUPING_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_NAME_COLUMNS = (
    "short_name_zh",
    "full_name_zh",
    "short_name_en",
    "full_name_en",
    "short_name_py",
    "full_name_py",
)


def _key(name: str) -> str:
    """Names compare without surrounding/inner spaces and without case (English names)."""
    return "".join(name.split()).casefold()


@cache
def province_codes() -> dict[str, str]:
    """Every known spelling of the 31 mainland provinces → six-digit code (e.g. 440000)."""
    specs = all_specs()
    lookup: dict[str, str] = {}
    modood = parse_modood_provinces(specs["modood__provinces"].snapshot_paths[0])
    for prefix, name in zip(modood["province_prefix"], modood["name"], strict=True):
        lookup[_key(name)] = f"{prefix}0000"
    chinautils = parse_chinautils_province_dict(
        specs["chinautils__province_dict"].snapshot_paths[0]
    )
    for _, row in chinautils[chinautils["mainland"]].iterrows():
        code = f"{row['province_prefix']}0000"
        for column in _NAME_COLUMNS:
            lookup[_key(row[column])] = code
    return lookup


@cache
def mainland_province_codes() -> frozenset[str]:
    """The 31 codes every provincial NBS table must cover."""
    return frozenset(province_codes().values())


@cache
def prefecture_codes() -> dict[str, str]:
    """Prefecture names (济南市) → six-digit code (370100); grouping rows are left out."""
    cities = read_modood_cities(all_specs()["modood__cities"].snapshot_paths[0])
    lookup: dict[str, str] = {}
    for prefix, name in zip(cities["prefecture_prefix"], cities["name"], strict=True):
        if name not in _GROUPING_NAMES:
            lookup[_key(name)] = f"{prefix}00"
    return lookup


def province_code(name: object, *, file: str, row: int, column: str) -> str:
    """The code of a province name in any spelling; an unknown name names its cell."""
    code = province_codes().get(_key(name)) if isinstance(name, str) else None
    if code is None:
        raise InputError(f"unknown province name {name!r}", file=file, row=row, column=column)
    return code


def region_code(name: object, *, file: str, row: int, column: str) -> str:
    """A province (also "<province>本级") or prefecture name → its code, else InputError."""
    if isinstance(name, str):
        key = _key(name).removesuffix(_LEVEL_SUFFIX)
        code = province_codes().get(key) or prefecture_codes().get(key)
        if code is not None:
            return code
    raise InputError(f"unknown region name {name!r}", file=file, row=row, column=column)

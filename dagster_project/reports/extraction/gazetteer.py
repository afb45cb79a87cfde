"""Province and prefecture names from the repository's GB/T 2260 reference snapshot.

Codes are six-digit GB/T 2260 strings (440000 for 广东省, 440100 for 广州市). Besides full
names, short forms are recognised (广东, 深圳, 内蒙古), except prefecture short forms that are
ordinary words in running text (大同, 日照, 安康, 中山 …), which only match in full.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_GROUPING_ROWS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_PROVINCE_SUFFIXES = (
    "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市",
)  # fmt: skip
# Prefecture short names that read as common words or collide with other places.
_AMBIGUOUS_SHORT = {
    "大同", "长治", "朝阳", "日照", "来宾", "安康", "中山", "白银", "黄山", "白山", "吉林",
    "海南", "四平", "大庆", "开封", "北海", "德州", "泰安", "吉安", "中卫", "安顺", "孝感",
    "海口", "海东", "三明", "永州", "通化", "金华", "信阳", "阳泉", "玉林", "丽水", "普洱",
    "黑河", "七台河", "新乡", "南平", "东营", "宁德", "平凉", "铜川", "邵阳", "昌都", "山南",
    "林芝", "三沙", "商洛", "阿里", "辽源", "鹤岗",
}  # fmt: skip
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
# GB/T 2260 also codes Hong Kong, Macao and Taiwan, which the divisions snapshot leaves out.
SPECIAL_REGIONS = (
    ("810000", "香港特别行政区", ("香港", "香港特区", "港府", "本港", "全港", "港岛")),
    ("820000", "澳门特别行政区", ("澳门", "澳门特区", "澳府")),
    ("710000", "台湾省", ("台湾",)),
)
HONG_KONG = "810000"


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str  # province / prefecture
    province_code: str


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, Place]
    by_code: dict[str, Place]
    pattern: re.Pattern[str]

    def find(self, text: str) -> list[tuple[int, int, Place]]:
        return [(m.start(), m.end(), self.by_name[m.group(0)]) for m in self.pattern.finditer(text)]


def _short_province(name: str) -> str:
    for suffix in _PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _short_city(name: str) -> str | None:
    for suffix in ("市", "地区", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            short = name[: -len(suffix)]
            return None if short in _AMBIGUOUS_SHORT else short
    return None


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def load_gazetteer(directory: Path) -> Gazetteer:
    """`directory` holds provinces.csv and cities.csv (the caller's GB/T 2260 snapshot)."""
    by_name: dict[str, Place] = {}
    by_code: dict[str, Place] = {}
    for row in _read(directory / "provinces.csv"):
        code = row["code"] + "0000"
        place = Place(code, row["name"], "province", code)
        by_code[code] = place
        by_name[row["name"]] = place
        by_name.setdefault(_short_province(row["name"]), place)
    for code, name, aliases in SPECIAL_REGIONS:
        place = Place(code, name, "province", code)
        by_code[code] = place
        for alias in (name, *aliases):
            by_name.setdefault(alias, place)
    for row in _read(directory / "cities.csv"):
        if row["name"] in _GROUPING_ROWS:
            continue
        code = row["code"] + "00"
        place = Place(code, row["name"], "prefecture", row["provinceCode"] + "0000")
        by_code[code] = place
        by_name.setdefault(row["name"], place)
        short = _short_city(row["name"])
        if short:
            by_name.setdefault(short, place)  # a province's short name wins over a city's
    names = sorted(by_name, key=lambda n: (-len(n), n))
    return Gazetteer(by_name, by_code, re.compile("|".join(map(re.escape, names))))

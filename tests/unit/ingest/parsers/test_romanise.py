"""Pinyin of the prefecture names, read from the shipped division list."""

from __future__ import annotations

import pytest

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.romanise import pinyin_syllables
from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs


@pytest.fixture(scope="module")
def cities():
    spec = all_specs()["modood__cities"]
    return parse_dataset(spec, spec.snapshot_paths).set_index("name")


@pytest.mark.parametrize(
    ("name", "syllables"),
    [
        ("深圳市", "shen zhen shi"),
        ("西安市", "xi an shi"),
        ("吕梁市", "lü liang shi"),
        # Read as place names (CC-CEDICT phrases), not with pypinyin's first guess.
        ("长治市", "chang zhi shi"),
        ("朝阳市", "chao yang shi"),
        ("漯河市", "luo he shi"),
        ("锡林郭勒盟", "xi lin guo le meng"),
        ("厦门市", "xia men shi"),
        ("延边朝鲜族自治州", "yan bian chao xian zu zi zhi zhou"),
    ],
)
def test_place_names_are_read_as_place_names(cities, name, syllables):
    assert cities.loc[name, "name_pinyin"] == syllables


def test_every_prefecture_has_one_syllable_per_character(cities):
    for name, syllables in cities["name_pinyin"].items():
        assert len(syllables.split(" ")) == len(name), name


def test_a_name_that_is_not_chinese_names_its_cell():
    with pytest.raises(InputError) as caught:
        pinyin_syllables("Shenzhen", file="cities.csv", row=7, column="name")
    assert (caught.value.file, caught.value.row, caught.value.column) == ("cities.csv", 7, "name")

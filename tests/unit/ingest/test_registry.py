"""Every declaration loads, points at a parser that exists, and parses its shipped snapshot."""

from __future__ import annotations

import pytest

from dagster_project.ingest.registry import load_parser, parse_dataset
from dagster_project.landing.declarations import all_specs

PERIODIC = [name for name in all_specs() if name.split("__")[0] not in ("modood", "chinautils")]


def test_the_periodic_datasets_are_declared():
    assert {
        "nbs__gdp",
        "nbs__gdp_2021_2025",
        "nbs__gdp_index",
        "nbs__gdp_components",
        "nbs__budget_expenditure",
        "nbs__budget_revenue",
        "nbs__population_2000_2020",
        "nbs__population_2024",
        "ecb__eurofxref",
        "fred__dexchus",
        "ccgp_shandong__intentions",
        "ccgp_shandong__intentions_detail",
        "un_egdi__egdi",
        "cps_egov__online_service_index",
        "digital_economy__panel",
        "digital_economy__indicator_system",
    } <= set(PERIODIC)


@pytest.mark.parametrize("name", PERIODIC)
def test_declaration_parses_its_snapshot(name):
    spec = all_specs()[name]
    assert callable(load_parser(spec))
    assert set(spec.modes) == {"snapshot", "http", "drop"}
    assert len(spec.schedule.split()) == 5
    frame = parse_dataset(spec, spec.snapshot_paths)
    assert len(frame) > 0 and frame["source_row"].notna().all()
    assert frame.attrs["extra_columns"] in ({}, {"DEXCHUS.csv": ["DATE"]})

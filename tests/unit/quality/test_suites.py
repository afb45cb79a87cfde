"""Suite files and the rules derived from declarations (no GX needed to read them)."""

from __future__ import annotations

from dagster_project.ingest.parsers import catalog
from dagster_project.landing.declarations import all_specs
from dagster_project.quality.contract_rules import contract_expectations, raw_columns
from dagster_project.quality.suites import suite_files


def _suite(relation: str):
    return next(s for s in suite_files() if s.relation == relation)


def test_a_payload_suite_starts_with_its_declared_rules():
    spec = all_specs()["nbs__gdp"]
    rules = contract_expectations("nbs__gdp")
    assert rules[0]["kwargs"]["column_set"] == [*catalog.output_columns(spec.parser), "source_file"]
    key_rule = rules[1]
    assert key_rule["type"] == "unexpected_rows_expectation"
    assert '"region_code", "year", "indicator"' in key_rule["kwargs"]["unexpected_rows_query"]
    (plausible,) = [r for r in rules if r["type"] == "expect_column_values_to_be_between"]
    assert plausible["kwargs"] == {
        "min_value": 1e10,
        "max_value": 3e13,
        "column": "value",
        "row_condition": 'col("indicator")=="gdp"',
        "condition_parser": "great_expectations",
    }
    suite = _suite("raw.nbs__gdp")
    assert suite.validates_payload and suite.expectations()[: len(rules)] == rules


def test_wide_tables_range_their_columns():
    rules = contract_expectations("ecb__eurofxref")
    ranged = {r["kwargs"]["column"] for r in rules if r["type"].endswith("_between")}
    assert ranged == {"usd_per_eur", "cny_per_eur", "cny_per_usd"}


def test_every_declared_dataset_has_its_raw_columns():
    for name, spec in all_specs().items():
        assert raw_columns(spec)[-1] == "source_file", name


def test_batches_fill_their_templates_and_marts_are_not_payload_suites():
    suite = _suite("raw.nbs__gdp")
    query = suite.batch_query("series", {"payload": "raw.x__incoming", "previous": "raw.x"})
    assert "raw.x__incoming" in query and "{{" not in query
    assert not _suite("marts.fct_province_stats").validates_payload
    assert _suite("raw.fred__dexchus").required("vs_ecb") == ("raw.ecb__eurofxref",)

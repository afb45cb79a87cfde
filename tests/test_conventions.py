"""House rules, checked on the dbt manifest and the repository (one name per thing)."""

import json
import re

import pytest

from dagster_project.landing.declarations import all_specs
from dagster_project.quality.suites import suite_files
from dagster_project.settings import DBT_DIR, PROJECT_ROOT

LAYERS = {"staging", "intermediate", "marts"}


@pytest.fixture(scope="module")
def manifest() -> dict:
    path = DBT_DIR / "target" / "manifest.json"
    if not path.exists():
        pytest.skip("no dbt manifest: run `make manifest`")
    return json.loads(path.read_text(encoding="utf-8"))


def _models(manifest: dict) -> list[dict]:
    return [n for n in manifest["nodes"].values() if n["resource_type"] == "model"]


def test_model_schema_is_its_top_folder_and_names_follow_the_layer(manifest):
    for model in _models(manifest):
        folder = model["original_file_path"].split("/")[1]
        assert model["schema"] == folder and folder in LAYERS, model["original_file_path"]
        if folder == "staging":
            assert re.fullmatch(r"stg_[a-z0-9_]+__[a-z0-9_]+", model["name"]), model["name"]
        if folder == "intermediate":
            assert model["name"].startswith("int_"), model["name"]


def test_every_model_has_a_description_and_marts_columns_are_documented(manifest):
    for model in _models(manifest):
        assert model["description"].strip(), f"{model['name']} has no description"
        if model["schema"] == "marts":
            assert model["description"].lstrip().startswith("One row per"), model["name"]
            assert model["columns"], f"{model['name']} documents no columns"
            for column in model["columns"].values():
                text = column["description"]
                assert re.search(r"[\u4e00-\u9fff]", text) and re.search(r"[A-Za-z]", text), (
                    f"{model['name']}.{column['name']} is not documented in zh and en"
                )


def test_every_mart_has_a_great_expectations_suite(manifest):
    suites = {s.relation for s in suite_files()}
    for model in _models(manifest):
        if model["schema"] == "marts":
            assert f"marts.{model['name']}" in suites, f"no expectations/marts/{model['name']}.py"


def test_every_raw_dataset_has_a_declaration_a_dbt_source_and_a_suite(manifest):
    sources = {s["name"]: s for s in manifest["sources"].values() if s["source_name"] == "raw"}
    suites = {s.relation for s in suite_files()}
    for name, spec in all_specs().items():
        assert name in sources, f"raw.{name} is declared but no dbt source reads it"
        assert sources[name]["meta"]["dagster"]["asset_key"] == ["raw", name]
        provenance = sources[name]["meta"]["provenance"]
        assert (PROJECT_ROOT / provenance).resolve() == spec.declaration_path.resolve()
        assert f"raw.{name}" in suites, f"no expectations/raw/{name}.py"
    for name, source in sources.items():
        assert (PROJECT_ROOT / source["meta"]["provenance"]).exists(), name


def test_every_suite_file_names_an_existing_relation(manifest):
    relations = {f"{n['schema']}.{n['name']}" for n in manifest["nodes"].values()
                 if n["resource_type"] in ("model", "seed")}  # fmt: skip
    relations |= {f"raw.{s['name']}" for s in manifest["sources"].values()}
    for suite in suite_files():
        assert suite.relation in relations, f"{suite.path} validates nothing known"

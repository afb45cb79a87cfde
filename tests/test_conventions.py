"""House rules, checked on the dbt manifest and the repository (one name per thing).

The dbt tree follows the flow of data, and a model's folder says what it is:

    staging/<provider>/                  stg_<provider>__<dataset>  views   staging
    intermediate/<domain>/               int_*                      views   intermediate
    marts/<domain>/                      fct_* / dim_* core marts   tables  marts
    marts/analytical/intermediate/<d>/   int_* helpers              views   intermediate
    marts/analytical/<domain>/           analytical marts           tables  marts

An analytical mart is recognised by its folder, marts/analytical/: it answers a question
over the core marts and is named for that answer (spend_by_year, spend_reconciliation,
segment_forecasts, regional_maturity_index), never fct_/dim_. Its helpers read core marts,
so they cannot live in intermediate/, which feeds the core marts; they sit in the helper
folder below the analytical marts and keep the published intermediate schema.
"""

import json
import re
from pathlib import PurePosixPath

import pytest

from dagster_project.landing.declarations import all_specs
from dagster_project.quality.suites import suite_files
from dagster_project.settings import DBT_DIR, PROJECT_ROOT

HELPER_FOLDER = ("marts", "analytical", "intermediate")
ANALYTICAL_FOLDER = ("marts", "analytical")

# What each kind of model may ref (seeds are lookups every layer may read).
MAY_REF = {
    "staging": set(),
    "intermediate": {"staging", "intermediate", "seed"},
    "core_mart": {"staging", "intermediate", "core_mart", "seed"},
    "helper": {"core_mart", "helper", "seed"},
    "analytical_mart": {"core_mart", "helper", "seed"},
}
SCHEMA = {
    "staging": "staging",
    "intermediate": "intermediate",
    "core_mart": "marts",
    "helper": "intermediate",
    "analytical_mart": "marts",
}


@pytest.fixture(scope="module")
def manifest() -> dict:
    path = DBT_DIR / "target" / "manifest.json"
    if not path.exists():
        pytest.skip("no dbt manifest: run `make manifest`")
    return json.loads(path.read_text(encoding="utf-8"))


def _models(manifest: dict) -> list[dict]:
    return [n for n in manifest["nodes"].values() if n["resource_type"] == "model"]


def _folder(node: dict) -> tuple[str, ...]:
    """The folders of a model, source or test below models/ (or tests/)."""
    return PurePosixPath(node["original_file_path"]).parent.parts[1:]


def _kind(model: dict) -> str:
    """What a model is, from its folder alone (see the module docstring)."""
    folder = _folder(model)
    if folder[:3] == HELPER_FOLDER and len(folder) == 4:
        return "helper"
    if folder[:2] == ANALYTICAL_FOLDER and len(folder) == 3 and folder[2] != HELPER_FOLDER[2]:
        return "analytical_mart"
    layer, depth = folder[0], len(folder)
    if depth == 2 and layer in ("staging", "intermediate"):
        return layer
    if depth == 2 and layer == "marts" and folder[1] != "analytical":
        return "core_mart"
    raise AssertionError(f"{model['original_file_path']}: not a folder of the layer tree")


def _kinds(manifest: dict) -> dict[str, str]:
    kinds = {m["unique_id"]: _kind(m) for m in _models(manifest)}
    kinds |= {n["unique_id"]: "seed" for n in manifest["nodes"].values()
              if n["resource_type"] == "seed"}  # fmt: skip
    return kinds


def test_a_models_folder_decides_its_schema_and_its_name(manifest):
    for model in _models(manifest):
        kind, name, folder = _kind(model), model["name"], _folder(model)
        assert model["schema"] == SCHEMA[kind], f"{name}: {kind} models belong in {SCHEMA[kind]}"
        if kind == "staging":
            provider = folder[1]
            assert re.fullmatch(rf"stg_{provider}__[a-z0-9_]+", name), (
                f"{name}: a model of staging/{provider}/ is stg_{provider}__<dataset>"
            )
        elif kind in ("intermediate", "helper"):
            assert name.startswith("int_"), name
        elif kind == "core_mart":
            assert name.startswith(("fct_", "dim_")), f"{name}: a core mart is fct_ or dim_"
        else:
            assert not name.startswith(("fct_", "dim_", "int_", "stg_")), (
                f"{name}: an analytical mart is named for its answer, or it is a core mart"
            )


def test_models_ref_only_their_own_layer_or_the_layers_below(manifest):
    kinds = _kinds(manifest)
    for model in _models(manifest):
        kind = kinds[model["unique_id"]]
        for parent in model["depends_on"]["nodes"]:
            if parent.startswith("source."):
                assert kind == "staging", f"{model['name']}: only staging reads sources"
                continue
            hint = ""
            if kind == "intermediate" and kinds[parent] in ("core_mart", "helper"):
                hint = ": a model that reads marts is a helper, in marts/analytical/intermediate/"
            assert kinds[parent] in MAY_REF[kind], (
                f"{model['name']} ({kind}) refs {parent} ({kinds[parent]}); {kind} models read "
                f"only {sorted(MAY_REF[kind])}{hint}"
            )
        if kind == "staging":
            assert len(model["depends_on"]["nodes"]) == 1, f"{model['name']}: one source each"


def test_every_model_below_the_marts_is_read_by_another(manifest):
    kinds = _kinds(manifest)
    for model in _models(manifest):
        if kinds[model["unique_id"]] in ("core_mart", "analytical_mart"):
            continue
        readers = [c for c in manifest["child_map"][model["unique_id"]] if c.startswith("model.")]
        assert readers, f"{model['name']} feeds no model: drop it or make it a mart"


def test_model_and_source_yaml_lives_beside_its_models(manifest):
    for model in _models(manifest):
        sql = PurePosixPath(model["original_file_path"])
        assert model["patch_path"], f"{model['name']} has no YAML"
        yml = PurePosixPath(model["patch_path"].split("://", 1)[1])
        assert yml.parent == sql.parent and yml.name == f"_{sql.parent.name}__models.yml", (
            f"{model['name']} is described in {yml}, not in {sql.parent}/_{sql.parent.name}"
            "__models.yml"
        )
        for doc in model.get("doc_blocks", []):
            doc_path = PurePosixPath(manifest["docs"][doc]["original_file_path"])
            assert doc_path == sql.parent / f"_{sql.parent.name}__docs.md", (
                f"{model['name']} uses {doc} from {doc_path}, not from beside it"
            )
    readers: dict[str, set] = {}
    for model in _models(manifest):
        for parent in model["depends_on"]["nodes"]:
            readers.setdefault(parent, set()).add(PurePosixPath(model["original_file_path"]))
    for source in manifest["sources"].values():
        yml = PurePosixPath(source["original_file_path"])
        provider = yml.parent.name
        assert yml.parent.parent == PurePosixPath("models/staging"), yml
        assert yml.name == f"_{provider}__sources.yml", yml
        assert {sql.parent for sql in readers.get(source["unique_id"], set())} == {yml.parent}, (
            f"raw.{source['name']} is declared in {yml} but read from elsewhere (or not at all)"
        )
        provenance = PurePosixPath(source["meta"]["provenance"])
        assert provenance.parts[:2] == ("sources", provider), (
            f"raw.{source['name']}: staging/{provider}/ declares a table of {provenance}"
        )


def test_only_the_house_yaml_and_docs_files_sit_in_the_model_tree():
    for path in (DBT_DIR / "models").rglob("*"):
        if path.is_dir() or path.suffix == ".sql":
            continue
        folder = path.parent.name
        allowed = {f"_{folder}__models.yml", f"_{folder}__sources.yml", f"_{folder}__docs.md"}
        assert path.name in allowed, f"{path.relative_to(DBT_DIR)}: expected one of {allowed}"


def test_every_staging_folder_is_a_provider_of_sources(manifest):
    staging = {_folder(m)[1] for m in _models(manifest) if _kind(m) == "staging"}
    folders = {p.name for p in (DBT_DIR / "models" / "staging").iterdir()}
    assert staging == folders, f"staging folders without models: {sorted(folders - staging)}"
    for provider in staging:
        assert (PROJECT_ROOT / "sources" / provider).is_dir(), f"no sources/{provider}/"
    for name, spec in all_specs().items():
        provider = spec.declaration_path.parent.name
        assert name.startswith(f"{provider}__"), f"raw.{name} is declared in sources/{provider}/"


def test_singular_tests_sit_in_the_folder_of_a_model_they_test(manifest):
    folders = {m["unique_id"]: _folder(m) for m in _models(manifest)}
    for test in manifest["nodes"].values():
        if test["resource_type"] != "test" or not test["original_file_path"].startswith("tests/"):
            continue
        tested = {folders[n] for n in test["depends_on"]["nodes"] if n in folders}
        assert _folder(test) in tested, (
            f"{test['original_file_path']} tests models of {sorted('/'.join(f) for f in tested)}"
        )


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
            assert f"marts.{model['name']}" in suites, f"no expectations/marts/{model['name']}.yml"


def test_every_raw_dataset_has_a_declaration_a_dbt_source_and_a_suite(manifest):
    sources = {s["name"]: s for s in manifest["sources"].values() if s["source_name"] == "raw"}
    suites = {s.relation for s in suite_files()}
    for name, spec in all_specs().items():
        assert name in sources, f"raw.{name} is declared but no dbt source reads it"
        assert sources[name]["meta"]["dagster"]["asset_key"] == ["raw", name]
        provenance = sources[name]["meta"]["provenance"]
        assert (PROJECT_ROOT / provenance).resolve() == spec.declaration_path.resolve()
        assert f"raw.{name}" in suites, f"no expectations/raw/{name}.yml"
    for name, source in sources.items():
        assert (PROJECT_ROOT / source["meta"]["provenance"]).exists(), name


def test_every_suite_file_names_an_existing_relation(manifest):
    relations = {f"{n['schema']}.{n['name']}" for n in manifest["nodes"].values()
                 if n["resource_type"] in ("model", "seed")}  # fmt: skip
    relations |= {f"raw.{s['name']}" for s in manifest["sources"].values()}
    for suite in suite_files():
        assert suite.relation in relations, f"{suite.path} validates nothing known"


# GX expectation types that are dbt's column rules, and the dbt test that owns each.
DBT_OWNED = {
    "expect_column_values_to_not_be_null": "not_null",
    "expect_column_values_to_be_unique": "unique",
    "expect_column_values_to_be_in_set": "accepted_values",
    "expect_compound_columns_to_be_unique": "unique_combination",
}


def _dbt_rules(manifest: dict) -> set[tuple[str, str, tuple[str, ...]]]:
    """(relation, dbt test, columns) of every generic data test of the project."""
    rules = set()
    for node in manifest["nodes"].values():
        meta = node.get("test_metadata") if node["resource_type"] == "test" else None
        if not meta:
            continue
        attached = manifest["nodes"].get(node.get("attached_node") or "", {})
        relation = f"{attached.get('schema')}.{attached.get('name')}"
        kwargs = meta.get("kwargs") or {}
        columns = kwargs.get("columns") or [node.get("column_name") or kwargs.get("column_name")]
        rules.add((relation, meta["name"], tuple(columns)))
    return rules


def _on_the_relation(suite, expectation: dict) -> bool:
    """True when the expectation runs on the relation itself (not on a derived SQL batch)."""
    batch = (expectation.get("meta") or {}).get("batch", "all")
    return dict(suite.batches)[batch] in (suite.relation, "{{ payload }}")


def test_no_rule_is_both_a_dbt_test_and_a_gx_expectation(manifest):
    """Column rules of built relations live in dbt YAML only; GX keeps what dbt cannot say."""
    dbt_rules = _dbt_rules(manifest)
    built = {f"{m['schema']}.{m['name']}" for m in _models(manifest)}
    for suite in suite_files():
        if suite.validates_payload:
            continue  # raw payloads are validated before dbt sees them
        for expectation in suite.expectations():
            kind = expectation["type"]
            if kind not in DBT_OWNED or not _on_the_relation(suite, expectation):
                continue
            kwargs = expectation["kwargs"]
            columns = tuple(kwargs.get("column_list") or [kwargs.get("column")])
            twin = (suite.relation, DBT_OWNED[kind], columns)
            where = f"{suite.path.name}: {kind} on {columns}"
            assert twin not in dbt_rules, f"{where} repeats a dbt test"
            # A relation dbt builds has its column rules in its dbt YAML.
            assert suite.relation not in built, f"{where} is a column rule: write it as a dbt test"


def test_gx_never_restates_a_singular_dbt_test(manifest):
    """'These rows must not exist' is a singular dbt test (dbt/tests/); a GX batch checked for
    zero rows, or an unexpected-rows query, on a built relation would be its twin."""
    for suite in suite_files():
        if suite.validates_payload:
            continue
        for expectation in suite.expectations():
            kind, kwargs = expectation["type"], expectation["kwargs"]
            zero_rows = kind == "expect_table_row_count_to_equal" and kwargs.get("value") == 0
            assert not zero_rows and kind != "unexpected_rows_expectation", (
                f"{suite.path.name}: {kind} belongs in a singular dbt test"
            )


UNIQUENESS = ("expect_compound_columns_to_be_unique", "expect_column_values_to_be_unique")


def test_payload_suites_restate_nothing_their_declaration_says():
    """options.key, options.plausible and the parser's columns are derived, never copied."""
    for suite in suite_files():
        if not suite.validates_payload:
            continue
        spec = all_specs()[suite.table]
        key = list(spec.options.get("key") or [])
        plausible = set(spec.options.get("plausible") or {})
        for expectation in suite.declared:
            kind, kwargs = expectation["type"], expectation["kwargs"]
            where = f"{suite.path.name}: {kind}"
            assert kind != "expect_table_columns_to_match_set", f"{where}: the parser says it"
            if kind in (
                "expect_compound_columns_to_be_unique",
                "expect_column_values_to_be_unique",
            ):
                assert list(kwargs.get("column_list") or [kwargs["column"]]) != key, where
            if kind == "expect_column_values_to_be_between" and _on_the_relation(
                suite, expectation
            ):
                assert kwargs["column"] not in plausible, f"{where}: options.plausible says it"


def test_every_batch_file_belongs_to_a_suite_and_exists():
    used = set()
    for suite in suite_files():
        for path in suite.files()[1:]:
            assert path.exists(), f"{suite.path.name} names a missing batch {path.name}"
            used.add(path)
    for path in (PROJECT_ROOT / "expectations").glob("*/*.sql"):
        assert path in used, f"{path} is no suite's batch"

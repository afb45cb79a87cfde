"""Node versions: a build selects exactly what lies downstream of what changed."""

import copy

import pytest

from dagster_project.transform import versions


def _node(uid: str, parents: list[str], sql: str = "select 1", macros: list[str] = ()) -> dict:
    kind, _, name = uid.split(".")
    return {
        "unique_id": uid,
        "resource_type": kind,
        "name": name,
        "schema": "marts" if kind == "model" else "raw",
        "alias": name,
        "fqn": ["egov", name],
        "raw_code": sql,
        "checksum": {"name": "sha256", "checksum": str(hash(sql))},
        "config": {"materialized": "table"},
        "depends_on": {"nodes": parents, "macros": list(macros)},
        "created_at": 1.0,
    }


@pytest.fixture
def manifest() -> dict:
    """raw.fx -> stg_fx -> fct_fx -> report <- fct_stats <- stg_stats <- raw.stats, a seed."""
    nodes = {
        "model.egov.stg_fx": _node("model.egov.stg_fx", ["source.egov.raw.fx"]),
        "model.egov.fct_fx": _node("model.egov.fct_fx", ["model.egov.stg_fx"]),
        "model.egov.stg_stats": _node("model.egov.stg_stats", ["source.egov.raw.stats"]),
        "model.egov.fct_stats": _node(
            "model.egov.fct_stats", ["model.egov.stg_stats"], macros=["macro.egov.pad"]
        ),
        "model.egov.report": _node(
            "model.egov.report", ["model.egov.fct_fx", "model.egov.fct_stats"]
        ),
        "seed.egov.groups": _node("seed.egov.groups", []),
        "test.egov.not_null_fct_fx": _node("test.egov.not_null_fct_fx", ["model.egov.fct_fx"]),
    }
    unit = _node("unit_test.egov.report_sums", ["model.egov.report"])
    sources = {
        f"source.egov.raw.{name}": {
            "source_name": "raw",
            "name": name,
            "config": {"meta": {"dagster": {"asset_key": ["raw", name]}}},
        }
        for name in ("fx", "stats")
    }
    macros = {"macro.egov.pad": {"macro_sql": "{% macro pad() %}1{% endmacro %}", "depends_on": {}}}
    return {
        "nodes": nodes,
        "unit_tests": {unit["unique_id"]: unit},
        "sources": sources,
        "macros": macros,
    }


RAW = {"raw/fx": "fx-1", "raw/stats": "stats-1"}


def _plan(manifest: dict, raw: dict, built: dict, **kwargs) -> versions.Plan:
    graph = versions.nodes(manifest)
    return versions.plan(graph, versions.source_keys(manifest), raw, built, **kwargs)


def _built(manifest: dict, raw: dict = RAW) -> dict[str, str]:
    return _plan(manifest, raw, {}).versions


def test_a_new_warehouse_builds_every_node(manifest):
    plan = _plan(manifest, RAW, {})
    assert plan.build == set(versions.nodes(manifest))
    assert plan.full


def test_nothing_changed_builds_nothing(manifest):
    assert _plan(manifest, RAW, _built(manifest)).build == set()


def test_a_changed_source_rebuilds_its_descendants_and_their_tests_only(manifest):
    plan = _plan(manifest, {**RAW, "raw/fx": "fx-2"}, _built(manifest))
    assert plan.build == {
        "model.egov.stg_fx",
        "model.egov.fct_fx",
        "model.egov.report",
        "test.egov.not_null_fct_fx",
    }
    assert not plan.full


def test_unit_tests_follow_code_not_rows(manifest):
    built = _built(manifest)
    assert "unit_test.egov.report_sums" not in _plan(manifest, {**RAW, "raw/fx": "x"}, built).build
    changed = copy.deepcopy(manifest)
    changed["nodes"]["model.egov.report"]["raw_code"] = "select 2"
    assert "unit_test.egov.report_sums" in _plan(changed, RAW, built).build


def test_a_changed_macro_rebuilds_the_models_that_call_it(manifest):
    built = _built(manifest)
    manifest["macros"]["macro.egov.pad"]["macro_sql"] = "{% macro pad() %}2{% endmacro %}"
    # The unit test of `report` too: dbt types its fixtures from the relations it reads.
    assert _plan(manifest, RAW, built).build == {
        "model.egov.fct_stats",
        "model.egov.report",
        "unit_test.egov.report_sums",
    }


def test_a_changed_config_or_description_rebuilds_the_node(manifest):
    built = _built(manifest)
    manifest["nodes"]["seed.egov.groups"]["description"] = "new 说明"
    assert _plan(manifest, RAW, built).build == {"seed.egov.groups"}


def test_parse_times_change_nothing(manifest):
    built = _built(manifest)
    for node in manifest["nodes"].values():
        node["created_at"] = 99.0
    assert _plan(manifest, RAW, built).build == set()


def test_a_missing_relation_is_rebuilt_with_what_reads_it(manifest):
    built = _built(manifest)
    graph = versions.nodes(manifest)
    present = {n.relation for n in graph.values() if n.relation} - {"marts.fct_stats"}
    plan = _plan(manifest, RAW, built, present=present)
    assert plan.build == {"model.egov.fct_stats"}, "its version is unchanged: readers stay"


def test_a_node_left_out_of_the_record_is_rebuilt(manifest):
    built = _built(manifest)
    del built["model.egov.stg_stats"]  # a build that started and never finished
    assert _plan(manifest, RAW, built).build == {"model.egov.stg_stats"}


def test_a_subset_run_builds_its_scope_and_its_children_read_what_is_built(manifest):
    built = _built(manifest)
    raw = {"raw/fx": "fx-2", "raw/stats": "stats-2"}
    scope = {"model.egov.stg_stats", "model.egov.fct_stats", "model.egov.report"}
    plan = _plan(manifest, raw, built, scope=scope)
    assert plan.build == scope
    # Out of scope: fct_fx keeps its built version, and report was built from that.
    assert plan.versions["model.egov.fct_fx"] == built["model.egov.fct_fx"]
    later = _plan(manifest, raw, {**built, **plan.versions})
    assert later.build == {
        "model.egov.stg_fx",
        "model.egov.fct_fx",
        "model.egov.report",
        "test.egov.not_null_fct_fx",
    }


def test_force_rebuilds_everything_in_scope(manifest):
    assert _plan(manifest, RAW, _built(manifest), force=True).build == set(versions.nodes(manifest))


def test_relation_versions_and_selectors(manifest):
    graph = versions.nodes(manifest)
    plan = _plan(manifest, RAW, {})
    relations = plan.relations(graph)
    assert set(relations) == {
        "marts.stg_fx",
        "marts.fct_fx",
        "marts.stg_stats",
        "marts.fct_stats",
        "marts.report",
        "raw.groups",
    }
    assert versions.selectors(graph, {"model.egov.fct_fx"}) == [
        "fqn:egov.fct_fx,resource_type:model"
    ]

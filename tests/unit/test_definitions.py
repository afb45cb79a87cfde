"""The Definitions object: layers as groups, one writer pool, stopped schedules, sensors."""

import dagster as dg
import pytest

from dagster_project.landing.declarations import all_specs
from dagster_project.settings import DUCKDB_POOL


@pytest.fixture(scope="module")
def defs() -> dg.Definitions:
    from dagster_project.definitions import build_definitions

    definitions = build_definitions()
    dg.Definitions.validate_loadable(definitions)
    return definitions


def test_asset_keys_are_schema_and_table_and_groups_are_layers(defs):
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        layer = key.path[0]
        assert len(key.path) == 2, key
        assert graph.get(key).group_name == layer, key
    layers = {key.path[0] for key in graph.get_all_asset_keys()}
    assert {"raw", "staging", "marts", "publish"} <= layers
    assert dg.AssetKey(["marts", "dim_region"]) in graph.get_all_asset_keys()


def test_every_step_that_opens_the_build_file_is_in_the_writer_pool(defs):
    graph = defs.resolve_asset_graph()
    for assets_def in graph.assets_defs:
        if assets_def.is_executable:
            assert assets_def.node_def.pool == DUCKDB_POOL, assets_def.node_def.name
    for checks_def in defs.asset_checks:
        assert checks_def.node_def.pool == DUCKDB_POOL, checks_def.node_def.name


def test_refresh_job_and_schedules_exist_and_are_stopped(defs):
    job = defs.resolve_job_def("refresh_all")
    assert job.executor_def.name == "in_process"
    schedules = list(defs.schedules)
    assert "refresh_all_daily" in {s.name for s in schedules}
    assert all(s.default_status == dg.DefaultScheduleStatus.STOPPED for s in schedules)
    assert {f"refresh_{name}" for name in all_specs()} <= {j.name for j in defs.jobs}
    assert {f"refresh_{name}_schedule" for name in all_specs()} <= {s.name for s in schedules}
    sensors = {s.name for s in defs.sensors}
    assert {f"{n}_inbox" for n, spec in all_specs().items() if "drop" in spec.modes} <= sensors


def test_dbt_tests_and_gx_suites_are_asset_checks(defs):
    names = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert "gx_dim_region" in names
    assert "unique_dim_region_region_code" in names


def test_inbox_sensor_requests_a_drop_mode_run_for_new_files(defs, egov_home):
    sensor = defs.resolve_sensor_def("ecb__eurofxref_inbox")
    empty = sensor(dg.build_sensor_context())
    assert not empty.run_requests
    inbox = egov_home / "inbox" / all_specs()["ecb__eurofxref"].modes["drop"]["inbox"]
    inbox.mkdir(parents=True)
    (inbox / "eurofxref-hist.csv").write_text("Date,USD,CNY,\n", encoding="utf-8")
    result = sensor(dg.build_sensor_context())
    (request,) = result.run_requests
    assert request.run_key.startswith("ecb__eurofxref:")
    assert request.run_config == {"ops": {"raw__ecb__eurofxref": {"config": {"mode": "drop"}}}}


def test_reports_inbox_sensor_adds_a_partition_per_document(defs, egov_home):
    sensor = defs.resolve_sensor_def("reports_inbox")
    assert not sensor(dg.build_sensor_context(instance=dg.DagsterInstance.ephemeral())).run_requests
    inbox = egov_home / "inbox" / "reports"
    inbox.mkdir(parents=True)
    (inbox / "Market Report 2027.md").write_text("# 2027年报告\n", encoding="utf-8")
    (inbox / "notes.bin").write_bytes(b"\x00")
    result = sensor(dg.build_sensor_context(instance=dg.DagsterInstance.ephemeral()))
    (request,) = result.run_requests
    assert request.partition_key == "market-report-2027"
    assert request.run_key.startswith("market-report-2027:")
    (add,) = result.dynamic_partitions_requests
    assert list(add.partition_keys) == ["market-report-2027"]

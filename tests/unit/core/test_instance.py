"""The instance egov writes with: Dagster's SQLite event log, its engines kept per shard."""

from __future__ import annotations

import dagster as dg

from dagster_project.core.instance import PooledSqliteEventLogStorage, get_instance
from dagster_project.settings import Paths


@dg.asset
def counted() -> int:
    return 1


@dg.asset_check(asset=counted)
def positive() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


def test_events_written_through_kept_engines_are_read_by_a_stock_instance(tmp_path):
    home = Paths(tmp_path / "home").ensure()
    instance = get_instance(home)
    storage = instance.event_log_storage
    assert isinstance(storage, PooledSqliteEventLogStorage)
    for _ in range(2):
        result = dg.materialize([counted, positive], instance=instance)
        assert result.success
    # One engine per shard (the index and each run's file), however many events were stored.
    assert set(storage._engines) == {"index", *(r.run_id for r in instance.get_runs())}
    instance.dispose()
    assert storage._engines == {}

    # The same files as the stock storage: another process (the UI) reads every event.
    stock = dg.DagsterInstance.from_config(str(home.dagster_home))
    assert type(stock.event_log_storage).__name__ == "SqliteEventLogStorage"
    assert len(stock.get_runs()) == 2
    latest = stock.get_latest_materialization_event(dg.AssetKey("counted"))
    assert latest is not None and latest.run_id == stock.get_runs()[0].run_id
    check = stock.get_latest_asset_check_evaluation_record(
        dg.AssetCheckKey(dg.AssetKey("counted"), "positive")
    )
    assert check is not None and check.event.asset_check_evaluation.passed

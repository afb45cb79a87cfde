"""The persistent Dagster instance under $EGOV_HOME/dagster, and recovery after a crash."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import dagster as dg
from dagster._core.storage.event_log.sqlite.sqlite_event_log import (
    SQLITE_BUSY_TIMEOUT_SECONDS,
    SqliteEventLogStorage,
)

from dagster_project.settings import Paths

DAGSTER_YAML = """\
# Written by egov: one writer of the build file at a time.
concurrency:
  pools:
    default_limit: 1
    granularity: op
  runs:
    max_concurrent_runs: 4
    tag_concurrency_limits:
      - key: egov/writer
        value: build
        limit: 1
telemetry:
  enabled: false
"""


def ensure_dagster_home(home: Paths) -> None:
    home.dagster_home.mkdir(parents=True, exist_ok=True)
    config = home.dagster_home / "dagster.yaml"
    if not config.exists() or config.read_text(encoding="utf-8") != DAGSTER_YAML:
        config.write_text(DAGSTER_YAML, encoding="utf-8")


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    """Dagster's SQLite event log, keeping one engine per shard for the life of the process.

    The stock storage creates and disposes a SQLAlchemy engine around every statement: about
    0.5 ms each, and a refresh makes some 8,000 of them (every planned, materialization and
    check event is written to the run's shard and mirrored into the index shard), about 4 s
    of CPU per refresh. The files, schema, transactions and the storage's own lock are the
    stock ones; only the engines (and their open SQLite connections) are kept.
    """

    _engines: dict[str, Any]

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Any]:
        from sqlalchemy import create_engine

        with self._db_lock:
            engine = self._engines.get(shard)
            if engine is None:
                engine = create_engine(
                    self.conn_string_for_shard(shard),
                    # Any thread may write under _db_lock (the stock storage's rule).
                    connect_args={
                        "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
                        "check_same_thread": False,
                    },
                )
                if shard not in self._initialized_dbs:
                    self._initdb(engine)
                    self._initialized_dbs.add(shard)
                self._engines[shard] = engine
            with engine.connect() as conn, conn.begin():
                yield conn

    def dispose(self) -> None:
        super().dispose()
        with self._db_lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines.clear()


def _keep_engines(instance: dg.DagsterInstance) -> None:
    """Swap the stock SQLite event log for the pooled one (same state, same files)."""
    storage = instance.event_log_storage
    if type(storage) is SqliteEventLogStorage:
        storage.__class__ = PooledSqliteEventLogStorage
        storage._engines = {}


def latest_data_version(instance: dg.DagsterInstance, key: dg.AssetKey) -> str | None:
    """The data version of the asset's latest materialization (None if it has none)."""
    event = instance.get_latest_materialization_event(key)
    materialization = event.asset_materialization if event else None
    tags = materialization.tags if materialization else None
    return (tags or {}).get("dagster/data_version")


def get_instance(home: Paths) -> dg.DagsterInstance:
    ensure_dagster_home(home)
    instance = dg.DagsterInstance.from_config(str(home.dagster_home))
    _keep_engines(instance)
    return instance


def recover_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Runs of `egov` left 'started' by a killed process: fail them and free their pool slots.

    Only runs tagged with the pid of an `egov` process that no longer exists are touched;
    runs launched from the UI are watched by the Dagster daemon instead.
    """
    unfinished = instance.get_runs(
        filters=dg.RunsFilter(
            # NOT_STARTED too: egov creates its run, then executes it (core.runs).
            statuses=[
                dg.DagsterRunStatus.NOT_STARTED,
                dg.DagsterRunStatus.STARTING,
                dg.DagsterRunStatus.STARTED,
            ],
            tags={"egov/writer": "build"},
        )
    )
    recovered = []
    for run in unfinished:
        pid = run.tags.get("egov/pid")
        if pid is None or _alive(int(pid)):
            continue
        instance.report_run_failed(run, message="process died during the run (recovered by egov)")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        recovered.append(run.run_id)
    return recovered


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

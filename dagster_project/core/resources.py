"""Dagster resources: the build database (and the refresh lock that guards it)."""

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import dagster as dg
from pydantic import PrivateAttr

from dagster_project.core import duckdb_io
from dagster_project.core.lock import refresh_lock
from dagster_project.settings import Paths

# A run started from the UI or a schedule while `egov refresh` runs waits this long.
RUN_LOCK_WAIT_S = 3600.0


class BuildDatabase(dg.ConfigurableResource):
    """The pipeline's private DuckDB file under $EGOV_HOME/build; readers never open it.

    Holding the resource holds the refresh lock for the run, so runs launched from the UI,
    a schedule or the CLI never write the build file at the same time.
    """

    home: str
    _lock: AbstractContextManager | None = PrivateAttr(default=None)

    @property
    def paths(self) -> Paths:
        return Paths(Path(self.home))

    @property
    def path(self) -> Path:
        return self.paths.build_db

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self.paths.ensure()
        self._lock = refresh_lock(
            self.paths.lock_file,
            wait_s=RUN_LOCK_WAIT_S,
            on_wait=lambda who: context.log.info(f"waiting for the refresh lock held by {who}"),
        )
        self._lock.__enter__()

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator:
        with duckdb_io.connect(self.path, read_only=read_only) as con:
            yield con

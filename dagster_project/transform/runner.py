"""dbt in the step's own process, through dbt's programmatic runner (`dbtRunner`).

A `dbt build` subprocess per refresh pays Python start-up, dbt's imports (seconds: dbt
generates its serialisers at import), dagster-dbt's `dbt --version` probe and a re-parse of
the project before the first model runs: dbt's partial parse is rejected whenever the
profile renders differently, and the build path in the profile differs for every
warehouse home. In process, the project as parsed by `dbt parse` (`dbt/target/
partial_parse.msgpack`, kept current by `make manifest` and by `egov` before each run) is
handed to dbt as it is, so a build starts at its first node.

Only the events the pipeline uses are converted from dbt's protobuf messages (node results
and errors): converting every debug event costs more than some of the models.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dagster_project.settings import DBT_DIR
from dagster_project.transform.manifest import manifest_is_stale

PARSED_PROJECT = DBT_DIR / "target" / "partial_parse.msgpack"
# The events dagster-dbt turns into materializations and check results.
RESULT_EVENTS = frozenset({"LogSeedResult", "LogModelResult", "LogSnapshotResult", "LogTestResult"})
_DONE = object()


def _parsed_project() -> Any | None:
    """The manifest dbt parsed last, if it is still the project on disk (else dbt parses)."""
    from dbt.contracts.graph.manifest import Manifest

    if manifest_is_stale() or not PARSED_PROJECT.exists():
        return None
    manifest = Manifest.from_msgpack(PARSED_PROJECT.read_bytes())
    # A checkout moved since the parse: seeds are read through the project's root path.
    roots = {getattr(node, "root_path", None) for node in manifest.nodes.values()}
    if roots - {None, str(DBT_DIR)}:
        return None
    return manifest


def _close_adapter_connection() -> None:
    """Let go of the build file: the next step (GX, publish) opens it with other settings.

    The profile keeps the DuckDB handle open for the whole invocation (closing and
    reopening the file around every node costs a checkpoint each), so it is released here.
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    environment = DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()
    DuckDBConnectionManager.close_all_connections()


@dataclass
class DbtInvocation:
    """One dbt command running in a worker thread; `events()` streams its result events."""

    args: list[str]
    target_path: Path
    errors: list[str] = field(default_factory=list)
    success: bool | None = None
    exception: BaseException | None = None
    _queue: queue.Queue = field(default_factory=queue.Queue, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)

    def _callback(self, message: Any) -> None:
        info = message.info
        if info.name not in RESULT_EVENTS and info.level != "error":
            return
        from dbt_common.events.functions import msg_to_dict

        event = msg_to_dict(message)
        if info.level == "error":
            self.errors.append(info.msg)
        self._queue.put(event)

    def _run(self) -> None:
        from dbt.cli.main import dbtRunner

        try:
            result = dbtRunner(manifest=_parsed_project(), callbacks=[self._callback]).invoke(
                self.args
            )
            self.success = bool(result.success)
            self.exception = result.exception
        except BaseException as exc:  # reported by the caller, in the step's thread
            self.success = False
            self.exception = exc
        finally:
            try:
                _close_adapter_connection()
            finally:
                self._queue.put(_DONE)

    def start(self) -> DbtInvocation:
        # A daemon thread: a refresh that is interrupted must not wait for dbt at exit.
        self._thread = threading.Thread(target=self._run, name="dbt", daemon=True)
        self._thread.start()
        return self

    def events(self) -> Iterator[dict[str, Any]]:
        """Result and error events as dbt's JSON log lines would carry them, as they come."""
        while True:
            event = self._queue.get()
            if event is _DONE:
                break
            yield event
        if self._thread is not None:
            self._thread.join()

    def error(self) -> str | None:
        """Why the command failed (None if it succeeded); call after `events()` is drained."""
        if self.success:
            return None
        lines = [f"dbt {' '.join(self.args[:1])} failed"]
        if self.exception is not None:
            lines.append(f"{type(self.exception).__name__}: {self.exception}")
        lines += self.errors
        log = self.target_path / "dbt.log"
        if log.exists():
            lines.append(f"dbt log: {log}")
        return "\n".join(lines)


def invoke(
    command: str, options: Sequence[str] = (), *, target_path: Path, threads: int | None = None
) -> DbtInvocation:
    """Start `dbt <command> <options>` on the project in this process."""
    args = [
        command,
        *options,
        "--project-dir",
        str(DBT_DIR),
        "--profiles-dir",
        str(DBT_DIR),
        "--target-path",
        str(target_path),
        "--log-path",
        str(target_path),
        # The console and the debug file cost as much as small models; the step logs
        # results itself and dbt.log keeps warnings and errors.
        "--quiet",
        "--log-level-file",
        "warn",
        *(["--threads", str(threads)] if threads else []),
    ]
    target_path.mkdir(parents=True, exist_ok=True)
    return DbtInvocation(args=args, target_path=target_path).start()

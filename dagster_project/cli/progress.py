"""What `egov refresh` shows while it runs: one line per stage and layer.

Stages: report documents loaded, sources landed, dbt nodes per layer (seeds, staging,
intermediate, marts, tests), checks evaluated, publish. On a terminal they are live progress
bars drawn by rich (a library made for redrawing lines in place, which plain prints cannot
do without garbling the terminal); anywhere else (cron, CI, a pipe) one plain line per
stage as it finishes, and one per failed step as it fails.

The job's own output goes to the log file at the file-descriptor level (cli.capture), so
this display writes to a duplicate of the terminal's stderr taken before that redirect.
Inputs: Dagster events of the runs (core.runs passes a listener) and, for the dbt step whose
Dagster events arrive only when dbt exits, the nodes dbt reports (core.progress).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TextIO

import dagster as dg
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dagster_project.core.progress import NodeDone

DBT_GROUPS = ("seeds", "staging", "intermediate", "marts", "tests")


@dataclass
class Stage:
    label: str
    total: int
    done: int = 0
    failed: int = 0
    note: str = ""
    finished: bool = False
    task: Any = None


@dataclass(frozen=True)
class Plan:
    """What a refresh will do, counted from the definitions before it starts."""

    documents: int
    source_keys: frozenset[dg.AssetKey]
    source_steps: frozenset[str]
    dbt_step: str
    dbt_totals: dict[str, int]
    checks: int
    publish_key: dg.AssetKey
    publish_step: str


class RefreshProgress:
    """Feed it events (`on_event`) and dbt nodes (`on_node`); use it as a context manager."""

    def __init__(self, plan: Plan, stream: TextIO | None = None) -> None:
        self.plan = plan
        self._stream = stream or os.fdopen(os.dup(2), "w", encoding="utf-8", buffering=1)
        self._console = Console(file=self._stream, highlight=False)
        self.live = self._console.is_terminal and not self._console.is_dumb_terminal
        self._started = time.monotonic()
        self.stages: dict[str, Stage] = {}
        if plan.documents:
            self.stages["documents"] = Stage("report documents", plan.documents)
        self.stages["sources"] = Stage("sources landed", len(plan.source_keys))
        for group in DBT_GROUPS:
            if plan.dbt_totals.get(group):
                self.stages[f"dbt:{group}"] = Stage(f"dbt {group}", plan.dbt_totals[group])
        self.stages["checks"] = Stage("checks", plan.checks)
        self.stages["publish"] = Stage("publish", 1)
        self._progress = Progress(
            TextColumn("  {task.description:<18}"),
            BarColumn(bar_width=24),
            MofNCompleteColumn(),
            TextColumn("{task.fields[note]}"),
            TimeElapsedColumn(),
            console=self._console,
            transient=False,
            redirect_stdout=False,
            redirect_stderr=False,
            disable=not self.live,
        )

    def __enter__(self) -> RefreshProgress:
        if self.live:
            for stage in self.stages.values():
                stage.task = self._progress.add_task(stage.label, total=stage.total, note="")
            self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.live:
            self._progress.stop()
        self._stream.close()

    # --- inputs ---------------------------------------------------------------------------

    def document_loaded(self, document_id: str, ok: bool) -> None:
        self._advance("documents", ok, item=document_id)

    def on_node(self, node: NodeDone) -> None:
        if node.stage == "dbt" and f"dbt:{node.group}" in self.stages:
            self._advance(f"dbt:{node.group}", node.ok, item=node.item)

    def on_event(self, entry: Any) -> None:
        """A stored event log entry of the refresh run (called in the executing thread)."""
        event = entry.dagster_event
        if event is None:
            return
        kind = event.event_type
        if kind == dg.DagsterEventType.ASSET_MATERIALIZATION:
            if event.asset_key in self.plan.source_keys:
                self._advance("sources", True)
            elif event.asset_key == self.plan.publish_key:
                self._advance("publish", True)
        elif kind == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            evaluation = event.event_specific_data
            self._advance("checks", evaluation.passed, item=evaluation.check_name)
        elif kind == dg.DagsterEventType.STEP_FAILURE:
            self._step_failed(event.step_key)
        elif kind == dg.DagsterEventType.STEP_SUCCESS and event.step_key == self.plan.dbt_step:
            for group in DBT_GROUPS:
                stage = self.stages.get(f"dbt:{group}")
                self._finish(f"dbt:{group}", "unchanged" if stage and not stage.done else "")
        elif kind in (dg.DagsterEventType.RUN_SUCCESS, dg.DagsterEventType.RUN_FAILURE):
            succeeded = kind == dg.DagsterEventType.RUN_SUCCESS
            self._finish("sources", "not all ran")
            self._finish("checks", "the others did not run")
            self._finish("publish", "unchanged" if succeeded else "nothing published")

    # --- drawing --------------------------------------------------------------------------

    def _step_failed(self, step_key: str) -> None:
        if step_key in self.plan.source_steps:
            self._advance("sources", False, item=step_key)
        elif step_key == self.plan.dbt_step:
            for group in DBT_GROUPS:
                self._finish(f"dbt:{group}", "the dbt build failed")
        elif step_key == self.plan.publish_step and "publish" in self.stages:
            self.stages["publish"].failed += 1
            self._finish("publish", "")
        self._say(f"step {step_key} failed (details in the summary below)")

    def _advance(self, key: str, ok: bool, item: str = "") -> None:
        stage = self.stages.get(key)
        if stage is None or stage.finished:
            return
        stage.done += 1
        stage.failed += 0 if ok else 1
        note = f"{stage.failed} failed" if stage.failed else ""
        if self.live:
            self._progress.update(stage.task, completed=stage.done, note=note)
        if stage.done >= stage.total:
            self._finish(key, "")

    def _finish(self, key: str, incomplete: str) -> None:
        """Mark a stage finished; `incomplete` says why when it did fewer than its total."""
        stage = self.stages.get(key)
        if stage is None or stage.finished:
            return
        stage.finished = True
        notes = [f"{stage.failed} failed"] if stage.failed else []
        if stage.done < stage.total and incomplete:
            notes.append(incomplete)
        stage.note = ", ".join(notes)
        if self.live:
            self._progress.update(stage.task, note=stage.note)
        else:
            suffix = f" ({stage.note})" if stage.note else ""
            elapsed = time.monotonic() - self._started
            self._say(f"{stage.label} {stage.done}/{stage.total}{suffix} [{elapsed:.0f}s]")

    def _say(self, line: str) -> None:
        if self.live:
            self._progress.console.print(f"  {line}", markup=False)
        else:
            print(f"egov: {line}", file=self._stream, flush=True)

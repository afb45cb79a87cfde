"""Running it every day: records that break, a build file that is lost, the UI's view of the
runs, and the commands an analyst types. Each scenario works on its own copy of the home."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from dagster_project.landing.declarations import all_specs
from dagster_project.settings import PROJECT_ROOT
from tests.support import EGOV, Refreshed, egov

LOCATION = "dagster_project.definitions"
REPOSITORY = "__repository__"
RUN_ID = re.compile(r"egov refresh \w+ in [\d.]+s \(run ([0-9a-f-]{36})\)")


def _copy(template: Refreshed, tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    home = tmp_path_factory.mktemp(name) / "home"
    shutil.copytree(template.home, home, symlinks=True)
    return home


def _run_id(stdout: str) -> str:
    found = RUN_ID.search(stdout)
    assert found, stdout
    return found.group(1)


def _truncate(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 3], encoding="utf-8")


def _on_a_terminal(home: Path, *args: str) -> tuple[int, str, str]:
    """Run egov with stderr on a pseudo-terminal (the progress display) and stdout piped."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*EGOV, *args], env={**os.environ, "EGOV_HOME": str(home), "COLUMNS": "120"},
        stdout=subprocess.PIPE, stderr=slave, text=True,
    )  # fmt: skip
    os.close(slave)
    seen = bytearray()
    while True:
        ready, _, _ = select.select([master], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            seen.extend(chunk)
        elif proc.poll() is not None:
            break
    stdout = proc.stdout.read()
    os.close(master)
    return proc.wait(timeout=60), stdout, seen.decode("utf-8", errors="replace")


# --- unreadable records, and the progress display on a terminal ---------------------------


@dataclass(frozen=True)
class Recovered:
    home: Path
    code: int
    stdout: str
    terminal: str
    truncated: list[Path]
    first_run: str
    second_run: str


@pytest.fixture(scope="module")
def recovered(refreshed_template: Refreshed, tmp_path_factory) -> Recovered:
    home = _copy(refreshed_template, tmp_path_factory, "recovered")
    state = home / "state"
    gdp = json.loads((state / "landing" / "nbs__gdp.json").read_text(encoding="utf-8"))
    # (state/build.json is only read after the dbt step rewrote it: truncating it costs
    # nothing, so it is not among the records a refresh must name.)
    truncated = [
        state / "landing" / "fred__dexchus.json",
        state / "landing" / "modood__cities.json",
        state / "shortcut.json",
        home / "landing" / "nbs__gdp" / gdp["current"]["sha256"] / "meta.json",
    ]
    for path in truncated:
        path.chmod(0o644)
        _truncate(path)
    code, stdout, terminal = _on_a_terminal(home, "refresh")
    return Recovered(
        home, code, stdout, terminal, truncated,
        _run_id(refreshed_template.stdout), _run_id(stdout),
    )  # fmt: skip


def test_truncated_records_are_named_and_rebuilt(recovered):
    assert recovered.code == 0, recovered.stdout + recovered.terminal
    for path in recovered.truncated:
        relative = str(path.relative_to(recovered.home))
        assert f"{relative} was unreadable" in recovered.terminal, relative
        assert list(path.parent.glob(f"{path.name}.corrupt-*")), relative
    fred = json.loads((recovered.truncated[0]).read_text(encoding="utf-8"))
    assert fred["current"]["sha256"]  # the payload was parsed again and marked
    meta = json.loads(recovered.truncated[-1].read_text(encoding="utf-8"))
    assert meta["rebuilt_from"] == "files" and meta["files"]
    status = egov(recovered.home, "status")
    assert status.returncode == 0 and "unreadable" not in status.stdout


def test_refresh_draws_its_progress_on_a_terminal(recovered):
    screen = recovered.terminal
    assert "\x1b[" in screen  # redrawn in place, not printed line by line
    declared = len(all_specs())
    assert re.search(rf"sources landed\s.*{declared}/{declared}", screen)
    assert "checks" in screen and "publish" in screen
    assert "egov: sources landed" not in screen  # the plain lines are for pipes and logs


# --- the Dagster UI sees the runs egov started -------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _graphql(port: int, query: str, variables: dict | None = None) -> dict:
    response = requests.post(
        f"http://127.0.0.1:{port}/graphql",
        json={"query": query, "variables": variables or {}},
        timeout=60,
    )
    response.raise_for_status()
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


LOCATIONS = "{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus "
LOCATIONS += "locationOrLoadError { __typename } } } } }"
JOB_RUNS = """
query ($selector: PipelineSelector!, $filter: RunsFilter!) {
  pipelineOrError(params: $selector) {
    __typename
    ... on Pipeline { runs(limit: 50) { runId } }
  }
  runsOrError(filter: $filter) {
    ... on Runs {
      results { runId repositoryOrigin { repositoryName repositoryLocationName } }
    }
  }
}
"""
COLUMNS = """
{ assetOrError(assetKey: {path: ["marts", "dim_region"]}) {
    ... on Asset { assetMaterializations(limit: 1) { runId metadataEntries {
      label ... on TableSchemaMetadataEntry { schema { columns { name type } } } } } } } }
"""


@dataclass(frozen=True)
class Seen:
    """What the UI answered while it ran, and everything `egov dev` printed."""

    job_runs: dict
    columns: dict
    said: str


@pytest.fixture(scope="module")
def ui(recovered: Recovered, tmp_path_factory) -> Seen:
    """`egov dev` on the recovered home: asked once its code location has loaded, then stopped
    (its daemon and webserver would otherwise compete with the rest of the module)."""
    port = _free_port()
    logs = tmp_path_factory.mktemp("dev")
    out, err = (logs / "stdout").open("w"), (logs / "stderr").open("w")
    proc = subprocess.Popen(
        [*EGOV, "dev", "--port", str(port)], env={**os.environ, "EGOV_HOME": str(recovered.home)},
        stdout=out, stderr=err, start_new_session=True, cwd=PROJECT_ROOT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 600
        while True:
            assert proc.poll() is None, (logs / "stderr").read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "the UI did not load its code location"
            try:
                entries = _graphql(port, LOCATIONS)["workspaceOrError"]["locationEntries"]
            except requests.RequestException:
                entries = []
            loaded = [e for e in entries if e["loadStatus"] == "LOADED"]
            if loaded:
                assert loaded[0]["locationOrLoadError"]["__typename"] == "RepositoryLocation"
                break
            time.sleep(2)
        job_runs = _graphql(
            port,
            JOB_RUNS,
            {
                "selector": {
                    "pipelineName": "refresh_all",
                    "repositoryName": REPOSITORY,
                    "repositoryLocationName": LOCATION,
                },
                "filter": {
                    "pipelineName": "refresh_all",
                    "tags": [{"key": ".dagster/repository", "value": f"{REPOSITORY}@{LOCATION}"}],
                },
            },
        )
        columns = _graphql(port, COLUMNS)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # dagster dev ignores SIGTERM for a long time
        proc.wait(timeout=60)
        out.close()
        err.close()
    said = (logs / "stdout").read_text(encoding="utf-8") + (logs / "stderr").read_text(
        encoding="utf-8"
    )
    return Seen(job_runs, columns, said)


def test_job_page_lists_both_refreshes_started_by_egov(recovered, ui):
    job_page = {run["runId"] for run in ui.job_runs["pipelineOrError"]["runs"]}
    assert {recovered.first_run, recovered.second_run} <= job_page
    results = ui.job_runs["runsOrError"]["results"]
    origins = {run["runId"]: run["repositoryOrigin"] for run in results}
    for run_id in (recovered.first_run, recovered.second_run):
        assert origins[run_id] == {
            "repositoryName": REPOSITORY,
            "repositoryLocationName": LOCATION,
        }


def test_asset_pages_show_column_types(ui):
    (materialization,) = ui.columns["assetOrError"]["assetMaterializations"]
    schemas = [e for e in materialization["metadataEntries"] if "schema" in e]
    columns = {c["name"]: c["type"] for c in schemas[0]["schema"]["columns"]}
    assert columns["region_code"] == "VARCHAR"
    assert all(kind and kind != "?" for kind in columns.values())


def test_egov_dev_prints_no_deprecation_notice(ui):
    assert "Launching Dagster services" in ui.said
    notice = re.search(r"(Deprecation|Supersession|Beta|Preview)Warning|superseded", ui.said)
    assert not notice, ui.said[max(0, notice.start() - 600) : notice.end() + 600]


# --- make docs while a refresh holds the build file ---------------------------------------

HOLD_BUILD = """
import sys, time, duckdb
from pathlib import Path
from dagster_project.core.lock import refresh_lock
home = Path(sys.argv[1])
with refresh_lock(home / "refresh.lock"):
    con = duckdb.connect(str(home / "build" / "warehouse.duckdb"))
    print("holding", flush=True)
    time.sleep(600)
"""


def test_make_docs_reads_a_snapshot_while_the_build_file_is_held(
    refreshed_template, tmp_path_factory
):
    home = _copy(refreshed_template, tmp_path_factory, "docs")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_BUILD, str(home)], stdout=subprocess.PIPE, text=True,
        cwd=PROJECT_ROOT,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "holding"
        docs = subprocess.run(
            ["make", "-s", "docs"], env={**os.environ, "EGOV_HOME": str(home)},
            capture_output=True, text=True, timeout=600, check=False, cwd=PROJECT_ROOT,
        )  # fmt: skip
        assert holder.poll() is None, "the build file was not held during the docs build"
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert docs.returncode == 0, docs.stdout + docs.stderr
    catalog = json.loads((home / "docs" / "dbt" / "catalog.json").read_text(encoding="utf-8"))
    region = catalog["nodes"]["model.egov.dim_region"]
    assert region["metadata"]["schema"] == "marts"
    assert region["columns"]["region_code"]["type"] == "VARCHAR"
    assert (home / "docs" / "dbt" / "index.html").exists()


# --- the analyst's commands on the real published file ------------------------------------


def test_status_fits_one_screen_without_importing_dagster(refreshed_template):
    home = refreshed_template.home
    status = subprocess.run(
        [sys.executable, "-X", "importtime", *EGOV[1:], "status"],
        env={**os.environ, "EGOV_HOME": str(home)}, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert status.returncode == 0, status.stderr[-2000:]
    lines = status.stdout.splitlines()
    assert len(lines) <= 40, status.stdout
    assert any(line.startswith("last run") and "SUCCESS" in line for line in lines)
    assert any(line.startswith("checks") and " 0 failed" in line for line in lines)
    for name in ("fred__dexchus", "modood__cities", "un_egdi__egdi"):
        assert any(line.strip().startswith(name) for line in lines), name
    imported = {line.split("|")[-1].strip() for line in status.stderr.splitlines()}
    assert not {m for m in imported if m == "dagster" or m.startswith("dagster.")}
    assert "dagster_project.definitions" not in imported


def test_sql_refuses_files_and_writes_and_empty_text(refreshed_template, tmp_path):
    home = refreshed_template.home
    target = tmp_path / "x.csv"
    copied = egov(home, "sql", f"copy marts.dim_region to '{target}'")
    assert copied.returncode == 1 and not target.exists()
    build = home / "build" / "warehouse.duckdb"
    attached = egov(home, "sql", f"attach '{build}' (read_only false)")
    assert attached.returncode == 1 and "refused" in attached.stderr
    empty = egov(home, "sql", "")
    assert empty.returncode == 2 and len(empty.stderr.strip().splitlines()) == 1
    spend = egov(home, "sql", "select max(value) as v from marts.fct_report_facts")
    assert spend.returncode == 0 and "e+" not in spend.stdout


def test_egov_alone_prints_help_and_version_is_known():
    alone = subprocess.run(EGOV, capture_output=True, text=True, timeout=60, check=False)
    assert alone.returncode == 0 and "refresh" in alone.stdout and "status" in alone.stdout
    version = subprocess.run(
        [*EGOV, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert re.fullmatch(r"egov \d+\.\d+\.\d+\n", version.stdout)

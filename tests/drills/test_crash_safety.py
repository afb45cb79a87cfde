"""Write-audit-publish under stress: readers during a refresh, bad input, and kill -9."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from dagster_project.core.files import sha256_file
from tests.support import Refreshed

EGOV = [sys.executable, "-m", "dagster_project.cli.main"]
SNAPSHOTS = Path(__file__).resolve().parents[2] / "sources" / "snapshots"
READER = """
import os, sys, time, duckdb
path, stop = sys.argv[1], sys.argv[2]
queries = errors = 0
inodes = set()
while not os.path.exists(stop):
    try:
        con = duckdb.connect(path, read_only=True)
        con.execute("select count(*) from marts.dim_region").fetchall()
        con.close()
        inodes.add(os.stat(path).st_ino)
        queries += 1
    except Exception as exc:
        errors += 1
        print("reader error:", exc, file=sys.stderr)
    time.sleep(0.02)
print(queries, errors, len(inodes))
"""


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "EGOV_HOME": str(home), **extra}


def _egov(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*EGOV, *args], env=_env(home, **extra), capture_output=True, text=True,
        timeout=900, check=False,
    )  # fmt: skip


def _one_more_business_day(home: Path) -> None:
    """A FRED file with one more business day in the inbox: real work for the next refresh
    (a few models rebuilt, a new file published) at a fraction of a forced full rebuild."""
    inbox = home / "inbox" / "fred" / "dexchus"
    inbox.mkdir(parents=True, exist_ok=True)
    target = inbox / "DEXCHUS.csv"
    current = target if target.exists() else SNAPSHOTS / "fred" / "DEXCHUS.csv"
    lines = current.read_text(encoding="utf-8").splitlines()
    last, rate = lines[-1].split(",")
    day = date.fromisoformat(last) + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    target.write_text("\n".join([*lines, f"{day.isoformat()},{rate}"]) + "\n", encoding="utf-8")


def _new_temporary(home: Path, earlier: set[Path]) -> bool:
    """A publish has begun writing: a temporary beside the published file that is not one
    of `earlier` (a refresh killed in an earlier test leaves its own until the next run)."""
    return any(p not in earlier for p in home.glob(".egov.duckdb.tmp-*"))


def _settle(home: Path) -> None:
    """Publish whatever an earlier test left waiting (a killed refresh leaves its new day)."""
    settled = _egov(home, "refresh")
    assert settled.returncode == 0, settled.stdout + settled.stderr


def _count(home: Path, sql: str) -> int:
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def home(refreshed_copy: Refreshed) -> Path:
    return refreshed_copy.home


def _drop(home: Path, inbox: str, name: str, text: str) -> Path:
    folder = home / "inbox" / inbox
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_readers_see_no_error_while_a_refresh_replaces_the_file(home, tmp_path):
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(home / "egov.duckdb"), str(stop)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(0.5)
    _one_more_business_day(home)
    refresh = _egov(home, "refresh")
    time.sleep(0.5)
    stop.touch()
    out, err = reader.communicate(timeout=30)
    assert refresh.returncode == 0, refresh.stdout + refresh.stderr
    queries, errors, inodes = map(int, out.split())
    assert errors == 0, err
    assert queries > 50
    assert inodes >= 2, "the published file was not replaced"


def test_failing_blocking_expectation_rejects_only_its_payload(home):
    _settle(home)
    before = sha256_file(home / "egov.duckdb")
    lines = (SNAPSHOTS / "modood" / "provinces.csv").read_text(encoding="utf-8").splitlines()
    bad = _drop(home, "modood/provinces", "provinces.csv", "\n".join(lines[:-1]) + "\n")
    result = _egov(home, "refresh")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "raw.modood__provinces: payload rejected" in output
    assert "table row count to equal" in output and "file provinces.csv" in output
    # Nothing else changed: nothing to republish, the published file is byte-identical.
    assert sha256_file(home / "egov.duckdb") == before
    landed = list((home / "landing" / "modood__provinces").glob("*/provinces.csv"))
    assert any(p.read_text(encoding="utf-8") == bad.read_text(encoding="utf-8") for p in landed)
    strict = _egov(home, "refresh", "--strict")
    assert strict.returncode == 1
    assert "raw.modood__provinces: payload rejected" in strict.stderr
    bad.unlink()
    fixed = _egov(home, "refresh", "--strict")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr


def test_unparseable_input_names_dataset_file_row_and_column(home):
    _settle(home)
    before = sha256_file(home / "egov.duckdb")
    text = (SNAPSHOTS / "modood" / "cities.csv").read_text(encoding="utf-8").splitlines()
    text[4] = text[4].replace(text[4].split(",")[0], "13x4", 1)
    bad = _drop(home, "modood/cities", "cities.csv", "\n".join(text) + "\n")
    result = _egov(home, "refresh", "--strict")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    for part in ("modood__cities", "file cities.csv", "row 5", "column code"):
        assert part in output, output
    assert sha256_file(home / "egov.duckdb") == before
    bad.unlink()


def _killed_refresh(home: Path, ready, **extra: str) -> None:
    _one_more_business_day(home)
    proc = subprocess.Popen(
        [*EGOV, "refresh"], env=_env(home, **extra),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 300
    while not ready() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the refresh ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def _dbt_started(home: Path, earlier: set[Path]) -> bool:
    """The dbt step has started in a refresh log that is not one of `earlier`."""
    logs = [p for p in (home / "logs").glob("refresh-*.log") if p not in earlier]
    return any(
        'Started execution of step "dbt_models"' in p.read_text(encoding="utf-8", errors="replace")
        for p in logs
    )


@pytest.mark.parametrize("moment", ["build", "publish"])
def test_kill_9_leaves_the_published_file_valid_and_the_next_refresh_succeeds(home, moment):
    before = sha256_file(home / "egov.duckdb")
    if moment == "publish":
        earlier = set(home.glob(".egov.duckdb.tmp-*"))
        _killed_refresh(home, lambda: _new_temporary(home, earlier), EGOV_DRILL_PAUSE="publish:120")
    else:
        earlier = set((home / "logs").glob("refresh-*.log"))
        _killed_refresh(home, lambda: _dbt_started(home, earlier))
    assert sha256_file(home / "egov.duckdb") == before
    assert (
        _count(home, "select count(*) from marts.dim_region where region_level = 'province'") == 31
    )
    after = _egov(home, "refresh")
    assert after.returncode == 0, after.stdout + after.stderr
    assert not list(home.glob(".egov.duckdb.tmp-*"))
    assert (
        _count(home, "select count(*) from marts.dim_region where region_level = 'province'") == 31
    )


def test_second_refresh_exits_busy_or_waits_for_the_first(home):
    _one_more_business_day(home)
    earlier = set(home.glob(".egov.duckdb.tmp-*"))
    first = subprocess.Popen(
        [*EGOV, "refresh"], env=_env(home, EGOV_DRILL_PAUSE="publish:6"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 300
    while not _new_temporary(home, earlier) and time.monotonic() < deadline:
        time.sleep(0.05)
    busy = _egov(home, "refresh", "--no-wait")
    assert busy.returncode == 75
    assert "another refresh is running" in busy.stderr
    waiting = _egov(home, "refresh")
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, out + err
    assert waiting.returncode == 0, waiting.stdout + waiting.stderr
    assert "waiting for it to finish" in waiting.stderr


def _last_publish(home: Path) -> str:
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        return con.execute(
            "select run_id from audit.publish_log order by published_at desc limit 1"
        ).fetchone()[0]
    finally:
        con.close()


def test_kill_9_after_the_rename_leaves_provenance_that_names_the_published_file(home):
    """Killed between the rename and published.json: the record on disk describes the new
    file (its sha256 and run), in `egov status` at once and in published.json after the
    next refresh."""
    published = home / "egov.duckdb"
    before = published.stat().st_ino
    _killed_refresh(
        home, lambda: published.stat().st_ino != before, EGOV_DRILL_PAUSE="published:120"
    )
    on_disk, run_id = sha256_file(published), _last_publish(home)
    status = _egov(home, "status")
    assert status.returncode == 0, status.stdout + status.stderr
    assert on_disk in status.stdout and run_id[:8] in status.stdout
    after = _egov(home, "refresh")
    assert after.returncode == 0, after.stdout + after.stderr
    record = json.loads((home / "state" / "published.json").read_text(encoding="utf-8"))
    assert record["sha256"] == sha256_file(published)
    assert record["run_id"] == _last_publish(home)
    assert not (home / "state" / "publishing.json").exists()


def test_kill_9_before_the_rename_keeps_the_previous_provenance(home):
    record = json.loads((home / "state" / "published.json").read_text(encoding="utf-8"))
    _killed_refresh(
        home, (home / "state" / "publishing.json").exists, EGOV_DRILL_PAUSE="publish:120"
    )
    status = _egov(home, "status")
    # egov status names the run by the first 8 characters of its id, as the Dagster UI does.
    assert record["sha256"] in status.stdout and record["run_id"][:8] in status.stdout
    assert sha256_file(home / "egov.duckdb") == record["sha256"]

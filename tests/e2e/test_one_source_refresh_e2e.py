"""End to end: one changed source rebuilds only what depends on it and republishes just that.

A new FRED file (one more business day) lands through the inbox; the refresh rebuilds the
models downstream of raw.fred__dexchus and nothing else, patches the published file with
them, and the result is row for row what a forced full rebuild publishes (from a copy
whose build file was deleted: the build file is disposable). Suites of relations the change
did not reach carry their outcomes over.
"""

import json
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.core.files import sha256_file
from dagster_project.settings import DBT_DIR, SOURCES_DIR
from tests.support import Refreshed, egov

SOURCE = "source.egov.raw.fred__dexchus"
NEXT_DAY = "2025-05-12,7.2100\n"


def _descendants(uid: str) -> set[str]:
    manifest = json.loads((DBT_DIR / "target" / "manifest.json").read_text(encoding="utf-8"))
    found, stack = set(), [uid]
    while stack:
        for child in manifest["child_map"].get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    nodes = manifest["nodes"]
    return {
        f"{nodes[u]['schema']}/{nodes[u]['name']}"
        for u in found
        if u in nodes and nodes[u]["resource_type"] in ("model", "seed")
    }


def _changed(home: Path) -> dict[str, bool]:
    """asset -> `changed` of every materialization of the last refresh_all run."""
    instance = dg.DagsterInstance.from_config(str(home / "dagster"))
    (run,) = instance.get_runs(filters=dg.RunsFilter(job_name="refresh_all"), limit=1)
    changed = {}
    for record in instance.get_records_for_run(
        run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
    ).records:
        materialization = record.event_log_entry.asset_materialization
        flag = materialization.metadata.get("changed")
        changed[materialization.asset_key.to_user_string()] = flag.value if flag else None
    return changed


def _rows(home: Path, sql: str, *params: object) -> list[tuple]:
    con = duckdb.connect(str(home / "egov.duckdb"), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def changed_fx(refreshed_copy: Refreshed) -> tuple[Path, object, int]:
    home = refreshed_copy.home
    logged = _rows(home, "select count(*) from audit.publish_log")[0][0]
    inbox = home / "inbox" / "fred" / "dexchus"
    inbox.mkdir(parents=True, exist_ok=True)
    text = (SOURCES_DIR / "snapshots" / "fred" / "DEXCHUS.csv").read_text(encoding="utf-8")
    (inbox / "DEXCHUS.csv").write_text(text + NEXT_DAY, encoding="utf-8")
    return home, egov(home, "refresh"), logged


def test_only_the_models_downstream_of_the_changed_source_are_rebuilt(changed_fx):
    home, result, _ = changed_fx
    assert result.returncode == 0, result.stdout + result.stderr
    changed = _changed(home)
    rebuilt = {key for key, flag in changed.items() if flag is True}
    assert rebuilt == {"raw/fred__dexchus"} | _descendants(SOURCE)
    assert "marts/fct_fx_rates" in rebuilt and "marts/dim_region" not in rebuilt
    assert changed["marts/dim_region"] is False, "unchanged models still report their version"


def test_suites_the_change_did_not_reach_carry_their_outcomes_over(changed_fx):
    home, result, _ = changed_fx
    assert result.returncode == 0, result.stdout + result.stderr
    record = json.loads((home / "state" / "published.json").read_text(encoding="utf-8"))
    run_id = record["run_id"]
    inputs = dict(
        _rows(
            home,
            "select suite, validated_in_run_id from audit.check_inputs where run_id = ?",
            run_id,
        )
    )
    validated = {suite for suite, run in inputs.items() if run == run_id}
    carried = set(inputs) - validated
    assert {"marts.fct_fx_rates", "marts.fct_fx_rates_annual"} <= validated
    assert {"marts.dim_region", "marts.fct_province_stats", "marts.fct_egov_index"} <= carried
    # Every mart rebuilt by the change was validated, and every suite has outcomes in this run.
    rebuilt = {key.replace("/", ".") for key, flag in _changed(home).items() if flag is True}
    assert rebuilt & set(inputs) <= validated
    # A carried suite has in this run exactly the outcomes of the run that validated it.
    outcomes = dict(
        _rows(
            home,
            "select run_id || ' ' || suite, count(*) from audit.check_results "
            "where engine = 'great_expectations' group by all",
        )
    )
    for suite in carried:
        assert outcomes.get(f"{run_id} {suite}") == outcomes.get(f"{inputs[suite]} {suite}")
    assert sum(outcomes.get(f"{run_id} {suite}", 0) for suite in carried) > 0


def test_the_published_file_is_patched_with_the_change_and_logs_the_publish(changed_fx):
    home, _, logged = changed_fx
    record = json.loads((home / "state" / "published.json").read_text(encoding="utf-8"))
    assert record["mode"] == "incremental"
    assert record["sha256"] == sha256_file(home / "egov.duckdb")
    assert _rows(
        home,
        "select cny_per_usd from marts.fct_fx_rates "
        "where source = 'fred' and rate_date = date '2025-05-12'",
    ) == [(pytest.approx(7.21),)]
    runs = _rows(home, "select run_id from audit.publish_log order by published_at")
    assert len(runs) == logged + 1 and runs[-1][0] == record["run_id"]
    status = egov(home, "status")
    # egov status names the run by the first 8 characters of its id, as the Dagster UI does.
    assert record["sha256"] in status.stdout and record["run_id"][:8] in status.stdout


@pytest.fixture(scope="module")
def rebuilt(changed_fx, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """A private copy of the patched home without its build file, refreshed with --force:
    the build file is disposable, and a full rebuild publishes what the patch published."""
    patched, _, _ = changed_fx
    # A private copy: the other tests of this module read the patched home's last run.
    home = tmp_path_factory.mktemp("rebuilt") / "home"
    shutil.copytree(patched, home, symlinks=True)
    shutil.rmtree(home / "build")
    return home, egov(home, "refresh", "--force")


def test_a_forced_full_rebuild_publishes_the_same_rows(changed_fx, rebuilt):
    patched, _, _ = changed_fx
    home, forced = rebuilt
    assert forced.returncode == 0, forced.stdout + forced.stderr
    record = json.loads((home / "state" / "published.json").read_text(encoding="utf-8"))
    assert record["mode"] == "full"
    con = duckdb.connect()
    con.execute(f"attach '{patched / 'egov.duckdb'}' as a (read_only)")
    con.execute(f"attach '{home / 'egov.duckdb'}' as b (read_only)")
    relations = con.execute(
        "select schema_name, table_name from duckdb_tables() where database_name = 'a' "
        "and schema_name in ('raw', 'staging', 'intermediate', 'marts') order by all"
    ).fetchall()
    assert len(relations) > 50
    # A mart may be empty on the default data (no forecast has an actual yet), but most are
    # not, so the comparison compares rows.
    filled = con.execute(
        "select count(*) from duckdb_tables() where database_name = 'a' "
        "and schema_name = 'marts' and estimated_size > 0"
    ).fetchone()[0]
    assert filled >= 10
    for schema, table in relations:
        for left, right in (("a", "b"), ("b", "a")):
            extra = con.execute(
                f'select count(*) from (select * from {left}."{schema}"."{table}" '
                f'except all select * from {right}."{schema}"."{table}")'
            ).fetchone()[0]
            assert extra == 0, f"{schema}.{table}: {extra} rows only in {left}"
    documents = con.execute("select count(*) from b.raw.report_documents").fetchone()
    assert documents[0] >= 1
    con.close()


def test_publish_log_keeps_every_publish(changed_fx, rebuilt):
    patched, _, logged = changed_fx
    home, forced = rebuilt
    before = _rows(patched, "select run_id from audit.publish_log order by published_at")
    runs = _rows(home, "select run_id from audit.publish_log order by published_at")
    assert len(before) == logged + 1
    # The rebuilt file starts from no build file, yet the history is carried from the file
    # it replaces: every earlier publish, then this one.
    record = json.loads((home / "state" / "published.json").read_text(encoding="utf-8"))
    assert runs == [*before, (record["run_id"],)]
    assert record["run_id"] in forced.stdout

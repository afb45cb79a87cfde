"""egov sql against a real published file: locked down, plain errors, exit codes."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from dagster_project.cli.main import main
from dagster_project.publish.writer import publish
from dagster_project.settings import paths

EGOV = [sys.executable, "-m", "dagster_project.cli.main"]


@pytest.fixture
def published(egov_home):
    home = paths()
    home.build_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(home.build_db))
    con.execute("create schema marts")
    con.execute(
        "create table marts.m as select 1.862e11::double as spend, 'a' || chr(10) || 'b' as note"
    )
    con.close()
    publish(home, run_id="r1", fingerprint="f1")
    return home


def _cli(home, *args, cwd=None) -> subprocess.CompletedProcess:
    env = {"EGOV_HOME": str(home.home), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [*EGOV, "sql", *args],
        env=env, capture_output=True, text=True, cwd=cwd, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("text", ["", ";", "-- x", "  ;  ; ", "/* only a comment */"])
def test_empty_statements_exit_2_with_one_line(published, text):
    result = _cli(published, text)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no SQL statement" in result.stderr


def test_a_query_prints_plain_numbers(published, capsys):
    assert main(["sql", "select spend, note from marts.m"]) == 0
    out = capsys.readouterr().out
    assert "186200000000" in out and "e+" not in out
    assert "a↵b" in out


@pytest.mark.parametrize(
    "query",
    [
        "attach '{build}' as b (read_only false)",
        "attach '{tmp}/new.duckdb' as n",
        "copy marts.m to '{tmp}/x.csv'",
        "copy marts.m to '{state}/x.csv'",
        "select * from read_csv('/etc/hostname')",
        "install httpfs",
        "load httpfs",
        "set enable_external_access = true",
        "set lock_configuration = false",
        "create table marts.x as select 1",
    ],
)
def test_files_network_extensions_and_settings_are_locked(published, tmp_path, capsys, query):
    text = query.format(build=published.build_db, tmp=tmp_path, state=published.state_dir)
    assert main(["sql", text]) == 1
    err = capsys.readouterr().err
    assert err.startswith("egov sql: ") and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "new.duckdb").exists()
    assert not (published.state_dir / "x.csv").exists()


def test_allow_files_opens_the_current_directory_only(published, tmp_path):
    work = tmp_path / "analyst"
    work.mkdir()
    (work / "extra.csv").write_text("k,v\n1,2\n", encoding="utf-8")
    joined = _cli(published, "--allow-files", "select v from read_csv('extra.csv')", cwd=work)
    assert joined.returncode == 0, joined.stderr
    exported = _cli(published, "--allow-files", "copy marts.m to 'out.csv'", cwd=work)
    assert exported.returncode == 0, exported.stderr
    assert (work / "out.csv").read_text(encoding="utf-8").startswith("spend,note")
    outside = _cli(published, "--allow-files", f"copy marts.m to '{tmp_path}/x.csv'", cwd=work)
    assert outside.returncode == 1 and not (tmp_path / "x.csv").exists()
    attach = _cli(published, "--allow-files", f"attach '{published.build_db}' as b", cwd=work)
    assert attach.returncode == 1 and "ATTACH is refused" in attach.stderr
    install = _cli(published, "--allow-files", "install httpfs", cwd=work)
    assert install.returncode == 1


def test_allow_files_refuses_a_directory_overlapping_the_home(published):
    result = _cli(published, "--allow-files", "select 1", cwd=published.home)
    assert result.returncode == 2
    assert "overlaps the warehouse home" in result.stderr


def test_errors_are_one_line_with_duckdbs_suggestion(published, capsys):
    assert main(["sql", "select * from marts.n"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Did you mean" in err
    assert main(["sql", "selec 1"]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_nothing_published_yet(egov_home, capsys):
    assert main(["sql", "select 1"]) == 1
    assert "run `egov refresh` first" in capsys.readouterr().err

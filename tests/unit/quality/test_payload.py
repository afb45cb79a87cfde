"""Payload validation on real snapshots: the shipped files pass, real-world faults are refused
with a message naming file, row and column (real GX on DuckDB, no mocks)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dagster_project.core import duckdb_io
from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs
from dagster_project.quality import payload
from dagster_project.quality.suites import suite_files

FETCHED = "2026-12-01T08:00:00+00:00"
ALTERED = ["ecb__eurofxref", "fred__dexchus", "nbs__gdp", "modood__cities"]


def _suite(name: str):
    return next(s for s in suite_files() if s.relation == f"raw.{name}")


def _validate(con, name: str, frame: pd.DataFrame, run_id: str = "unit") -> list:
    duckdb_io.replace_table(con, "raw", payload.incoming_table(name), frame)
    return payload.validate(con, name, _suite(name), run_id=run_id, fetched_at=FETCHED)


@pytest.fixture(scope="module")
def shipped() -> dict[str, pd.DataFrame]:
    specs = all_specs()
    return {n: parse_dataset(specs[n], specs[n].snapshot_paths) for n in ALTERED}


@pytest.fixture(scope="module")
def con(shipped):
    """A build database holding the shipped payloads, loaded as the raw asset loads them
    (a rejected payload never changes it, so the tests share it)."""
    con = duckdb.connect()
    for name in ALTERED:
        outcomes = _validate(con, name, shipped[name], run_id="shipped")
        assert not payload.blocking_failures(outcomes), name
        payload.swap_in(con, name)
    yield con
    con.close()


def _rejection(con, name: str, frame: pd.DataFrame) -> str:
    failed = payload.blocking_failures(_validate(con, name, frame))
    assert failed, f"{name}: the fault passed its suite"
    files = sorted(set(frame["source_file"]))
    return payload.rejection(name, files, failed, Path("landing") / name)


def test_shipped_payloads_pass_and_every_outcome_is_audited(con):
    rows = con.execute(
        "select suite, count(*), count(*) filter (where not success) from audit.check_results "
        "where run_id = 'shipped' group by suite order by suite"
    ).fetchall()
    assert [r[0] for r in rows] == [f"raw.{n}" for n in sorted(ALTERED)]
    assert all(total > 3 and failed == 0 for _, total, failed in rows)


def test_one_province_times_ten_fails_on_its_series(con, shipped):
    frame = shipped["nbs__gdp"].copy()
    ningxia = (frame["region_code"] == "640000") & frame["year"].between(2006, 2018)
    frame.loc[ningxia, "value"] = frame.loc[ningxia, "value"] * 10
    # Every value stays inside the static 1e10..3e13 band: only the series checks see it.
    assert frame.loc[ningxia, "value"].max() < 3e13
    message = _rejection(con, "nbs__gdp", frame)
    assert "file nbs_fsnd_gdp_2006_2024_GBK.csv" in message, message
    assert "row " in message and "column 2019年" in message, message
    assert "[series]" in message and "payload rejected" in message


def test_a_whole_series_times_ten_fails_against_the_previous_payload(con, shipped):
    frame = shipped["nbs__gdp"].copy()
    frame.loc[frame["region_code"] == "640000", "value"] *= 10
    message = _rejection(con, "nbs__gdp", frame)
    assert "revision_ratio" in message, message


def test_future_dated_fred_rates_fail(con, shipped):
    frame = shipped["fred__dexchus"]
    future = frame.tail(3).copy()
    future["rate_date"] = pd.Timestamp("2027-06-01") + pd.to_timedelta(range(3), unit="D")
    future["source_row"] = future["source_row"] + 1000
    message = _rejection(con, "fred__dexchus", pd.concat([frame, future], ignore_index=True))
    assert "file DEXCHUS.csv" in message and "column rate_date" in message, message
    assert f"row {int(future['source_row'].iloc[0])}" in message, message
    assert "max_value=2026-12-01" in message, message  # the day the file was fetched


def test_a_negative_ecb_rate_fails(con, shipped):
    frame = shipped["ecb__eurofxref"].copy()
    frame.loc[10, "cny_per_usd"] = -frame.loc[10, "cny_per_usd"]
    message = _rejection(con, "ecb__eurofxref", frame)
    assert f"row {int(frame.loc[10, 'source_row'])}" in message, message
    assert "column cny_per_usd" in message, message


def test_a_duplicated_key_names_the_file(con, shipped):
    frame = shipped["modood__cities"]
    message = _rejection(con, "modood__cities", pd.concat([frame, frame.iloc[[3]]]))
    assert "file cities.csv" in message and "prefecture_prefix" in message, message
    assert "unique" in message or "repeated key" in message, message


def test_a_rejected_payload_leaves_the_loaded_table_as_it_was(con, shipped):
    before = con.execute("select count(*), sum(value) from raw.nbs__gdp").fetchone()
    frame = shipped["nbs__gdp"].copy()
    frame["value"] = frame["value"] * 1.5
    _rejection(con, "nbs__gdp", frame)
    payload.discard(con, "nbs__gdp")
    assert con.execute("select count(*), sum(value) from raw.nbs__gdp").fetchone() == before
    assert not duckdb_io.table_exists(con, "raw", payload.incoming_table("nbs__gdp"))


def _gdp_lines() -> list[str]:
    spec = all_specs()["nbs__gdp"]
    return spec.snapshot_paths[0].read_bytes().decode(spec.encoding).splitlines(True)


def _parsed_gdp(tmp_path: Path, lines: list[str]) -> pd.DataFrame:
    path = tmp_path / "nbs_fsnd_gdp_2006_2024_GBK.csv"
    path.write_bytes("".join(lines).encode("gbk"))
    return parse_dataset(all_specs()["nbs__gdp"], [path])


def test_a_duplicated_region_names_its_rows(con, tmp_path):
    lines = _gdp_lines()
    guangdong = next(i for i, line in enumerate(lines) if line.startswith("广东省"))
    lines.insert(guangdong + 1, lines[guangdong])
    message = _rejection(con, "nbs__gdp", _parsed_gdp(tmp_path, lines))
    assert "no repeated key ['region_code', 'year', 'indicator']" in message, message
    assert f"row {guangdong + 1}" in message, message  # the first of the two


def test_gdp_in_yuan_instead_of_yi_yuan_is_out_of_its_plausible_range(con, tmp_path):
    lines = _gdp_lines()
    beijing = next(i for i, line in enumerate(lines) if line.startswith("北京市"))
    cells = lines[beijing].rstrip("\r\n").split(",")
    lines[beijing] = ",".join(cells[:2] + [f"{float(c) * 1e8:.0f}" for c in cells[2:]]) + "\r\n"
    message = _rejection(con, "nbs__gdp", _parsed_gdp(tmp_path, lines))
    assert f"row {beijing + 1}, column 20" in message, message
    assert "max_value=3e+13" in message, message

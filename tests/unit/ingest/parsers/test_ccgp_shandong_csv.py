"""The CSV form of the procurement intentions, loaded by DuckDB, gives the xlsx parser's rows.

The real 79-row sheet is written to CSV here (openpyxl → csv), then altered the way real
files go wrong; every bad input names dataset, file, row and column and leaves the
previous table untouched.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import openpyxl
import pytest

from dagster_project.core import duckdb_io
from dagster_project.core.errors import InputError
from dagster_project.ingest.duckdb_load import DuckDBPayload, load_payload
from dagster_project.ingest.registry import dropped_rows, parse_dataset
from dagster_project.landing.declarations import all_specs
from dagster_project.quality import payload
from dagster_project.quality.suites import suite_files

NAME = "ccgp_shandong__intentions"
SPEC = all_specs()[NAME]


def sheet_rows() -> list[list[str]]:
    book = openpyxl.load_workbook(SPEC.snapshot_paths[0], read_only=True)
    return [
        ["" if value is None else str(value) for value in row]
        for row in book.active.iter_rows(values_only=True)
    ]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def real_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "intentions.csv", sheet_rows())


@pytest.fixture
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


def load(con, *paths: Path) -> tuple[int, int]:
    payload = parse_dataset(SPEC, list(paths))
    assert isinstance(payload, DuckDBPayload)
    return load_payload(con, SPEC, payload)


def table(con, name: str) -> list[tuple]:
    return con.execute(f"select * exclude (source_file) from {name} order by source_row").fetchall()


def test_csv_form_gives_the_rows_and_types_of_the_xlsx_parser(con, real_csv):
    frame = parse_dataset(SPEC, SPEC.snapshot_paths)
    duckdb_io.replace_table(con, "xlsx", NAME, frame)
    rows, dropped = load(con, real_csv)
    assert (rows, dropped) == (45, len(dropped_rows(frame))) == (45, 34)
    assert table(con, f"raw.{NAME}") == table(con, f"xlsx.{NAME}")
    describe = "select column_name, column_type from (describe {})"
    assert (
        con.execute(describe.format(f"raw.{NAME}")).fetchall()
        == con.execute(describe.format(f"xlsx.{NAME}")).fetchall()
    )
    merged = con.execute(
        f"select budget_cny, expected_month, sme_reserved, description from raw.{NAME} "
        "where project_title = '2026年新加坡通讯展览会'"
    ).fetchone()
    assert (merged[0], str(merged[1]), merged[2]) == (2_962_000.0, "2026-03-01", True)
    assert merged[3].startswith("做好我省企业组团参展")


def test_padding_blank_rows_and_full_width_digits_read_as_in_the_sheet(con, tmp_path):
    rows = sheet_rows()
    rows[1][6] = " １１.２ "  # 金额 of row 2, full-width digits and spaces
    rows[1][7] = "\u3000２０２６年０７月"
    rows.insert(3, [""] * 9)  # a blank record is skipped silently
    load(con, write_csv(tmp_path / "padded.csv", rows))
    first = con.execute(
        f"select budget_cny, expected_month from raw.{NAME} where source_row = 2"
    ).fetchone()
    assert (first[0], str(first[1])) == (112_000.0, "2026-07-01")
    assert con.execute(f"select count(*) from raw.{NAME}").fetchone()[0] == 45


def fails(con, path: Path) -> InputError:
    con.execute(
        f"create schema if not exists raw; create or replace table raw.{NAME} as select 1 as kept"
    )
    with pytest.raises(InputError) as caught:
        load(con, path)
    error = caught.value.with_context(dataset=NAME)
    assert error.dataset == NAME and error.file == path.name
    # the transaction was rolled back: the previous table is still there, unchanged
    assert con.execute(f"select * from raw.{NAME}").fetchall() == [(1,)]
    return error


def altered(tmp_path: Path, row: int, column: int, value: str) -> Path:
    rows = sheet_rows()
    rows[row - 1][column] = value
    return write_csv(tmp_path / "altered.csv", rows)


def test_amount_that_is_neither_budget_nor_flag(con, tmp_path):
    error = fails(con, altered(tmp_path, 30, 6, "约十万"))
    assert (error.row, error.column) == (30, "金额") and "约十万" in error.message


def test_unknown_region(con, tmp_path):
    error = fails(con, altered(tmp_path, 12, 3, "火星省本级"))
    assert (error.row, error.column) == (12, "地市") and "火星省本级" in error.message


def test_month_out_of_range(con, tmp_path):
    error = fails(con, altered(tmp_path, 4, 7, "2026年13月"))
    assert (error.row, error.column) == (4, "预计时间")


def test_the_first_bad_row_is_reported(con, tmp_path):
    rows = sheet_rows()
    rows[39][6] = "abc"  # row 40: 金额
    rows[19][7] = "下半年"  # row 20: 预计时间 of a project
    error = fails(con, write_csv(tmp_path / "two.csv", rows))
    assert (error.row, error.column) == (20, "预计时间")


def _rejected(con, path: Path) -> str:
    """Load a CSV payload as the raw asset does and return why its suite refused it."""
    incoming = payload.incoming_table(NAME)
    load_payload(con, SPEC, parse_dataset(SPEC, [path]), table=incoming)
    suite = next(s for s in suite_files() if s.relation == f"raw.{NAME}")
    outcomes = payload.validate(con, NAME, suite, run_id="unit", fetched_at="2026-12-01")
    failed = payload.blocking_failures(outcomes)
    assert failed, "the payload passed its suite"
    payload.discard(con, NAME)
    return payload.rejection(NAME, [path.name], failed, path.parent)


def test_budget_in_the_wrong_unit_is_implausible(con, tmp_path):
    message = _rejected(con, altered(tmp_path, 2, 6, "0.01"))  # 100 CNY: 元 written as 万元
    assert "row 2, column budget_cny" in message and "min_value=1000" in message, message


def test_repeated_key_names_its_rows(con, tmp_path):
    rows = sheet_rows()
    rows.insert(3, list(rows[1]))  # row 2 again as row 4
    message = _rejected(con, write_csv(tmp_path / "dup.csv", rows))
    assert "file dup.csv, row 2" in message and "no repeated key" in message, message


def test_renamed_column_is_schema_drift(con, tmp_path):
    rows = sheet_rows()
    rows[0][6] = "预算"
    path = write_csv(tmp_path / "drift.csv", rows)
    with pytest.raises(InputError) as caught:
        parse_dataset(SPEC, [path])
    assert (caught.value.dataset, caught.value.file) == (NAME, path.name)
    assert (caught.value.row, caught.value.column) == (1, "金额")


# Rows are records (the sheet's rows); before row 17, whose description spans six lines,
# records and lines coincide.
def test_cut_off_line_names_its_row(con, tmp_path, real_csv):
    lines = real_csv.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[10] = ",".join(lines[10].split(",")[:5]) + "\n"  # row 11 loses its last fields
    path = tmp_path / "cut.csv"
    path.write_text("".join(lines), encoding="utf-8")
    error = fails(con, path)
    assert (error.row, error.column) == (11, "项目名称") and "5 fields" in error.message


def test_wrong_encoding_names_its_row(con, tmp_path, real_csv):
    lines = real_csv.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "gbk.csv"
    path.write_bytes("".join(lines[:10]).encode("utf-8") + "".join(lines[10:]).encode("gbk"))
    error = fails(con, path)
    assert error.row == 11 and "not utf-8" in error.message


def test_a_payload_cannot_mix_csv_and_xlsx(real_csv):
    with pytest.raises(InputError, match="mixes"):
        parse_dataset(SPEC, [real_csv, SPEC.snapshot_paths[0]])


def test_raw_asset_loads_a_csv_dropped_into_its_inbox(tmp_path, real_csv):
    import dagster as dg

    from dagster_project.core.resources import BuildDatabase
    from dagster_project.ingest.assets import build_raw_asset

    home = tmp_path / "home"
    inbox = home / "inbox" / "ccgp_shandong" / "intentions"
    inbox.mkdir(parents=True)
    (inbox / real_csv.name).write_bytes(real_csv.read_bytes())
    result = dg.materialize(
        [build_raw_asset(SPEC)],
        resources={"build_db": BuildDatabase(home=str(home))},
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    metadata = result.get_asset_materialization_events()[0].materialization.metadata
    assert metadata["mode"].value == "drop"
    assert (metadata["dagster/row_count"].value, metadata["dropped_rows"].value) == (45, 34)
    with duckdb.connect(str(home / "build" / "warehouse.duckdb"), read_only=True) as build:
        files = build.execute(f"select distinct source_file from raw.{NAME}").fetchall()
    assert files == [("intentions.csv",)]

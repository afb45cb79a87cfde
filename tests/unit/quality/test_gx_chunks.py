"""A batch validated in chunks gives the verdicts and counts of the same batch validated whole.

The table has 5,000 rows and the chunks 1,000: a repeated key whose two rows sit in the
first and the last chunk, a bad value in the very last row, missing values under `mostly`,
and a query batch, so every kind of chunk (row stream, hash partitions, table shape) runs.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dagster_project.quality import gx_chunks, gx_runner
from dagster_project.quality.suites import read_suite_file

ROWS = 5_000
SUITE = '''"""raw.items: test suite."""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.items",
    "expensive": "select item_id, budget from raw.items where budget > 900",
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(column_set=["item_id", "url", "title", "budget",
                                                         "segment", "note"], exact_match=False),
            gxe.ExpectTableRowCountToBeBetween(min_value=10, max_value=%(max_rows)d),
            gxe.ExpectColumnValuesToBeUnique(column="item_id"),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["url", "title"]),
            gxe.ExpectColumnValuesToNotBeNull(column="url"),
            gxe.ExpectColumnValuesToMatchRegex(column="url", regex=r"^https://example\\.org/"),
            gxe.ExpectColumnValuesToBeBetween(column="budget", min_value=0, max_value=1000),
            gxe.ExpectColumnValuesToBeInSet(column="segment", value_set=["a", "b", "c"]),
            gxe.ExpectColumnValuesToNotBeNull(column="note", mostly=0.9),
            gxe.ExpectColumnValuesToNotBeNull(column="title", mostly=0.99),
        ],
        "expensive": [gxe.ExpectTableRowCountToEqual(value=0)],
    }
'''


def build_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"""
        create schema raw;
        create table raw.items as
        select
            case when i = {ROWS - 2} then 7 else i end as item_id,
            'https://example.org/n/' || case when i = {ROWS - 1} then 1 else i // 3 end as url,
            case when i = {ROWS - 1} then 'title 3' else 'title ' || i end as title,
            case when i = {ROWS - 1} then 5000.5 else (i * 7) % 1000 end as budget,
            case when i % 97 = 0 then 'x' else ['a', 'b', 'c'][1 + i % 3] end as segment,
            case when i % 20 = 0 then null else 'note' end as note
        from range({ROWS}) as r (i)
        """
    )


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect()
    build_table(connection)
    yield connection
    connection.close()


def suite(tmp_path: Path, max_rows: int = 100_000):
    path = tmp_path / "raw" / "items.py"
    path.parent.mkdir(parents=True)
    path.write_text(SUITE % {"max_rows": max_rows}, encoding="utf-8")
    return read_suite_file(path)


def comparable(outcomes: list) -> list[tuple]:
    """Verdicts and counts, in a fixed order (GX orders a whole batch's results its own way)."""
    return sorted(
        (o.batch, o.expectation, str(o.kwargs), o.success, o.unexpected_count, o.observed_value)
        for o in outcomes
    )


def test_chunked_validation_equals_whole_validation(con, tmp_path, monkeypatch):
    suite_file = suite(tmp_path)
    whole = gx_runner.run_suite(suite_file, con)
    frames = []
    original = gx_chunks.frames

    def counting(connection, chunk):
        for frame in original(connection, chunk):
            frames.append((chunk.label, len(frame)))
            yield frame

    monkeypatch.setattr(gx_chunks, "CHUNK_ROWS", 1_000)
    monkeypatch.setattr(gx_chunks, "frames", counting)
    chunked = gx_runner.run_suite(suite_file, con)

    assert comparable(chunked) == comparable(whole)
    by_name = {(o.expectation, o.column): o for o in chunked}
    # the repeated item_id (row 7 and row 4998) and (url, title) (rows 3 and 4999)
    assert by_name[("expect_column_values_to_be_unique", "item_id")].unexpected_count == 2
    assert by_name[("expect_compound_columns_to_be_unique", None)].unexpected_count == 2
    # the bad budget in the very last row
    between = by_name[("expect_column_values_to_be_between", "budget")]
    assert (between.success, between.unexpected_count) == (False, 1)
    assert between.unexpected_sample == ["5000.5"]
    # 5% missing notes pass with mostly=0.9; the row-wise samples are the whole-table ones
    assert by_name[("expect_column_values_to_not_be_null", "note")].success
    samples = {(o.expectation, o.column): o.unexpected_sample for o in whole}
    segment = ("expect_column_values_to_be_in_set", "segment")
    assert by_name[segment].unexpected_sample == samples[segment]
    # 5 row chunks of 1,000 and 5 hash partitions (about 1,000 rows each) per uniqueness key
    assert [rows for label, rows in frames if label == "rows"] == [1_000] * 5
    partitions = [rows for label, rows in frames if label.startswith("item_id #")]
    assert len(partitions) == 5 and sum(partitions) == ROWS and max(partitions) < 1_500


def test_a_failing_table_level_expectation_fails_chunked_too(con, tmp_path, monkeypatch):
    suite_file = suite(tmp_path, max_rows=4_000)
    monkeypatch.setattr(gx_chunks, "CHUNK_ROWS", 1_000)
    chunked = gx_runner.run_suite(suite_file, con)
    count = next(o for o in chunked if o.expectation == "expect_table_row_count_to_be_between")
    assert (count.success, count.observed_value) == (False, "5000")
    expensive = next(o for o in chunked if o.batch == "expensive")
    assert not expensive.success


def test_a_batch_with_an_aggregate_expectation_is_validated_whole():
    from great_expectations import expectations as gxe

    assert gx_chunks.chunkable([gxe.ExpectColumnValuesToNotBeNull(column="a")])
    assert not gx_chunks.chunkable([gxe.ExpectColumnMeanToBeBetween(column="a", min_value=0)])

"""Loading one document's rows into a real DuckDB build file (reports.load)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dagster_project.reports.load import replace_document, schemas


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [
        row[0]
        for row in con.execute(
            "select column_name from duckdb_columns() "
            "where schema_name = 'raw' and table_name = ? order by column_index",
            [table],
        ).fetchall()
    ]


def test_identity_status_and_page_columns_exist_and_are_null_when_not_stated(
    tmp_path: Path,
) -> None:
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    tables = {
        "report_documents": [{"document_id": "d", "title": "t", "status": "published"}],
        "report_facts": [{"fact_id": "f1", "unit": "CNY"}],
    }
    counts = replace_document(con, "d", tables)
    assert counts["report_documents"] == 1 and counts["report_facts"] == 1
    for column in ("publisher", "published_date", "kind", "series_id", "status_reason"):
        assert column in _columns(con, "report_documents")
    assert con.execute("select page from raw.report_facts").fetchall() == [(None,)]
    assert con.execute("select publisher, kind from raw.report_documents").fetchall() == [
        (None, None)
    ]


def test_a_build_file_of_an_earlier_version_gains_the_new_columns(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    con.execute("create schema raw")
    con.execute("create table raw.report_documents (document_id varchar, title varchar)")
    con.execute("insert into raw.report_documents values ('old', 'kept')")
    con.execute("create table raw.report_facts (fact_id varchar, document_id varchar)")
    replace_document(
        con,
        "d",
        {
            "report_documents": [{"document_id": "d", "title": "new", "status": "rejected"}],
            "report_facts": [{"fact_id": "f1", "page": 3}],
        },
    )
    expected = [name for name, _ in schemas()["report_documents"]]
    assert sorted(_columns(con, "report_documents")) == sorted(expected)
    rows = con.execute(
        "select document_id, title, status from raw.report_documents order by 1"
    ).fetchall()
    assert rows == [("d", "new", "rejected"), ("old", "kept", None)]
    assert con.execute("select fact_id, page from raw.report_facts").fetchall() == [("f1", 3)]


def test_a_rejection_or_a_removal_takes_the_documents_rows_out(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    replace_document(
        con,
        "d",
        {
            "report_documents": [{"document_id": "d", "status": "published"}],
            "report_facts": [{"fact_id": "f1"}, {"fact_id": "f2"}],
            "report_sections": [{"section_id": "d:1"}],
        },
    )
    replace_document(con, "d", {"report_documents": [{"document_id": "d", "status": "rejected"}]})
    assert con.execute("select count(*) from raw.report_facts").fetchone() == (0,)
    assert con.execute("select count(*) from raw.report_sections").fetchone() == (0,)
    assert con.execute("select status from raw.report_documents").fetchall() == [("rejected",)]
    replace_document(con, "d", {})
    assert con.execute("select count(*) from raw.report_documents").fetchone() == (0,)

"""Writing one document's rows into the raw.report_* tables of the build file.

The columns are the extraction library's output (reports.extraction.output) plus what the
warehouse adds: the document's status and where it came from, its identity as far as an
older library does not state it (NULL then), and the page of each figure (NULL for text
documents). A build file made by an earlier version gains the new columns in place.
"""

from __future__ import annotations

from typing import Any

import duckdb

from dagster_project.core.duckdb_io import quote_ident
from dagster_project.reports.extraction.output import SCHEMAS

SQL_TYPES = {"str": "varchar", "int": "bigint", "float": "double", "bool": "boolean"}
Columns = tuple[tuple[str, str], ...]
DOCUMENT_COLUMNS: Columns = (
    ("document_id", "str"), ("edition", "int"), ("title", "str"), ("sha256", "str"),
    ("source_file", "str"), ("licence", "str"), ("extractor_version", "str"),
    ("input_bytes", "int"), ("cleaned_chars", "int"), ("n_facts", "int"),
    ("n_corrupted_facts", "int"), ("n_table_cells", "int"), ("n_tables", "int"),
    ("n_sections", "int"), ("n_sources", "int"), ("n_garbled_spans", "int"),
    ("origin", "str"), ("data_version", "str"),
    # Identity: the library states these; the licence, publisher and kind an owner declares
    # win (reports.declared).
    ("publisher", "str"), ("published_date", "str"), ("kind", "str"), ("series_id", "str"),
    ("title_source", "str"), ("source_format", "str"), ("n_pages", "int"),
    # published | rejected, and why (reports.checks).
    ("status", "str"), ("status_reason", "str"),
)  # fmt: skip
WAREHOUSE_COLUMNS: dict[str, Columns] = {"report_facts": (("page", "int"),)}


def _merged(library: Columns, extra: Columns) -> Columns:
    """The library's columns in its order, then the warehouse's it does not have yet."""
    names = {name for name, _ in library}
    return (*library, *(column for column in extra if column[0] not in names))


def schemas() -> dict[str, Columns]:
    """Every raw.report_* table carries document_id, so one document can be replaced alone."""
    tables = {
        table: _merged(columns, WAREHOUSE_COLUMNS.get(table, ()))
        for table, columns in SCHEMAS.items()
    }
    tables["report_documents"] = DOCUMENT_COLUMNS
    return {
        table: columns
        if any(n == "document_id" for n, _ in columns)
        else (("document_id", "str"), *columns)
        for table, columns in tables.items()
    }


def _ensure_table(con: duckdb.DuckDBPyConnection, table: str, columns: Columns) -> None:
    ddl = ", ".join(f"{quote_ident(name)} {SQL_TYPES[kind]}" for name, kind in columns)
    con.execute(f"create table if not exists raw.{quote_ident(table)} ({ddl})")
    existing = {
        row[0]
        for row in con.execute(
            "select column_name from duckdb_columns() "
            "where database_name = current_database() and schema_name = 'raw' "
            "and table_name = ?",
            [table],
        ).fetchall()
    }
    for name, kind in columns:
        if name not in existing:
            con.execute(
                f"alter table raw.{quote_ident(table)} add column {quote_ident(name)} "
                f"{SQL_TYPES[kind]}"
            )


def loaded_versions(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """document_id -> data_version of every document in raw.report_documents ({} if none).

    The build file, not the run history, says what is loaded: a deleted or rebuilt build
    file has lost every document whatever the history remembers."""
    exists = con.execute(
        "select count(*) from duckdb_tables() where database_name = current_database() "
        "and schema_name = 'raw' and table_name = 'report_documents'"
    ).fetchone()[0]
    if not exists:
        return {}
    rows = con.execute("select document_id, data_version from raw.report_documents").fetchall()
    return {document_id: version for document_id, version in rows}


def replace_document(
    con: duckdb.DuckDBPyConnection, document_id: str, tables: dict[str, list[dict[str, Any]]]
) -> dict[str, int]:
    """Delete the document's rows and insert the new ones, all in one transaction (no rows
    at all takes the document out)."""
    counts = {}
    con.execute("begin transaction")
    try:
        con.execute("create schema if not exists raw")
        for table, columns in schemas().items():
            _ensure_table(con, table, columns)
            target = f"raw.{quote_ident(table)}"
            con.execute(f"delete from {target} where document_id = ?", [document_id])
            names = [name for name, _ in columns]
            rows = [
                tuple(document_id if name == "document_id" else row.get(name) for name in names)
                for row in tables.get(table, [])
            ]
            if rows:
                listed = ", ".join(quote_ident(name) for name in names)
                marks = ", ".join("?" for _ in names)
                con.executemany(f"insert into {target} ({listed}) values ({marks})", rows)
            counts[table] = len(rows)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return counts

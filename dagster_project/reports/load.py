"""Writing one document's extraction into the raw.report_* tables of the build file."""

from __future__ import annotations

from typing import Any

import duckdb

from dagster_project.core.duckdb_io import quote_ident
from dagster_project.reports.extraction.output import SCHEMAS

SQL_TYPES = {"str": "varchar", "int": "bigint", "float": "double", "bool": "boolean"}
DOCUMENT_COLUMNS = (
    ("document_id", "str"), ("edition", "int"), ("title", "str"), ("sha256", "str"),
    ("source_file", "str"), ("licence", "str"), ("extractor_version", "str"),
    ("input_bytes", "int"), ("cleaned_chars", "int"), ("n_facts", "int"),
    ("n_corrupted_facts", "int"), ("n_table_cells", "int"), ("n_tables", "int"),
    ("n_sections", "int"), ("n_sources", "int"), ("n_garbled_spans", "int"),
    ("origin", "str"), ("data_version", "str"),
)  # fmt: skip


def schemas() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every raw.report_* table carries document_id, so one document can be replaced alone."""
    tables = {**SCHEMAS, "report_documents": DOCUMENT_COLUMNS}
    return {
        table: columns
        if any(n == "document_id" for n, _ in columns)
        else (("document_id", "str"), *columns)
        for table, columns in tables.items()
    }


def _ensure_table(con: duckdb.DuckDBPyConnection, table: str, columns: tuple) -> None:
    ddl = ", ".join(f"{quote_ident(name)} {SQL_TYPES[kind]}" for name, kind in columns)
    con.execute(f"create table if not exists raw.{quote_ident(table)} ({ddl})")


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
    """Delete the document's rows and insert the new ones, all in one transaction."""
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
                marks = ", ".join("?" for _ in names)
                con.executemany(f"insert into {target} values ({marks})", rows)
            counts[table] = len(rows)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return counts

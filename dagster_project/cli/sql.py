"""egov sql: read-only queries against the published file, with the doors closed.

The file is opened through publish.readers.connect_published: read-only, no external access
(no other files, no network), no extension installs or autoloading, configuration locked.
`--allow-files` lets a query read and write files below the current directory, unless
that directory overlaps the warehouse home. ATTACH, DETACH, INSTALL and LOAD are refused
whatever the switches: this command reads the published file and nothing else.

Exit codes: 0 done, 1 the query failed or was refused, 2 nothing to run (an empty text, only
`;` or comments) or a bad switch.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from dagster_project.cli.render import render_csv, render_json, render_table
from dagster_project.publish.readers import connect_published
from dagster_project.settings import paths

EXIT_QUERY_FAILED = 1
EXIT_USAGE = 2
REFUSED = {
    duckdb.StatementType.ATTACH: "ATTACH",
    duckdb.StatementType.DETACH: "DETACH",
    duckdb.StatementType.LOAD: "INSTALL/LOAD",
}


def _fail(message: str, code: int) -> int:
    print(f"egov sql: {message}", file=sys.stderr)
    return code


def _first_line(error: Exception) -> str:
    """DuckDB's message on one line (its caret drawing dropped, a suggestion kept)."""
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    hints = [line for line in lines[1:] if line.startswith("Did you mean")]
    return " ".join(lines[:1] + hints)


def _refusal(query: str) -> tuple[str, int] | None:
    """Why the text cannot run at all (empty, unparsable, a refused kind), with its exit code."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        return _first_line(exc), EXIT_QUERY_FAILED
    if not statements:
        return "no SQL statement given (the text is empty or only comments)", EXIT_USAGE
    for statement in statements:
        if statement.type in REFUSED:
            kind = REFUSED[statement.type]
            return f"{kind} is refused: egov sql reads the published file only", EXIT_QUERY_FAILED
    return None


def _allowed_folders(allow_files: str | None) -> list[Path] | str:
    """The folders file access is opened to, or why the request is refused."""
    if allow_files is None:
        return []
    folder = Path(allow_files).expanduser().resolve()
    home = paths().home.resolve()
    if not folder.is_dir():
        return f"--allow-files: {folder} is not a directory"
    if folder == home or home in folder.parents or folder in home.parents:
        return (
            f"--allow-files: the current directory {folder} overlaps the warehouse home "
            f"{home}; run the query from a folder outside it"
        )
    return [folder]


class _Stop(Exception):
    """Ends the command with a one-line message and an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _open(folders: list[Path]) -> duckdb.DuckDBPyConnection:
    try:
        return connect_published(allow_files=folders)
    except FileNotFoundError as exc:
        raise _Stop(f"{exc}; run `egov refresh` first", EXIT_QUERY_FAILED) from exc
    except duckdb.Error as exc:
        message = f"cannot open the published file: {_first_line(exc)}"
        raise _Stop(message, EXIT_QUERY_FAILED) from exc


def _execute(
    con: duckdb.DuckDBPyConnection, query: str, folders: list[Path]
) -> tuple[list[str], list[tuple]] | None:
    """(columns, rows) of the last statement, None when it returns no result set."""
    try:
        cursor = con.execute(query)
        if cursor.description is None:
            return None
        return [d[0] for d in cursor.description], cursor.fetchall()
    except duckdb.PermissionException as exc:
        hint = "" if folders else " (egov sql --allow-files opens the current directory)"
        raise _Stop(f"refused: {_first_line(exc)}{hint}", EXIT_QUERY_FAILED) from exc
    except duckdb.Error as exc:
        raise _Stop(f"query failed: {_first_line(exc)}", EXIT_QUERY_FAILED) from exc


def run_sql(
    query: str, output_format: str, *, allow_files: str | None = None, max_width: int = 40
) -> int:
    try:
        refusal = _refusal(query)
        if refusal is not None:
            raise _Stop(*refusal)
        folders = _allowed_folders(allow_files)
        if isinstance(folders, str):
            raise _Stop(folders, EXIT_USAGE)
        con = _open(folders)
        try:
            result = _execute(con, query, folders)
        finally:
            con.close()
    except _Stop as stop:
        return _fail(str(stop), stop.code)
    if result is None:
        return 0
    columns, rows = result
    if output_format == "csv":
        print(render_csv(columns, rows))
    elif output_format == "json":
        print(render_json(columns, rows))
    else:
        print(render_table(columns, rows, max_width=max_width))
    return 0

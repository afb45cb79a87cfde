"""Opening the published file as a reader: read-only, locked down, and always the newest.

Two things a plain `duckdb.connect(path, read_only=True)` does not give:

* **The file published now.** DuckDB keeps one database instance per path and process: while
  any connection to the path is open, a new `connect()` joins that instance, which still
  reads the file as it was when the instance opened it (the refresh replaces the file by
  rename, so the old inode lives on). `connect_published()` attaches the file inside a new
  in-memory instance instead, which opens whatever `egov.duckdb` is at that moment.
* **No way out.** External access is off (no other files, no network: `attach`, `copy … to`,
  `read_csv`, `install` are refused), extensions are neither installed nor loaded
  automatically, and the configuration is locked so a query cannot switch any of it back.
  `allow_files` re-opens file access below the given directories only, for analysts who
  read or write their own CSV or Parquet files.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from dagster_project.settings import Paths, paths

# The catalog name of egov.duckdb when opened directly: queries may say egov.marts.x.
CATALOG = "egov"
LOCKED = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_unsigned_extensions": False,
}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect_published(
    home: Paths | None = None, *, allow_files: Sequence[Path] = ()
) -> duckdb.DuckDBPyConnection:
    """A new read-only connection to the published file as it is now (see module docstring).

    Raises FileNotFoundError when nothing is published yet, duckdb.Error when it cannot be
    opened. The caller closes the connection.
    """
    published = (home or paths()).published_db
    if not published.exists():
        raise FileNotFoundError(f"no published warehouse at {published}")
    con = duckdb.connect(":memory:", config=LOCKED)
    try:
        con.execute(f"attach {_literal(str(published))} as {CATALOG} (read_only)")
        con.execute(f"use {CATALOG}")
        if allow_files:
            folders = ", ".join(_literal(f"{Path(p).resolve()}/") for p in allow_files)
            con.execute(f"set allowed_directories = [{folders}]")
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con

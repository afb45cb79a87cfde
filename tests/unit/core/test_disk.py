"""A full disk recognised in each costume it wears, and the paragraph that says so."""

from __future__ import annotations

import errno
import sqlite3

import duckdb

from dagster_project.core.disk import disk_full_message, is_disk_full, is_disk_full_text


def test_errno_28_anywhere_in_the_chain_is_a_full_disk():
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device", "/w/state/x.json")
        except OSError as inner:
            raise RuntimeError("writing the record failed") from inner
    except RuntimeError as outer:
        assert is_disk_full(outer)
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))


def test_sqlite_and_duckdb_messages_are_a_full_disk():
    assert is_disk_full(sqlite3.OperationalError("database or disk is full"))
    io = duckdb.IOException('IO Error: Could not write file "x.wal": No space left on device')
    assert is_disk_full(io)
    assert is_disk_full_text("caused by: OSError: [Errno 28] No space left on device")
    assert not is_disk_full_text("Catalog Error: Table with name x does not exist!")


def test_a_plain_io_error_counts_only_when_the_file_system_is_nearly_full(tmp_path):
    # tmp_path lives on a file system with room: a bare I/O error is not called a full disk.
    assert not is_disk_full(sqlite3.OperationalError("disk I/O error"), tmp_path)
    assert not is_disk_full_text("disk I/O error", tmp_path)


def test_the_message_is_one_paragraph_saying_what_happened_to_the_published_file(tmp_path):
    published = tmp_path / "egov.duckdb"
    kept = disk_full_message(tmp_path, published, published_changed=False)
    assert kept.startswith("egov: no space left on device.")
    assert "\n" not in kept and "Nothing was published" in kept and str(tmp_path) in kept
    assert "MB free" in kept
    swapped = disk_full_message(tmp_path, published, published_changed=True)
    assert "already in place" in swapped and "Nothing was published" not in swapped

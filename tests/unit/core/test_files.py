"""Records: an unreadable one is moved aside, named, and read as absent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dagster_project.core.files import moved_aside_since, read_json, write_json


def test_truncated_record_is_moved_aside_named_and_read_as_absent(tmp_path, capsys):
    record = tmp_path / "state" / "landing" / "fred__dexchus.json"
    write_json(record, {"current": {"sha256": "a" * 64}})
    began = datetime.now(UTC) - timedelta(seconds=1)
    record.write_text('{"current": {"sha2', encoding="utf-8")
    assert read_json(record) == {}
    err = capsys.readouterr().err
    assert str(record) in err and "moved to" in err
    assert not record.exists()
    (aside,) = moved_aside_since(tmp_path / "state", began)
    assert aside.parent == record.parent and aside.name.startswith("fred__dexchus.json.corrupt-")
    assert aside.read_text(encoding="utf-8") == '{"current": {"sha2'
    assert moved_aside_since(tmp_path / "state", datetime.now(UTC) + timedelta(seconds=5)) == []


def test_empty_and_non_object_records_are_unreadable(tmp_path):
    for text in ("", "[1, 2]", "null"):
        record = tmp_path / "r.json"
        record.write_text(text, encoding="utf-8")
        assert read_json(record) == {}
        assert not record.exists()


def test_missing_record_is_absent_and_nothing_is_moved(tmp_path):
    assert read_json(tmp_path / "none.json") == {}
    assert list(tmp_path.iterdir()) == []

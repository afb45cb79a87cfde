"""The no-op shortcut: which changes it sees, and when its record stops vouching."""

import os

import pytest

from dagster_project.publish import shortcut
from dagster_project.settings import Paths


@pytest.fixture
def home(tmp_path) -> Paths:
    return Paths(tmp_path / "home").ensure()


def _publish(home: Paths, content: bytes) -> None:
    tmp = home.home / "egov.duckdb.new"
    tmp.write_bytes(content)
    os.replace(tmp, home.published_db)


def test_shipped_sources_allow_the_shortcut(home):
    assert shortcut._http_datasets() == []
    first = shortcut.input_digest(home)
    assert first is not None and first == shortcut.input_digest(home)


def test_digest_sees_the_inbox_the_settings_and_landed_reports(home, monkeypatch):
    base = shortcut.input_digest(home)
    dropped = home.inbox_dir / "nbs" / "gdp.csv"
    dropped.parent.mkdir(parents=True)
    dropped.write_text("a,b\n", encoding="utf-8")
    with_drop = shortcut.input_digest(home)
    assert with_drop != base
    dropped.unlink()
    assert shortcut.input_digest(home) == base
    monkeypatch.setenv("EGOV_HTTP_TIMEOUT_S", "5")
    assert shortcut.input_digest(home) != base
    monkeypatch.delenv("EGOV_HTTP_TIMEOUT_S")
    landed = home.state_dir / "reports" / "edition.json"
    landed.parent.mkdir(parents=True)
    landed.write_text('{"sha256": "aa", "landed_at": "t1"}', encoding="utf-8")
    one = shortcut.input_digest(home)
    landed.write_text('{"sha256": "aa", "landed_at": "t2"}', encoding="utf-8")
    assert shortcut.input_digest(home) == one, "landing the same bytes again changes nothing"
    landed.write_text('{"sha256": "bb", "landed_at": "t3"}', encoding="utf-8")
    assert shortcut.input_digest(home) not in (one, base)


def test_a_dataset_fetched_over_http_disables_the_shortcut(home, monkeypatch):
    monkeypatch.setattr(shortcut, "_http_datasets", lambda: ["ecb__eurofxref"])
    assert shortcut.input_digest(home) is None
    assert shortcut.unchanged_since(home, None) is None


def test_record_vouches_only_for_the_file_it_saw_published(home):
    digest = shortcut.input_digest(home)
    shortcut.record(home, digest, "run-1")
    assert shortcut.unchanged_since(home, digest) is None, "nothing published: no record"
    _publish(home, b"first")
    shortcut.record(home, digest, "run-1")
    assert shortcut.unchanged_since(home, digest)["run_id"] == "run-1"
    assert shortcut.unchanged_since(home, "another digest") is None
    _publish(home, b"second")  # published by something else (a report, the UI)
    assert shortcut.unchanged_since(home, digest) is None
    shortcut.record(home, digest, "run-2")
    assert shortcut.unchanged_since(home, digest)["run_id"] == "run-2"
    shortcut.forget(home)  # a run started
    assert shortcut.unchanged_since(home, digest) is None

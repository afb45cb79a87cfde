"""The publish and refresh records: each vouches only for the file it saw published."""

import os

import pytest

from dagster_project.cli import refresh
from dagster_project.core.files import read_json
from dagster_project.landing.declarations import all_specs
from dagster_project.publish import records
from dagster_project.settings import Paths


@pytest.fixture
def home(tmp_path) -> Paths:
    return Paths(tmp_path / "home").ensure()


def _publish(home: Paths, content: bytes) -> None:
    tmp = home.home / "egov.duckdb.new"
    tmp.write_bytes(content)
    os.replace(tmp, home.published_db)


def test_record_vouches_only_for_the_file_it_saw_published(home):
    digest = "d1"
    records.record_refresh(home, digest, "run-1")
    assert records.unchanged_since(home, digest) is None, "nothing published: no record"
    _publish(home, b"first")
    records.record_refresh(home, digest, "run-1")
    assert records.unchanged_since(home, digest)["run_id"] == "run-1"
    assert records.unchanged_since(home, "another digest") is None
    _publish(home, b"second")  # published by something else (a report, the UI)
    assert records.unchanged_since(home, digest) is None
    records.record_refresh(home, digest, "run-2")
    assert records.unchanged_since(home, digest)["run_id"] == "run-2"
    records.forget_refresh(home)  # a run started
    assert records.unchanged_since(home, digest) is None


def test_shipped_sources_allow_the_shortcut(home):
    assert refresh._input_digest(home) is not None


def test_a_dataset_fetched_over_http_disables_the_shortcut(home, monkeypatch):
    spec = next(iter(all_specs().values()))
    http = type(spec)(**{**spec.__dict__, "default_mode": "http"})
    monkeypatch.setattr(refresh, "all_specs", lambda: {http.name: http})
    assert refresh._input_digest(home) is None
    assert records.unchanged_since(home, None) is None


def test_a_corrupt_record_is_named_and_read_as_absent(home, capsys):
    _publish(home, b"first")
    records.record_refresh(home, "d1", "run-1")
    home.shortcut_record.write_text('{"digest": "d1", "publ', encoding="utf-8")
    assert records.unchanged_since(home, "d1") is None
    assert str(home.shortcut_record) in capsys.readouterr().err
    assert not home.shortcut_record.exists(), "moved aside for inspection"


def test_the_pending_record_names_the_file_once_the_rename_happened(home):
    _publish(home, b"old file")
    records.record_published(home, {"sha256": "old", "run_id": "run-1", "identity": [8, 1]})
    new = home.home / "egov.duckdb.new"
    new.write_bytes(b"the new file")
    pending = {"sha256": "new", "run_id": "run-2", "identity": records.content_identity(new)}
    records.record_publishing(home, pending)
    assert records.published_record(home)["run_id"] == "run-1", "not renamed yet"
    os.replace(new, home.published_db)  # the refresh dies right after this
    assert records.published_record(home)["run_id"] == "run-2"
    records.reconcile(home)
    assert not home.publishing_record.exists()
    assert read_json(home.published_record)["run_id"] == "run-2"


def test_a_pending_record_of_a_publish_that_never_renamed_is_dropped(home):
    _publish(home, b"old file")
    records.record_published(
        home, {"run_id": "run-1", "identity": records.content_identity(home.published_db)}
    )
    records.record_publishing(home, {"run_id": "run-2", "identity": [1, 2]})
    records.reconcile(home)
    assert not home.publishing_record.exists()
    assert records.published_record(home)["run_id"] == "run-1"


def test_is_published_only_for_the_file_it_recorded(home):
    _publish(home, b"file")
    identity = records.content_identity(home.published_db)
    records.record_published(home, {"fingerprint": "f1", "identity": identity})
    assert records.is_published(home, "f1")
    assert not records.is_published(home, "f2")
    _publish(home, b"replaced by hand")
    assert not records.is_published(home, "f1")

"""Snapshot and drop landing: immutable content-addressed payloads and the last-good pointer."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest

from dagster_project.core.errors import InputError
from dagster_project.ingest.registry import parse_dataset
from dagster_project.landing.declarations import all_specs
from dagster_project.landing.land import current_payload, land, mark_current
from dagster_project.settings import paths


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EGOV_HOME", str(tmp_path))
    return tmp_path


def test_snapshot_lands_once_and_immutably(home):
    spec = all_specs()["nbs__gdp"]
    payload = land(spec)
    data = spec.snapshot_paths[0].read_bytes()
    assert payload.sha256 == hashlib.sha256(data).hexdigest()
    assert payload.landed_dir == home / "landing" / "nbs__gdp" / payload.sha256
    assert [f.name for f in payload.files] == ["nbs_fsnd_gdp_2006_2024_GBK.csv"]
    assert payload.files[0].read_bytes() == data
    assert not payload.files[0].stat().st_mode & 0o222  # read-only
    meta = json.loads((payload.landed_dir / "meta.json").read_text())
    assert meta["sha256"] == payload.sha256 and meta["size"] == len(data)
    assert meta["mode"] == "snapshot" and meta["url"] is None
    assert datetime.fromisoformat(meta["fetched_at"]).utcoffset().total_seconds() == 0
    again = land(spec)
    assert again.landed_dir == payload.landed_dir and again.changed  # not loaded yet
    assert json.loads((payload.landed_dir / "meta.json").read_text()) == meta  # not rewritten
    mark_current(spec, payload)
    assert land(spec).changed is False
    assert current_payload(spec).sha256 == payload.sha256


def test_multi_file_payload_is_addressed_by_its_manifest():
    spec = all_specs()["un_egdi__egdi"]
    payload = land(spec)
    manifest = "".join(
        f"{p.name}\t{hashlib.sha256(p.read_bytes()).hexdigest()}\n"
        for p in sorted(spec.snapshot_paths, key=lambda p: p.name)
    )
    assert payload.sha256 == hashlib.sha256(manifest.encode()).hexdigest()
    assert len(parse_dataset(spec, payload.files)) == 5 * 193


def drop(spec_name: str, name: str, data: bytes) -> Path:
    inbox = paths().inbox_dir / all_specs()[spec_name].modes["drop"]["inbox"]
    inbox.mkdir(parents=True, exist_ok=True)
    for old in inbox.iterdir():
        old.unlink()
    (inbox / name).write_bytes(data)
    return inbox / name


def test_bad_payload_is_kept_and_fails_again_until_fixed():
    spec = all_specs()["nbs__gdp"]
    good = spec.snapshot_paths[0].read_bytes()
    bad = good.replace("广东省".encode("gbk"), "粤省".encode("gbk"))
    drop(spec.name, "gdp.csv", bad)
    first = land(spec, mode="drop")
    with pytest.raises(InputError):
        parse_dataset(spec, first.files)  # so the loader does not call mark_current
    second = land(spec, mode="drop")
    assert (second.sha256, second.changed) == (first.sha256, True)  # not skipped
    with pytest.raises(InputError):
        parse_dataset(spec, second.files)
    assert second.files[0].read_bytes() == bad  # kept for inspection
    drop(spec.name, "gdp.csv", good)
    fixed = land(spec, mode="drop")
    parse_dataset(spec, fixed.files)
    mark_current(spec, fixed)
    assert land(spec, mode="drop").changed is False
    state = json.loads(paths().landing_state("nbs__gdp").read_text())
    assert state["current"]["sha256"] == fixed.sha256
    assert (paths().landing_dir / spec.name / first.sha256).is_dir()


def test_empty_inbox():
    spec = all_specs()["fred__dexchus"]
    with pytest.raises(InputError, match="nothing to land"):
        land(spec, mode="drop")
    loaded = land(spec, mode="snapshot")
    mark_current(spec, loaded)
    nothing_new = land(spec, mode="drop")
    assert (nothing_new.sha256, nothing_new.changed, nothing_new.not_modified) == (
        loaded.sha256,
        False,
        True,
    )


def test_drop_pattern_and_explicit_files(tmp_path):
    spec = all_specs()["un_egdi__egdi"]
    inbox = paths().inbox_dir / "un_egdi" / "egdi"
    inbox.mkdir(parents=True)
    for path in spec.snapshot_paths[-2:]:
        (inbox / path.name).write_bytes(path.read_bytes())
    (inbox / "README.md").write_text("not data")
    dropped = land(spec, mode="drop")
    assert [f.name for f in dropped.files] == ["un_egdi_2016.csv", "un_egdi_2018.csv"]
    one = land(spec, files=[spec.snapshot_paths[0]])
    assert one.mode == "drop" and [f.name for f in one.files] == ["un_egdi_2010.csv"]


def test_unusable_file_name_is_refused(tmp_path):
    spec = dataclasses.replace(all_specs()["fred__dexchus"])
    meta = tmp_path / "meta.json"
    meta.write_text("{}")
    with pytest.raises(InputError, match="unusable file name"):
        land(spec, files=[meta])

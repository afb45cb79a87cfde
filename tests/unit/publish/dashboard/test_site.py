"""Building the site: every file in place, the same bytes from the same file, an atomic swap
of the `dashboard` link, old versions pruned, and a failed build changing nothing."""

import hashlib
import json
import os
from pathlib import Path

import duckdb
import pytest

from dagster_project.publish.dashboard.record import is_current
from dagster_project.publish.dashboard.site import build_dashboard, versions_dir


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file under the (resolved) site, by relative path."""
    real = root.resolve()
    return {
        str(p.relative_to(real)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(real.rglob("*"))
        if p.is_file()
    }


def test_the_site_is_complete_and_self_contained(home, dashboard_cache):
    result = build_dashboard(home, dashboard_cache)
    site = home.dashboard_dir
    assert site.is_symlink() and result.index == site / "index.html"
    assert result.pages == ["index.html", "regional.html", "segments.html", "facts.html",
                            "quality.html"]  # fmt: skip
    for name in [*result.pages, "assets/vega.js", "assets/dashboard.js", "assets/dashboard.css",
                 "sql/spend_by_year.sql", "sql/spend_by_year.html",
                 "sql/models/marts.spend_by_year.html"]:  # fmt: skip
        assert (site / name).is_file(), name
    bundle = (site / "assets" / "vega.js").read_text(encoding="utf-8")
    assert "window.vegaEmbed" in bundle
    for page in result.pages:
        text = (site / page).read_text(encoding="utf-8")
        assert '<script src="assets/vega.js">' in text and "<link" in text
        assert "cdn" not in text.lower()
    record = json.loads((site / "build.json").read_text(encoding="utf-8"))
    assert record["published_sha256"] == result.published_sha256
    assert is_current(home)


def test_the_same_published_file_gives_the_same_bytes(home, dashboard_cache):
    build_dashboard(home, dashboard_cache)
    first = tree_digest(home.dashboard_dir)
    build_dashboard(home, dashboard_cache)
    assert tree_digest(home.dashboard_dir) == first


def test_a_new_build_swaps_the_link_and_keeps_two_versions(home, dashboard_cache):
    first = build_dashboard(home, dashboard_cache).index.resolve().parent
    (versions_dir(home) / "20000101T000000-dead00.tmp").mkdir()  # a killed build's leftover
    con = duckdb.connect(str(home.published_db))
    con.execute("insert into audit.publish_log values ('2026-12-02 08:00:00+00', 'run-3', 'f')")
    con.close()
    assert not is_current(home)
    second = build_dashboard(home, dashboard_cache).index.resolve().parent
    third = build_dashboard(home, dashboard_cache).index.resolve().parent
    assert len({first, second, third}) == 3
    assert sorted(p.name for p in versions_dir(home).iterdir()) == [second.name, third.name]
    assert os.readlink(home.dashboard_dir) == f"dashboard_versions/{third.name}"
    assert "run-3" in (home.dashboard_dir / "index.html").read_text(encoding="utf-8")


def test_a_build_that_fails_leaves_the_site_byte_identical(home, dashboard_cache):
    build_dashboard(home, dashboard_cache)
    link, before = os.readlink(home.dashboard_dir), tree_digest(home.dashboard_dir)
    con = duckdb.connect(str(home.published_db))
    con.execute("drop table marts.segment_forecasts")
    con.close()
    with pytest.raises(RuntimeError, match="segment_forecasts"):
        build_dashboard(home, dashboard_cache)
    assert os.readlink(home.dashboard_dir) == link
    assert tree_digest(home.dashboard_dir) == before

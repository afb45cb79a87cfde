"""Make province outlines light enough for a web page (pure functions on GeoJSON coordinates).

The boundary files carry metre-level detail (7 MB, 790,000 vertices for the provinces); a
national map drawn 600 pixels wide shows about 0.1 degrees per pixel. Snapping to a grid of
`GRID` degrees keeps neighbouring provinces' shared borders identical (the same vertices snap
to the same points), then Douglas-Peucker with a tolerance well under a pixel removes the
rest. Small islands that either step would erase are kept at a finer grid, so the South China
Sea islands stay on the map. numpy does the arithmetic: in plain Python the same work takes
seconds of every first build.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

GRID = 0.01
FINE_GRID = 0.001
TOLERANCE = 0.02
MIN_RING = 4  # a closed ring: three corners and the repeated first point


def snap(line: Sequence[Sequence[float]] | np.ndarray, grid: float) -> np.ndarray:
    """Vertices rounded to the grid (x, y only), consecutive duplicates dropped."""
    try:
        points = np.asarray(line, dtype=float)[:, :2]
    except ValueError:  # GeoJSON allows an altitude on some vertices and not on others
        points = np.asarray([p[:2] for p in line], dtype=float)
    snapped = np.round(np.round(points / grid) * grid, 4)
    if len(snapped) < 2:
        return snapped
    moved = np.any(snapped[1:] != snapped[:-1], axis=1)
    return snapped[np.concatenate(([True], moved))]


def douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """The vertices that keep the line within `tolerance` of the original."""
    if len(points) < 3:
        return points
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        start, end = points[first], points[last]
        inner = points[first + 1 : last]
        dx, dy = end - start
        length = dx * dx + dy * dy
        if length == 0:
            distance = np.sum((inner - start) ** 2, axis=1)
        else:
            cross = (inner[:, 0] - start[0]) * dy - (inner[:, 1] - start[1]) * dx
            distance = cross * cross / length
        farthest = int(np.argmax(distance))
        if distance[farthest] > limit:
            split = first + 1 + farthest
            keep[split] = True
            stack.extend([(first, split), (split, last)])
    return points[keep]


def simplify_ring(ring: Sequence[Sequence[float]]) -> list[list[float]] | None:
    """A lighter ring, or None for an islet too small to be drawn at any grid."""
    snapped = snap(ring, GRID)
    if len(snapped) < MIN_RING:
        snapped = snap(ring, FINE_GRID)
        if len(snapped) < MIN_RING:
            return None
    simplified = douglas_peucker(snapped, TOLERANCE)
    return (simplified if len(simplified) >= MIN_RING else snapped).tolist()


def simplify_multipolygon(polygons: Sequence) -> list[list[list[list[float]]]]:
    """MultiPolygon coordinates simplified ring by ring; empty polygons dropped."""
    out = []
    for polygon in polygons:
        rings = [r for r in (simplify_ring(ring) for ring in polygon) if r is not None]
        if rings:
            out.append(rings)
    return out


def simplify_lines(lines: Sequence) -> list[list[list[float]]]:
    """MultiLineString coordinates simplified (the maritime boundary's dashes)."""
    out = []
    for line in lines:
        snapped = snap(line, FINE_GRID)
        if len(snapped) >= 2:
            out.append(douglas_peucker(snapped, TOLERANCE).tolist())
    return out

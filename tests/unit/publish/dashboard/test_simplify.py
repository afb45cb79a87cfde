"""Outline simplification: shared borders stay shared, rings stay closed, islands survive."""

import numpy as np

from dagster_project.publish.dashboard.simplify import (
    FINE_GRID,
    GRID,
    TOLERANCE,
    douglas_peucker,
    simplify_multipolygon,
    simplify_ring,
    snap,
)


def _wiggly_edge(n: int) -> list[list[float]]:
    """From (0, 0) to (1, 0) with noise far below the grid."""
    return [[i / n, 0.0004 * ((-1) ** i)] for i in range(n + 1)]


def test_snap_rounds_to_the_grid_and_drops_repeated_vertices():
    snapped = snap([[0.0, 0.0], [0.001, 0.002], [0.004, 0.0], [0.5, 0.5, 12.0]], GRID)
    assert snapped.tolist() == [[0.0, 0.0], [0.5, 0.5]]


def test_two_provinces_sharing_an_edge_keep_identical_border_vertices():
    edge = _wiggly_edge(500)
    south = [*edge, [1.0, -1.0], [0.0, -1.0], [0.0, 0.0]]
    north = [*reversed(edge), [0.0, 1.0], [1.0, 1.0], [1.0, 0.0]]
    a = {tuple(p) for p in snap(south, GRID).tolist()}
    b = {tuple(p) for p in snap(north, GRID).tolist()}
    shared = {p for p in a if p[1] == 0.0}
    assert shared and shared <= b


def test_douglas_peucker_keeps_corners_and_drops_collinear_points():
    line = np.array([[x / 100, 0.0] for x in range(101)] + [[1.0, 1.0]])
    kept = douglas_peucker(line, TOLERANCE)
    assert kept.tolist() == [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]


def test_a_simplified_ring_is_closed_and_much_lighter():
    ring = [[np.cos(t), np.sin(t)] for t in np.linspace(0, 2 * np.pi, 5000)]
    ring[-1] = ring[0]
    out = simplify_ring(ring)
    assert out is not None and out[0] == out[-1]
    assert 4 <= len(out) < 200


def test_an_island_smaller_than_the_grid_is_kept_at_the_fine_grid_and_a_speck_dropped():
    island = [[10.0, 10.0], [10.004, 10.0], [10.004, 10.004], [10.0, 10.004], [10.0, 10.0]]
    kept = simplify_ring(island)
    assert kept is not None and len(kept) == 5
    speck = [[p[0] + FINE_GRID / 10 * i, p[1]] for i, p in enumerate([[20.0, 20.0]] * 5)]
    assert simplify_ring(speck) is None
    assert simplify_multipolygon([[island], [speck]]) == [[kept]]

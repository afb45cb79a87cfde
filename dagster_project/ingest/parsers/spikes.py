"""Single-year spikes in a long panel: a value far above or below BOTH neighbouring years.

A yearbook series of one province moves gradually; a value at least SPIKE_RATIO times (or at
most 1/SPIKE_RATIO of) the previous and the next year's value is a typing or unit slip in the
compilation, not a development (内蒙古 software revenue 2021: 277.8 亿元 between 14.4 and 8.1).
With 3, the shipped panel has exactly three such cells, all visibly wrong; genuine growth
spurts (IPv4 or domain-name reallocations) stay below it. The first and last year of a series
have one neighbour and are never flagged. The value is kept; only `value_flag` says `spike`.
"""

from __future__ import annotations

import pandas as pd

SPIKE_RATIO = 3.0
SPIKE = "spike"


def flag_spikes(frame: pd.DataFrame) -> pd.DataFrame:
    """`value_flag = spike` where a positive value is SPIKE_RATIO× away from both neighbours."""
    ordered = frame.sort_values(["region_code", "indicator", "year"])
    series = ordered.groupby(["region_code", "indicator"])["value"]
    previous, following = series.shift(1), series.shift(-1)
    value = ordered["value"]
    positive = (value > 0) & (previous > 0) & (following > 0)
    high = (value >= SPIKE_RATIO * previous) & (value >= SPIKE_RATIO * following)
    low = (value * SPIKE_RATIO <= previous) & (value * SPIKE_RATIO <= following)
    # Neighbours must be the adjacent years, not the nearest reported ones.
    years = ordered.groupby(["region_code", "indicator"])["year"]
    adjacent = (years.shift(1) == ordered["year"] - 1) & (years.shift(-1) == ordered["year"] + 1)
    spikes = ordered.index[positive & adjacent & (high | low)]
    result = frame.copy()
    result.loc[spikes, "value_flag"] = SPIKE
    return result

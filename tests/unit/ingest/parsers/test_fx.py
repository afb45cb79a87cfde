"""ECB and FRED parsers on the shipped snapshots."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dagster_project.ingest.registry import dropped_rows, parse_dataset
from dagster_project.landing.declarations import all_specs


def parsed(name: str) -> pd.DataFrame:
    spec = all_specs()[name]
    return parse_dataset(spec, spec.snapshot_paths)


def yearly_mean(frame: pd.DataFrame, year: int) -> float:
    years = pd.to_datetime(frame.rate_date).dt.year
    return float(frame.loc[years == year, "cny_per_usd"].mean())


def test_ecb_rows_newest_first_with_implied_cny_per_usd():
    ecb = parsed("ecb__eurofxref")
    assert len(ecb) == 6958
    first = ecb.iloc[0]
    assert first.rate_date == date(2026, 3, 5)
    assert first.cny_per_usd == pytest.approx(8.0177 / 1.1618)
    assert ecb.rate_date.min() == date(1999, 1, 4)
    assert ecb.loc[ecb.rate_date < date(2005, 4, 1), "cny_per_eur"].isna().all()


def test_fred_skips_us_holidays():
    fred = parsed("fred__dexchus")
    assert len(fred) == 11_571 - 500
    assert fred.cny_per_usd.notna().all()
    dropped = dropped_rows(fred)
    assert len(dropped) == 500 and dropped.reason.str.contains("holiday").all()


def test_ecb_and_fred_agree_on_2023():
    ecb, fred = (
        yearly_mean(parsed("ecb__eurofxref"), 2023),
        yearly_mean(parsed("fred__dexchus"), 2023),
    )
    assert ecb == pytest.approx(7.0846, abs=5e-5)
    assert fred == pytest.approx(7.0809, abs=5e-5)
    assert abs(ecb / fred - 1) < 0.005

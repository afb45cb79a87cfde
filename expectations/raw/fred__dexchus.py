"""raw.fred__dexchus: FRED DEXCHUS, CNY per USD, one row per US business day since 1981.

Blocking: the FRED rates of marts.fct_fx_rates come from here.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.fred__dexchus",
    "first_day": "select cast(min(rate_date) as varchar) as first_day from raw.fred__dexchus",
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=["rate_date", "cny_per_usd"], exact_match=False
            ),
            # 11,071 valued days to 2025-05-09; about 250 more a year.
            gxe.ExpectTableRowCountToBeBetween(min_value=11_000, max_value=16_000),
            gxe.ExpectColumnValuesToNotBeNull(column="rate_date"),
            gxe.ExpectColumnValuesToBeUnique(column="rate_date"),
            gxe.ExpectColumnValuesToNotBeNull(column="cny_per_usd"),
            # 1981 = 1.53; the peg years ≈ 8.28; since 2015 ≈ 6–7.3
            gxe.ExpectColumnValuesToBeBetween(column="cny_per_usd", min_value=1.0, max_value=10.0),
        ],
        "first_day": [
            gxe.ExpectColumnValuesToBeInSet(column="first_day", value_set=["1981-01-02"]),
        ],
    }

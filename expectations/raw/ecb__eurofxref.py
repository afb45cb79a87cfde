"""raw.ecb__eurofxref: ECB euro reference rates of USD and CNY, one row per day since 1999.

Blocking: the ECB cross rates of marts.fct_fx_rates come from here.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.ecb__eurofxref",
    "cny_quoted": (
        "select cny_per_eur, cny_per_usd from raw.ecb__eurofxref "
        "where rate_date >= date '2005-04-01'"
    ),
    "first_day": "select cast(min(rate_date) as varchar) as first_day from raw.ecb__eurofxref",
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=["rate_date", "usd_per_eur", "cny_per_eur", "cny_per_usd"],
                exact_match=False,
            ),
            # 6,958 TARGET days to 2026-03-05; about 256 more a year.
            gxe.ExpectTableRowCountToBeBetween(min_value=6_900, max_value=12_000),
            gxe.ExpectColumnValuesToNotBeNull(column="rate_date"),
            gxe.ExpectColumnValuesToBeUnique(column="rate_date"),
            gxe.ExpectColumnValuesToNotBeNull(column="usd_per_eur"),
            gxe.ExpectColumnValuesToBeBetween(column="usd_per_eur", min_value=0.7, max_value=1.8),
            gxe.ExpectColumnValuesToBeBetween(column="cny_per_eur", min_value=5.0, max_value=13.0),
            gxe.ExpectColumnValuesToBeBetween(column="cny_per_usd", min_value=5.0, max_value=9.0),
        ],
        "cny_quoted": [
            gxe.ExpectColumnValuesToNotBeNull(column="cny_per_eur"),
            gxe.ExpectColumnValuesToNotBeNull(column="cny_per_usd"),
        ],
        "first_day": [
            gxe.ExpectColumnValuesToBeInSet(column="first_day", value_set=["1999-01-04"]),
        ],
    }

"""marts.fct_fx_rates: one CNY per USD rate per date and source (ecb, fred), within 1–10.

Blocking: every conversion between yuan and dollars uses these rates.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_fx_rates",
    "per_source": """
        select source, count(*) as days, cast(min(rate_date) as varchar) as first_day
        from marts.fct_fx_rates
        group by source
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=["rate_date", "source", "cny_per_usd"], exact_match=False
            ),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["rate_date", "source"]),
            gxe.ExpectColumnValuesToNotBeNull(column="rate_date"),
            gxe.ExpectColumnValuesToBeInSet(column="source", value_set=["ecb", "fred"]),
            gxe.ExpectColumnValuesToNotBeNull(column="cny_per_usd"),
            gxe.ExpectColumnValuesToBeBetween(column="cny_per_usd", min_value=1.0, max_value=10.0),
        ],
        "per_source": [
            gxe.ExpectTableRowCountToEqual(value=2),
            gxe.ExpectColumnValuesToBeBetween(column="days", min_value=5_000, max_value=20_000),
            # ECB quotes CNY from 2005-04-01, FRED DEXCHUS starts 1981-01-02.
            gxe.ExpectColumnValuesToBeInSet(
                column="first_day", value_set=["2005-04-01", "1981-01-02"]
            ),
        ],
    }

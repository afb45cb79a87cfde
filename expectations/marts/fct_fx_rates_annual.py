"""marts.fct_fx_rates_annual: annual CNY/USD averages; ECB and FRED agree within 0.5 %.

Blocking: annual averages convert yearly market and budget figures between CNY and USD.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_fx_rates_annual",
    "year_2023": """
        select
            max(case when source = 'ecb' then avg_cny_per_usd end)
            / max(case when source = 'fred' then avg_cny_per_usd end) - 1 as ecb_vs_fred
        from marts.fct_fx_rates_annual
        where year = 2023
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "year",
                    "source",
                    "avg_cny_per_usd",
                    "observation_count",
                    "is_complete_year",
                    "ecb_vs_fred_rel_diff",
                ],
                exact_match=False,
            ),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["year", "source"]),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=1981, max_value=2035),
            gxe.ExpectColumnValuesToBeInSet(column="source", value_set=["ecb", "fred"]),
            gxe.ExpectColumnValuesToNotBeNull(column="avg_cny_per_usd"),
            gxe.ExpectColumnValuesToBeBetween(
                column="avg_cny_per_usd", min_value=1.0, max_value=10.0
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="observation_count", min_value=1, max_value=366
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="ecb_vs_fred_rel_diff", min_value=-0.005, max_value=0.005
            ),
        ],
        "year_2023": [
            # ECB ≈ 7.0846, FRED ≈ 7.0809
            gxe.ExpectColumnValuesToNotBeNull(column="ecb_vs_fred"),
            gxe.ExpectColumnValuesToBeBetween(
                column="ecb_vs_fred", min_value=-0.005, max_value=0.005
            ),
        ],
    }

"""marts.fct_claim_official_checks: every claim of an official metric listed, its status true.

Blocking: a report figure that contradicts the official statistics must be listed, not
hidden; a claim left out, a status that contradicts its tolerance or a difference not equal
to claim minus official value would hide one.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "marts.fct_claim_official_checks",
    # Every claim whose metric maps to an official series is listed exactly once.
    "coverage": """
        select
            (select count(*) from marts.fct_report_claims as claims
                inner join raw.claim_official_series as series
                    on claims.metric_id = series.metric_id) as n_mapped_claims,
            (select count(*) from marts.fct_claim_official_checks) as n_listed
    """,
    # consistent exactly when the official value lies within the claim's interval, widened
    # by the tolerance; the difference is claim minus official.
    "recomputed": """
        select
            claim_id,
            status,
            case
                when official_value is null then 'no_official_value'
                when greatest(coalesce(claim_value_low - official_value, 0),
                        coalesce(official_value - claim_value_high, 0), 0)
                    <= tolerance_in_unit + 1e-9 * greatest(abs(official_value), 1)
                    then 'consistent'
                else 'differs'
            end as expected_status,
            coalesce(abs(difference - (claim_value - official_value)) <= 1e-6, true)
                as is_difference_recomputed
        from marts.fct_claim_official_checks
    """,
    # A provincial official value is the province's value in fct_province_stats.
    "province_values": """
        select
            checks.claim_id,
            abs(checks.official_value - case checks.official_measure
                when 'gdp_cny' then cast(stats.gdp_cny as double)
                when 'population' then cast(stats.population as double)
                when 'budget_expenditure_cny' then cast(stats.budget_expenditure_cny as double)
                when 'budget_revenue_cny' then cast(stats.budget_revenue_cny as double)
                when 'gdp_per_capita'
                    then cast(stats.gdp_cny as double) / stats.population
            end) / greatest(abs(checks.official_value), 1) as relative_difference
        from marts.fct_claim_official_checks as checks
        inner join marts.fct_province_stats as stats
            on checks.region_code = stats.region_code and checks.period_year = stats.year
        where checks.official_basis = 'province'
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "claim_id",
                    "metric_id",
                    "region_code",
                    "period_year",
                    "unit",
                    "qualifier",
                    "claim_value",
                    "official_measure",
                    "official_basis",
                    "official_value",
                    "difference",
                    "relative_difference_pct",
                    "outside_by",
                    "tolerance",
                    "status",
                ],
                exact_match=False,
            ),
            gxe.ExpectColumnValuesToBeBetween(column="outside_by", min_value=0),
        ],
        "coverage": [
            gxe.ExpectColumnPairValuesToBeEqual(column_A="n_mapped_claims", column_B="n_listed"),
        ],
        "recomputed": [
            gxe.ExpectColumnPairValuesToBeEqual(column_A="status", column_B="expected_status"),
            gxe.ExpectColumnValuesToBeInSet(column="is_difference_recomputed", value_set=[True]),
        ],
        "province_values": [
            gxe.ExpectColumnValuesToBeBetween(
                column="relative_difference", min_value=0, max_value=1e-9
            ),
        ],
    }

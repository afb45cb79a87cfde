"""raw.digital_economy__panel: 24 yearbook indicators for 31 provinces, 2013–2023, long.

Blocking: the digital-infrastructure and market-activity pillars of
marts.regional_maturity_index come from here. The known defects must stay marked: the
spliced telecom revenue, the territory-driven cable length, the enterprise-only computer
count and the unofficial integration index as caveats; the ×19 software-revenue outlier of
Inner Mongolia 2021 as a spike. An unmarked spike in a used series would reach the index.
"""

from great_expectations import expectations as gxe

CRITICAL = True

BATCHES = {
    "all": "raw.digital_economy__panel",
    "per_year": """
        select year, indicator, count(distinct region_code) as provinces
        from raw.digital_economy__panel
        group by year, indicator
    """,
    "caveats": """
        select indicator, min(indicator_caveat) as caveat, count(*) as n_rows
        from raw.digital_economy__panel
        where indicator in (
            'telecom_revenue', 'optical_cable_length', 'computers_per_100_people',
            'digital_real_integration_index'
        )
        group by indicator
        having count(distinct coalesce(indicator_caveat, '')) = 1
    """,
    "inner_mongolia_software_2021": """
        select value_flag
        from raw.digital_economy__panel
        where region_code = '150000' and year = 2021 and indicator = 'software_revenue'
    """,
    # A value 3× above or below both neighbouring years that is not marked as a spike.
    "unflagged_spikes": """
        select cur.region_code, cur.indicator, cur.year
        from raw.digital_economy__panel as cur
        inner join raw.digital_economy__panel as prev
            on cur.region_code = prev.region_code and cur.indicator = prev.indicator
            and prev.year = cur.year - 1
        inner join raw.digital_economy__panel as nxt
            on cur.region_code = nxt.region_code and cur.indicator = nxt.indicator
            and nxt.year = cur.year + 1
        where cur.value_flag is null and cur.value > 0 and prev.value > 0 and nxt.value > 0
            and (
                (cur.value >= 3 * prev.value and cur.value >= 3 * nxt.value)
                or (3 * cur.value <= prev.value and 3 * cur.value <= nxt.value)
            )
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=[
                    "region_code",
                    "year",
                    "indicator",
                    "value",
                    "unit",
                    "indicator_caveat",
                    "value_flag",
                ],
                exact_match=False,
            ),
            gxe.ExpectTableRowCountToBeBetween(min_value=31 * 24 * 11, max_value=31 * 24 * 20),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["region_code", "year", "indicator"]),
            gxe.ExpectColumnValuesToMatchRegex(column="region_code", regex=r"^[1-6][0-9]0000$"),
            gxe.ExpectColumnValuesToBeBetween(column="year", min_value=2010, max_value=2035),
            gxe.ExpectColumnValuesToBeInSet(
                column="value_flag", value_set=["not_reported", "spike"]
            ),
            gxe.ExpectColumnValuesToBeInSet(
                column="indicator_caveat",
                value_set=[
                    "spliced_series",
                    "territory_scaled",
                    "enterprise_only",
                    "unofficial_publisher",
                ],
            ),
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=0),
            # Empty cells (IPv4 2015–2016, mobile internet 2013, digital TV 2023) are the
            # exception; a mostly empty panel is a broken read.
            gxe.ExpectColumnValuesToNotBeNull(column="value", mostly=0.95),
        ],
        "per_year": [
            gxe.ExpectColumnValuesToBeBetween(column="provinces", min_value=31, max_value=31),
        ],
        "caveats": [
            gxe.ExpectTableRowCountToEqual(value=4),
            gxe.ExpectColumnValuesToNotBeNull(column="caveat"),
        ],
        "inner_mongolia_software_2021": [
            gxe.ExpectTableRowCountToEqual(value=1),
            gxe.ExpectColumnValuesToNotBeNull(column="value_flag"),
            gxe.ExpectColumnValuesToBeInSet(column="value_flag", value_set=["spike"]),
        ],
        "unflagged_spikes": [gxe.ExpectTableRowCountToEqual(value=0)],
    }

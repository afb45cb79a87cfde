-- Every provincial series of an NBS payload, year over year, for the suites of the NBS
-- datasets: the change of each value, the change of its share of the sum of provinces (a
-- province off by a factor moves both where the error starts or ends), and its ratio to the
-- same cell as last loaded (a whole series off by a factor moves that).
with

payload as (
    select * from {{ payload }}
),

previous as (
    select * from {{ previous }}
),

provinces_summed as (
    select
        indicator,
        year,
        sum(value) as provinces_value
    from payload
    group by indicator, year
),

shares as (
    select
        payload.*,
        payload.value / nullif(provinces_summed.provinces_value, 0) as share_of_provinces
    from payload
    inner join provinces_summed
        on
            payload.indicator = provinces_summed.indicator
            and payload.year = provinces_summed.year
),

steps as (
    select
        shares.*,
        shares.value / nullif(lag(shares.value) over by_series, 0) as yoy_ratio,
        shares.share_of_provinces
        / nullif(lag(shares.share_of_provinces) over by_series, 0) as share_ratio
    from shares
    window by_series as (partition by shares.region_code, shares.indicator order by shares.year)
)

select
    steps.source_file,
    steps.source_row,
    steps.source_column,
    steps.region_code,
    steps.indicator,
    steps.year,
    steps.value,
    steps.yoy_ratio,
    steps.share_ratio,
    steps.value / nullif(previous.value, 0) as revision_ratio
from steps
left join previous
    on
        steps.region_code = previous.region_code
        and steps.indicator = previous.indicator
        and steps.year = previous.year

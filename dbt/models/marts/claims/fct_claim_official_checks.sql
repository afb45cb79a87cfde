{#- Every claim of a metric that an official series measures (seeds/claim_official_series)
    is listed, whether or not the warehouse holds the official value:
      province          fct_province_stats of the province (GDP, population, budget
                        expenditure and revenue; GDP per head = GDP / population);
      sum_of_provinces  a national claim (CN) against the sum of the 31 provinces, for years
                        all 31 report (GDP per head: ratio_of_sums);
      country           China's EGDI and EGDI rank in a UN survey year (fct_egov_index).
    outside_by is how far the official value lies outside the claim's interval (0 inside it:
    a floor of 7万亿元 and an official 7.68万亿元 are consistent); within the tolerance of
    seeds/claim_tolerances (relative to the official value) the claim is consistent. -#}
with

claims as (
    select * from {{ ref('fct_report_claims') }}
),

series as (
    select * from {{ ref('claim_official_series') }}
),

province_stats as (
    select * from {{ ref('fct_province_stats') }}
),

egov_index as (
    select * from {{ ref('fct_egov_index') }}
),

province_values as (
    select
        region_code,
        year,
        cast(gdp_cny as double) as gdp_cny,
        cast(population as double) as population,
        cast(budget_expenditure_cny as double) as budget_expenditure_cny,
        cast(budget_revenue_cny as double) as budget_revenue_cny,
        cast(gdp_cny as double) / nullif(population, 0) as gdp_per_capita,
        'province' as official_basis
    from province_stats
),

national_values as (
    select
        'CN' as region_code,
        year,
        case when count(gdp_cny) = 31 then sum(gdp_cny) end as gdp_cny,
        case when count(population) = 31 then sum(population) end as population,
        case when count(budget_expenditure_cny) = 31 then sum(budget_expenditure_cny) end
            as budget_expenditure_cny,
        case when count(budget_revenue_cny) = 31 then sum(budget_revenue_cny) end
            as budget_revenue_cny,
        case
            when count(gdp_cny) = 31 and count(population) = 31
                then sum(gdp_cny) / nullif(sum(population), 0)
        end as gdp_per_capita,
        'sum_of_provinces' as official_basis
    from province_values
    group by year
),

region_values as (
    select * from province_values
    union all
    select * from national_values
),

official as (
    select
        region_code,
        year,
        'gdp_cny' as official_measure,
        gdp_cny as official_value,
        official_basis
    from region_values
    where gdp_cny is not null
    union all
    select
        region_code,
        year,
        'population' as official_measure,
        population as official_value,
        official_basis
    from region_values
    where population is not null
    union all
    select
        region_code,
        year,
        'budget_expenditure_cny' as official_measure,
        budget_expenditure_cny as official_value,
        official_basis
    from region_values
    where budget_expenditure_cny is not null
    union all
    select
        region_code,
        year,
        'budget_revenue_cny' as official_measure,
        budget_revenue_cny as official_value,
        official_basis
    from region_values
    where budget_revenue_cny is not null
    union all
    select
        region_code,
        year,
        'gdp_per_capita' as official_measure,
        gdp_per_capita as official_value,
        case
            when official_basis = 'province' then official_basis else 'ratio_of_sums'
        end as official_basis
    from region_values
    where gdp_per_capita is not null
    union all
    select
        'CN' as region_code,
        survey_year as year,
        'egdi' as official_measure,
        cast(egdi as double) as official_value,
        'country' as official_basis
    from egov_index
    where is_china
    union all
    select
        'CN' as region_code,
        survey_year as year,
        'egdi_rank' as official_measure,
        cast(egdi_rank as double) as official_value,
        'country' as official_basis
    from egov_index
    where is_china
),

tolerances as (
    select * from {{ ref('claim_tolerances') }}
),

checked as (
    select
        claims.*,
        series.official_measure,
        series.official_relation,
        official.official_basis,
        official.official_value,
        coalesce(claims.value, (claims.value_low + claims.value_high) / 2) as claim_value,
        greatest(
            coalesce(claims.value_low - official.official_value, 0),
            coalesce(official.official_value - claims.value_high, 0),
            0
        ) as outside_by,
        coalesce(metric_tolerance.tolerance, unit_tolerance.tolerance) as tolerance,
        coalesce(metric_tolerance.tolerance_kind, unit_tolerance.tolerance_kind)
            as tolerance_kind
    from claims
    inner join series on claims.metric_id = series.metric_id
    left join official
        on
            series.official_measure = official.official_measure
            and claims.region_code = official.region_code
            and claims.period_year = official.year
    left join tolerances as metric_tolerance
        on claims.unit = metric_tolerance.unit and claims.metric_id = metric_tolerance.metric_id
    left join tolerances as unit_tolerance
        on claims.unit = unit_tolerance.unit and unit_tolerance.metric_id is null
),

measured as (
    select
        *,
        claim_value - official_value as difference,
        (claim_value - official_value) / nullif(abs(official_value), 0) * 100
            as relative_difference_pct,
        case tolerance_kind
            when 'relative_pct' then tolerance * abs(official_value) / 100
            else tolerance
        end as tolerance_in_unit
    from checked
),

final as (
    select
        claim_id,
        consensus_id,
        document_id,
        edition,
        metric_id,
        metric_name_zh,
        metric_name_en,
        region_code,
        region_name_zh,
        region_level,
        period_year,
        unit,
        kind,
        bound_kind,
        qualifier,
        claim_value,
        value_low as claim_value_low,
        value_high as claim_value_high,
        is_preferred,
        fact_ids,
        official_measure,
        official_relation,
        official_basis,
        official_value,
        difference,
        relative_difference_pct,
        outside_by,
        tolerance,
        tolerance_kind,
        tolerance_in_unit,
        case
            when official_value is null then 'no_official_value'
            -- A billionth of the value absorbs floating-point noise.
            when outside_by <= tolerance_in_unit + 1e-9 * greatest(abs(official_value), 1)
                then 'consistent'
            else 'differs'
        end as status
    from measured
)

select * from final

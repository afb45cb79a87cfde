-- A provincial official value is the province's value in fct_province_stats.
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

{#- Every consistency check between the report's money statements and the paths built from
    them; each check is listed whatever its outcome (status ok | mismatch | not_checkable |
    different_scope | review), mismatches are never dropped:
      cagr_vs_endpoints     stated CAGR vs the CAGR recomputed from the first and last stated
                            point figures of the series (a bound CAGR only fails below it);
      growth_vs_recomputed  stated year-on-year growth vs the growth of two stated years;
      bound_vs_path         a stated floor or ceiling vs the base path in its year;
      duplicate_statement   the same series, role and year stated more than once;
      other_source          the same metric from another publisher vs the series (anchor vs
                            base path, CAGR vs CAGR);
      scope_comparison      the two headline series (in_band_spread) side by side: alike in
                            name, different in scope, never to be added or swapped;
      subset_check          a series that is part of another must stay below it;
      identical_growth      two different series stating the same growth in the same year.
    Tolerances are parameters of seeds/analytical_parameters. -#}
with

statements as (
    select * from {{ ref('int_spend_statements_collected') }}
),

paths as (
    select * from {{ ref('int_spend_paths_filled') }}
),

series as (
    select * from {{ ref('spend_series') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

tolerances as (
    select
        max(case when parameter_id = 'cagr_tolerance_pp' then value end) as cagr_pp,
        max(case when parameter_id = 'growth_tolerance_pp' then value end) as growth_pp,
        max(case when parameter_id = 'value_tolerance_pct' then value end) as value_pct
    from parameters
),

own as (
    select * from statements
    where is_series_source
),

stated_points as (
    select
        series_id,
        period_year,
        min(value) as value,
        {{ xdb_listagg("fact_id", "','", "order by fact_id") }} as fact_ids
    from own
    where statement_role = 'anchor' and qualifier in ('=', '~') and period_year is not null
    group by series_id, period_year
),

endpoints as (
    select
        series_id,
        min(period_year) as first_year,
        max(period_year) as last_year
    from stated_points
    group by series_id
),

cagr_statements as (
    select
        series_id,
        period_year,
        value,
        qualifier,
        fact_id,
        row_number() over (
            partition by series_id order by period_year desc, edition desc, char_start asc
        ) as preference
    from own
    where statement_role = 'cagr'
),

cagr_checks as (
    select
        'cagr_vs_endpoints' as check_type,
        cagr.series_id,
        cast(null as {{ xdb_type_string() }}) as compared_series_id,
        endpoints.first_year as year,
        endpoints.last_year as compared_year,
        cagr.value as stated_value,
        case
            when endpoints.last_year > endpoints.first_year
                then
                    (power(
                        last_point.value / first_point.value,
                        1.0 / (endpoints.last_year - endpoints.first_year)
                    ) - 1) * 100
        end as recomputed_value,
        'percent' as unit,
        tolerances.cagr_pp as tolerance,
        cagr.qualifier,
        {{ xdb_concat([
            "cagr.fact_id", "','", "first_point.fact_ids", "','", "last_point.fact_ids"
        ]) }} as source_fact_ids,
        'Stated CAGR vs the rate between the first and last stated point figures'
            as note
    from cagr_statements as cagr
    inner join endpoints on cagr.series_id = endpoints.series_id
    inner join stated_points as first_point
        on
            endpoints.series_id = first_point.series_id
            and endpoints.first_year = first_point.period_year
    inner join stated_points as last_point
        on
            endpoints.series_id = last_point.series_id
            and endpoints.last_year = last_point.period_year
    cross join tolerances
    where cagr.preference = 1
),

growth_checks as (
    select
        'growth_vs_recomputed' as check_type,
        growth.series_id,
        cast(null as {{ xdb_type_string() }}) as compared_series_id,
        growth.period_year as year,
        growth.period_year - 1 as compared_year,
        growth.value as stated_value,
        (current_point.value / previous_point.value - 1) * 100 as recomputed_value,
        'percent' as unit,
        tolerances.growth_pp as tolerance,
        growth.qualifier,
        growth.fact_id as source_fact_ids,
        case
            when previous_point.series_id is null
                then
                    'Only one of the two years is stated: the growth back-casts the year '
                    || 'before and cannot be checked'
            else 'Stated growth vs the growth of the two stated years'
        end as note
    from own as growth
    left join stated_points as current_point
        on
            growth.series_id = current_point.series_id
            and growth.period_year = current_point.period_year
    left join stated_points as previous_point
        on
            growth.series_id = previous_point.series_id
            and growth.period_year - 1 = previous_point.period_year
    cross join tolerances
    where growth.statement_role = 'growth'
),

bound_checks as (
    select
        'bound_vs_path' as check_type,
        bound.series_id,
        cast(null as {{ xdb_type_string() }}) as compared_series_id,
        bound.period_year as year,
        bound.period_year as compared_year,
        bound.value as stated_value,
        paths.value_cny as recomputed_value,
        'CNY' as unit,
        tolerances.value_pct as tolerance,
        bound.qualifier,
        {{ xdb_concat(["bound.fact_id", "','", "paths.source_fact_ids"]) }} as source_fact_ids,
        {{ xdb_concat(["'Stated bound vs the base path (method '", "paths.value_method", "')'"]) }}
            as note
    from own as bound
    inner join paths
        on
            bound.series_id = paths.series_id
            and bound.period_year = paths.year
            and paths.scenario in ('actual', 'base')
            and paths.value_method <> 'stated_bound'
    cross join tolerances
    where bound.statement_role = 'anchor' and bound.qualifier in ('>', '>=', '<', '<=')
),

duplicate_checks as (
    select
        'duplicate_statement' as check_type,
        series_id,
        cast(null as {{ xdb_type_string() }}) as compared_series_id,
        period_year as year,
        period_year as compared_year,
        max(value) as stated_value,
        min(value) as recomputed_value,
        min(unit) as unit,
        0 as tolerance,
        qualifier,
        {{ xdb_listagg("fact_id", "','", "order by fact_id") }} as source_fact_ids,
        {{ xdb_concat([
            "cast(count(*) as " ~ xdb_type_string() ~ ")",
            "' statements of the '",
            "statement_role",
            "': highest vs lowest value'"
        ]) }} as note
    from own
    where period_year is not null
    group by series_id, statement_role, period_year, qualifier
    having count(*) > 1
),

other_source_checks as (
    select
        'other_source' as check_type,
        other.series_id,
        cast(null as {{ xdb_type_string() }}) as compared_series_id,
        other.period_year as year,
        other.period_year as compared_year,
        other.value as stated_value,
        case
            when other.statement_role = 'cagr' then series_cagr.value
            else paths.value_cny
        end as recomputed_value,
        other.unit,
        case
            when other.statement_role = 'cagr' then tolerances.cagr_pp
            else tolerances.value_pct
        end as tolerance,
        other.qualifier,
        other.fact_id as source_fact_ids,
        {{ xdb_concat([
            "other.cited_source",
            "' vs the series publisher: kept out of the series as another scope'"
        ]) }} as note
    from statements as other
    left join paths
        on
            other.series_id = paths.series_id
            and other.period_year = paths.year
            and paths.scenario in ('actual', 'base')
    left join cagr_statements as series_cagr
        on other.series_id = series_cagr.series_id and series_cagr.preference = 1
    cross join tolerances
    where not other.is_series_source and other.statement_role in ('anchor', 'cagr')
),

headline_pairs as (
    select
        first_series.series_id,
        second_series.series_id as compared_series_id
    from series as first_series
    inner join series as second_series
        on first_series.sort_order < second_series.sort_order
    where first_series.in_band_spread and second_series.in_band_spread
),

scope_checks as (
    select
        'scope_comparison' as check_type,
        headline_pairs.series_id,
        headline_pairs.compared_series_id,
        first_path.year,
        second_path.year as compared_year,
        first_path.value_cny as stated_value,
        second_path.value_cny as recomputed_value,
        'CNY' as unit,
        cast(null as double) as tolerance,
        cast(null as {{ xdb_type_string() }}) as qualifier,
        {{ xdb_concat(["first_path.source_fact_ids", "','", "second_path.source_fact_ids"]) }}
            as source_fact_ids,
        'Different scopes: IT spend is what government spends on IT, market size what '
        || 'the market sells (services, operation, data); never add or swap them' as note
    from headline_pairs
    inner join paths as first_path
        on
            headline_pairs.series_id = first_path.series_id
            and first_path.scenario in ('actual', 'base')
    inner join paths as second_path
        on
            headline_pairs.compared_series_id = second_path.series_id
            and first_path.year = second_path.year
            and second_path.scenario in ('actual', 'base')
),

subset_checks as (
    select
        'subset_check' as check_type,
        part.series_id,
        whole.series_id as compared_series_id,
        part.year,
        whole.year as compared_year,
        part.value_cny as stated_value,
        whole.value_cny as recomputed_value,
        'CNY' as unit,
        cast(0 as double) as tolerance,
        '<=' as qualifier,
        {{ xdb_concat(["part.source_fact_ids", "','", "whole.source_fact_ids"]) }}
            as source_fact_ids,
        'A part of another series must not exceed it' as note
    from series
    inner join paths as part
        on series.series_id = part.series_id
    inner join paths as whole
        on
            series.subset_of_series_id = whole.series_id
            and part.year = whole.year
            and part.scenario = whole.scenario
    where part.scenario = 'actual'
),

growth_statements as (
    select
        series_id,
        period_year,
        value,
        min(fact_id) as fact_id
    from own
    where statement_role = 'growth'
    group by series_id, period_year, value
),

identical_growth_checks as (
    select
        'identical_growth' as check_type,
        first_growth.series_id,
        second_growth.series_id as compared_series_id,
        first_growth.period_year as year,
        second_growth.period_year as compared_year,
        first_growth.value as stated_value,
        second_growth.value as recomputed_value,
        'percent' as unit,
        cast(null as double) as tolerance,
        cast(null as {{ xdb_type_string() }}) as qualifier,
        {{ xdb_concat(["first_growth.fact_id", "','", "second_growth.fact_id"]) }}
            as source_fact_ids,
        'Two different series state the same growth in the same year: check the report '
        || 'for a copied figure' as note
    from growth_statements as first_growth
    inner join growth_statements as second_growth
        on
            first_growth.period_year = second_growth.period_year
            and first_growth.value = second_growth.value
            and first_growth.series_id < second_growth.series_id
),

unioned as (
    select * from cagr_checks
    union all
    select * from growth_checks
    union all
    select * from bound_checks
    union all
    select * from duplicate_checks
    union all
    select * from other_source_checks
    union all
    select * from scope_checks
    union all
    select * from subset_checks
    union all
    select * from identical_growth_checks
),

assessed as (
    select
        unioned.*,
        case
            when unioned.unit = 'percent' then unioned.recomputed_value - unioned.stated_value
            else (unioned.recomputed_value / unioned.stated_value - 1) * 100
        end as difference
    from unioned
),

final as (
    select
        {{ xdb_concat([
            "check_type", "'|'", "series_id", "'|'",
            "coalesce(compared_series_id, '')", "'|'",
            "coalesce(cast(year as " ~ xdb_type_string() ~ "), '')", "'|'",
            "coalesce(cast(compared_year as " ~ xdb_type_string() ~ "), '')", "'|'",
            "coalesce(min_fact_id, '')"
        ]) }} as check_id,
        check_type,
        series_id,
        compared_series_id,
        year,
        compared_year,
        stated_value,
        recomputed_value,
        unit,
        qualifier,
        difference,
        tolerance,
        status,
        status in ('mismatch', 'review') as is_flagged,
        source_fact_ids,
        note
    from (
        select
            assessed.*,
            {{ xdb_split_part("assessed.source_fact_ids", "','", 1) }} as min_fact_id,
            case
                when assessed.check_type = 'scope_comparison' then 'different_scope'
                when assessed.check_type = 'identical_growth' then 'review'
                when assessed.recomputed_value is null then 'not_checkable'
                when assessed.check_type = 'subset_check'
                    then
                        case
                            when assessed.stated_value <= assessed.recomputed_value then 'ok' else
                                'mismatch'
                        end
                when assessed.check_type = 'duplicate_statement'
                    then case when assessed.difference = 0 then 'ok' else 'mismatch' end
                when assessed.qualifier in ('>', '>=')
                    then case
                        when assessed.difference >= -assessed.tolerance then 'ok' else 'mismatch'
                    end
                when assessed.qualifier in ('<', '<=')
                    then case
                        when assessed.difference <= assessed.tolerance then 'ok' else 'mismatch'
                    end
                when abs(assessed.difference) <= assessed.tolerance then 'ok'
                else 'mismatch'
            end as status
        from assessed
    ) as assessed_checks
)

select * from final

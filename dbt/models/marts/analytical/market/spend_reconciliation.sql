{#- Every consistency check between the report's money statements and the paths built from
    them; each check is listed whatever its outcome (status ok | mismatch | not_checkable |
    different_scope | review), mismatches are never dropped. One helper model per check
    type (int_spend_checks_<check_type>, together in int_spend_checks_unioned) lists the
    compared values:
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
    Here each check gets its difference, its status and a stable check_id.
    Tolerances are parameters of seeds/analytical_parameters. -#}
with

checks as (
    select * from {{ ref('int_spend_checks_unioned') }}
),

assessed as (
    select
        checks.*,
        case
            when checks.unit = 'percent' then checks.recomputed_value - checks.stated_value
            else (checks.recomputed_value / checks.stated_value - 1) * 100
        end as difference
    from checks
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
        min_fact_id as primary_fact_id,
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

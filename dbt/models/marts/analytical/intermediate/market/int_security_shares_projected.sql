{#- The security share of government IT spend by year, from the assumptions of the
    security_privacy row of seeds/segment_share_assumptions:
      latest year y1 with a stated share s1 (point figure, series region, publisher or uncited);
      the stated change d (percentage points) in y1 against the base year y0 written in its
      clause (较2020年提升5.2个百分点), so s0 = s1 - d in y0;
      between y0 and y1 the share moves linearly; after y1 it keeps moving at the past pace
      times drift_damping (an analyst judgement noted in the seed); without a stated change it
      is held at s1. Clipped to 0-100. Used by spend_by_year (security spend) and
      segment_forecasts (security segment), so both rest on the same path. -#}
with

assumptions as (
    select * from {{ ref('segment_share_assumptions') }}
    where share_basis = 'report_share_of_it_spend'
),

facts as (
    select * from {{ ref('int_report_facts_selected') }}
),

parameters as (
    select * from {{ ref('analytical_parameters') }}
),

years as (
    {{ spend_years('parameters') }}
),

share_statements as (
    select
        assumptions.segment_id,
        assumptions.assumptions_version,
        assumptions.drift_damping,
        facts.fact_id,
        facts.period_year,
        facts.value,
        row_number() over (
            partition by assumptions.segment_id
            order by
                facts.period_year desc, facts.publisher is null, facts.edition desc,
                facts.char_start asc
        ) as preference
    from assumptions
    inner join facts
        on
            assumptions.metric_id = facts.metric_id
            and assumptions.region_code = facts.region_code
            and coalesce(assumptions.publisher = facts.publisher, facts.publisher is null)
            and facts.qualifier in ('=', '~')
            and facts.period_year is not null
),

latest_share as (
    select * from share_statements
    where preference = 1
),

latest_share_facts as (
    select
        latest_share.segment_id,
        {{ xdb_listagg("share_statements.fact_id", "','", "order by share_statements.fact_id") }}
            as fact_ids
    from latest_share
    inner join share_statements
        on
            latest_share.segment_id = share_statements.segment_id
            and latest_share.period_year = share_statements.period_year
            and latest_share.value = share_statements.value
    group by latest_share.segment_id
),

change_statements as (
    select
        assumptions.segment_id,
        facts.fact_id,
        facts.value as change_pp,
        cast({{ regex_extract('facts.clause', "'较(20[0-9]{2})年'", 1) }} as integer)
            as base_year,
        row_number() over (
            partition by assumptions.segment_id
            order by facts.publisher is null, facts.edition desc, facts.char_start asc
        ) as preference
    from assumptions
    inner join latest_share on assumptions.segment_id = latest_share.segment_id
    inner join facts
        on
            assumptions.change_metric_id = facts.metric_id
            and assumptions.region_code = facts.region_code
            and latest_share.period_year = facts.period_year
            and coalesce(assumptions.publisher = facts.publisher, facts.publisher is null)
),

path_inputs as (
    select
        latest_share.segment_id,
        latest_share.assumptions_version,
        latest_share.period_year as share_year,
        latest_share.value as share_pct,
        latest_share_facts.fact_ids as share_fact_ids,
        change_statements.fact_id as change_fact_id,
        change_statements.base_year,
        latest_share.value - change_statements.change_pp as base_share_pct,
        change_statements.change_pp
        / (latest_share.period_year - change_statements.base_year) as past_drift_pp,
        coalesce(
            change_statements.change_pp
            / (latest_share.period_year - change_statements.base_year)
            * latest_share.drift_damping,
            0
        ) as forward_drift_pp
    from latest_share
    inner join latest_share_facts on latest_share.segment_id = latest_share_facts.segment_id
    left join change_statements
        on
            latest_share.segment_id = change_statements.segment_id
            and change_statements.preference = 1
            and latest_share.period_year > change_statements.base_year
),

path as (
    select
        path_inputs.segment_id,
        path_inputs.assumptions_version,
        years.year,
        path_inputs.forward_drift_pp,
        case
            when years.year = path_inputs.share_year then path_inputs.share_pct
            when years.year > path_inputs.share_year
                then
                    path_inputs.share_pct
                    + (years.year - path_inputs.share_year) * path_inputs.forward_drift_pp
            when years.year >= path_inputs.base_year
                then
                    path_inputs.base_share_pct
                    + (years.year - path_inputs.base_year) * path_inputs.past_drift_pp
        end as share_pct,
        case
            when years.year = path_inputs.share_year then 'stated'
            when years.year > path_inputs.share_year and path_inputs.change_fact_id is null
                then 'held_constant'
            when years.year > path_inputs.share_year then 'drift_extended'
            when years.year = path_inputs.base_year then 'stated_change'
            else 'interpolated'
        end as share_method,
        case
            when years.year = path_inputs.share_year then path_inputs.share_fact_ids
            when path_inputs.change_fact_id is null then path_inputs.share_fact_ids
            else {{ xdb_concat([
                "path_inputs.share_fact_ids", "','", "path_inputs.change_fact_id"
            ]) }}
        end as source_fact_ids
    from path_inputs
    cross join years
),

final as (
    select
        segment_id,
        assumptions_version,
        year,
        least(greatest(share_pct, 0), 100) as share_pct,
        forward_drift_pp,
        share_method,
        share_method <> 'stated' as is_derived,
        source_fact_ids
    from path
    where share_pct is not null
)

select * from final

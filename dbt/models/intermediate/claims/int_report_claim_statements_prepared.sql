{#- One row per clean report figure with a catalog metric: what it states as an interval
    and whom it cites, the first step from figures to claims.
      bound_kind   point (= ~) | floor (> >=) | ceiling (< <=) | range (both rows of 28%—35%);
      value_low    the least the figure allows (NULL for a ceiling), value_high the most (NULL
                   for a floor); a point has both equal to its value;
      bound_key    the interval as text, so that two statements of the same figure compare
                   equal whatever their qualifier within a kind (约1,862 and 1,862 are one
                   point; 超 and 以上 one floor);
      region_key   the GB/T 2260 code, or the level of an anonymous region (某市), so that an
                   anonymous figure still groups within its document.
    A corrupted figure (digits possibly lost) or one without a value states nothing. -#}
with

facts as (
    select * from {{ ref('stg_reports__facts') }}
),

sources as (
    select * from {{ ref('stg_reports__sources') }}
),

stated as (
    select
        facts.fact_id,
        facts.document_id,
        facts.section_id,
        facts.metric_id,
        facts.metric_name_zh,
        facts.metric_name_en,
        facts.region_code,
        facts.region_name_zh,
        facts.region_level,
        coalesce(facts.region_code, facts.region_level, 'unknown') as region_key,
        facts.period_year,
        facts.period_label,
        facts.kind,
        facts.qualifier,
        facts.unit,
        facts.source_id,
        facts.cited_source,
        sources.publisher,
        sources.publication,
        facts.sentence_start,
        facts.char_start,
        case
            when facts.range_role is not null then 'range'
            when facts.qualifier in ('=', '~') then 'point'
            when facts.qualifier in ('>', '>=') then 'floor'
            else 'ceiling'
        end as bound_kind,
        case
            when facts.range_role is not null then facts.value_low
            when facts.qualifier in ('<', '<=') then null
            else facts.value
        end as value_low,
        case
            when facts.range_role is not null then facts.value_high
            when facts.qualifier in ('>', '>=') then null
            else facts.value
        end as value_high
    from facts
    left join sources
        on
            facts.document_id = sources.document_id
            and facts.source_id = sources.source_id
    where
        facts.metric_id is not null
        and facts.quality_flag = 'clean'
        and facts.value is not null
),

keyed as (
    select
        *,
        {{ xdb_concat([
            "bound_kind", "':'",
            "coalesce(" ~ number_text("value_low") ~ ", '')", "':'",
            "coalesce(" ~ number_text("value_high") ~ ", '')"
        ]) }} as bound_key
    from stated
)

select * from keyed

{#- Every statement of the report figures that feed a money series of seeds/spend_series:
      anchor  a money figure of the series (by catalog metric, or by clause pattern for a
              figure the catalog leaves without a metric), in the series' region;
      cagr    a compound annual growth rate of the series (by catalog metric);
      growth  a year-on-year growth rate: the first percent figure after an anchor in the same
              sentence whose clause says 同比 (1,862亿元,同比增长21.4%), with no other money
              figure in between; it is the growth of the anchor's year over the year before.
    is_series_source tells whether the statement is the series' publisher's (or uncited, the
    report's own voice); statements of other publishers are kept for the reconciliation only. -#}
with

facts as (
    select * from {{ ref('int_report_facts_selected') }}
),

series as (
    select * from {{ ref('spend_series') }}
    where source_kind = 'report'
),

anchors as (
    select
        series.series_id,
        'anchor' as statement_role,
        facts.fact_id,
        facts.document_id,
        facts.sentence_start,
        facts.char_end,
        facts.period_year
    from series
    inner join facts
        on
            facts.unit = 'CNY'
            and series.region_code = facts.region_code
            and (
                series.metric_id = facts.metric_id
                or (
                    series.metric_id is null
                    and facts.metric_id is null
                    and {{ regex_matches('facts.clause', 'series.clause_pattern') }}
                )
            )
),

cagrs as (
    select
        series.series_id,
        'cagr' as statement_role,
        facts.fact_id,
        facts.period_year
    from series
    inner join facts
        on
            series.cagr_metric_id = facts.metric_id
            and series.region_code = facts.region_code
),

following as (
    select
        anchors.series_id,
        anchors.period_year as anchor_year,
        facts.fact_id,
        facts.unit,
        facts.clause,
        row_number() over (
            partition by anchors.series_id, anchors.fact_id
            order by facts.char_start
        ) as position_after_anchor
    from anchors
    inner join facts
        on
            anchors.document_id = facts.document_id
            and anchors.sentence_start = facts.sentence_start
            and anchors.char_end <= facts.char_start
            and facts.unit in ('CNY', 'percent')
),


growths as (
    -- The growth of the anchor's year: the extractor may date the percent figure itself
    -- differently (a span, no year); the sentence ties it to the anchor.
    select
        series_id,
        'growth' as statement_role,
        fact_id,
        anchor_year as period_year
    from following
    where
        position_after_anchor = 1
        and unit = 'percent'
        and anchor_year is not null
        and {{ regex_matches('clause', "'同比(增长|增速|上升|提高)'") }}
),

unioned as (
    select
        series_id,
        statement_role,
        fact_id,
        period_year
    from anchors
    union all
    select * from cagrs
    union all
    select * from growths
),

final as (
    select
        unioned.series_id,
        unioned.statement_role,
        unioned.fact_id,
        facts.document_id,
        facts.edition,
        unioned.period_year,
        facts.value,
        facts.unit,
        facts.qualifier,
        facts.kind,
        facts.figure_text,
        facts.cited_source,
        facts.publisher,
        facts.char_start,
        coalesce(facts.publisher = series.publisher, facts.publisher is null)
            as is_series_source
    from unioned
    inner join facts on unioned.fact_id = facts.fact_id
    inner join series on unioned.series_id = series.series_id
)

select * from final

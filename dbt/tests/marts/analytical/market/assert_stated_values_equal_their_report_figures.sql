-- A value published as stated is the figure of the latest report edition it cites, to the
-- fen: nothing is typed in, and nothing drifts between the report and the mart.
with

spend as (
    select * from {{ ref('spend_by_year') }}
    where value_method in ('stated', 'stated_bound') and source_fact_ids is not null
),

facts as (
    select * from {{ ref('fct_report_facts') }}
),

documents as (
    select * from {{ ref('dim_report_document') }}
),

first_fact as (
    select
        spend.series_id,
        spend.year,
        spend.scenario,
        spend.value_cny,
        {{ xdb_split_part("spend.source_fact_ids", "','", 1) }} as fact_id
    from spend
)

select
    first_fact.*,
    facts.value as fact_value,
    documents.is_latest_edition
from first_fact
left join facts on first_fact.fact_id = facts.fact_id
left join documents on facts.document_id = documents.document_id
where
    facts.fact_id is null
    or not documents.is_latest_edition
    or facts.quality_flag <> 'clean'
    or abs(first_fact.value_cny - facts.value) > 0.005

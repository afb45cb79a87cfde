{#- One observation per region × indicator × year for the indicators of
    seeds/maturity_indicators, from these sources:
      report_fact     figures of the latest report editions located in a province or
                      prefecture, matched by maturity_indicator_rules (a catalog metric, or a
                      clause pattern for a figure without one; the first rule by priority wins);
                      a bound enters only where taking it at face value understates the region
                      (a floor of a higher-is-better figure, a ceiling of a lower-is-better
                      one); several figures of a region and year are averaged;
      report_mention  a flag, 1 when a sentence names the region followed, in the same clause,
                      by a leading phrase of the rules (广东、浙江…等地…引领全国), in the
                      document's reference year; a region not named has no observation (a
                      mention that is absent is not evidence of anything, so never a 0);
      statistics      NBS, panel and capability-index figures (int_maturity_statistics_observed);
      procurement     smart-government items and budget per head for the provinces with loaded
                      notices, in the year of the planned purchase (expected month, else
                      publication), over the latest NBS population up to that year. -#}
with

facts as (
    select * from {{ ref('int_report_facts_selected') }}
),

indicators as (
    select * from {{ ref('maturity_indicators') }}
),

rules as (
    select * from {{ ref('maturity_indicator_rules') }}
),

regions as (
    select * from {{ ref('dim_region') }}
),

province_stats as (
    select * from {{ ref('fct_province_stats') }}
),

notices as (
    select * from {{ ref('fct_procurement_notices') }}
),

statistics as (
    select * from {{ ref('int_maturity_statistics_observed') }}
),

located_facts as (
    select * from facts
    where region_level in ('province', 'prefecture') and region_code is not null
),

fact_matches as (
    select
        located_facts.fact_id,
        located_facts.region_code,
        located_facts.region_level,
        located_facts.observation_year,
        located_facts.value,
        indicators.indicator_id,
        row_number() over (
            partition by located_facts.fact_id
            order by rules.priority, rules.rule_id
        ) as rule_rank
    from located_facts
    inner join rules
        on
            (
                located_facts.metric_id = rules.metric_id
                or (
                    rules.metric_id is null
                    and located_facts.metric_id is null
                    and {{ regex_matches('located_facts.clause', 'rules.clause_pattern') }}
                )
            )
    inner join indicators
        on
            rules.indicator_id = indicators.indicator_id
            and indicators.source = 'report_fact'
            and located_facts.unit = indicators.unit
            and (
                located_facts.qualifier in ('=', '~')
                or (located_facts.qualifier in ('>', '>=') and indicators.direction > 0)
                or (located_facts.qualifier in ('<', '<=') and indicators.direction < 0)
            )
),

fact_observations as (
    select
        region_code,
        region_level,
        indicator_id,
        observation_year,
        avg(value) as value,
        {{ xdb_listagg("fact_id", "','", "order by fact_id") }} as source_fact_ids
    from fact_matches
    where rule_rank = 1 and observation_year is not null
    group by region_code, region_level, indicator_id, observation_year
),

located_regions as (
    select distinct region_code
    from located_facts
),

covered_regions as (
    select
        regions.region_code,
        regions.region_level,
        regions.short_name_zh
    from regions
    left join located_regions on regions.region_code = located_regions.region_code
    where regions.region_level = 'province' or located_regions.region_code is not null
),

sentences as (
    select distinct
        document_id,
        sentence_start,
        sentence,
        reference_year
    from facts
),

mention_rules as (
    select
        rules.clause_pattern,
        rules.indicator_id
    from rules
    inner join indicators
        on rules.indicator_id = indicators.indicator_id
    where indicators.source = 'report_mention'
),

mentions as (
    select
        covered_regions.region_code,
        covered_regions.region_level,
        mention_rules.indicator_id,
        sentences.reference_year as observation_year,
        max(
            case
                when {{ regex_matches(
                    'sentences.sentence',
                    xdb_concat([
                        "covered_regions.short_name_zh", "'[^,;。]*('",
                        "mention_rules.clause_pattern", "')'"
                    ])
                ) }} then 1
                else 0
            end
        ) as value
    from covered_regions
    cross join mention_rules
    cross join sentences
    group by
        covered_regions.region_code,
        covered_regions.region_level,
        mention_rules.indicator_id,
        sentences.reference_year
),

notice_years as (
    select
        region_code,
        cast(extract(year from coalesce(expected_month, published_date)) as integer) as year,
        sum(case when segment_id <> 'none' then 1 else 0 end) as it_items,
        sum(case when segment_id <> 'none' then budget_cny else 0 end) as it_budget_cny
    from notices
    where region_code is not null and coalesce(expected_month, published_date) is not null
    group by
        region_code,
        cast(extract(year from coalesce(expected_month, published_date)) as integer)
),

notice_population as (
    select
        notice_years.*,
        province_stats.population,
        row_number() over (
            partition by notice_years.region_code, notice_years.year
            order by province_stats.year desc
        ) as population_recency
    from notice_years
    inner join province_stats
        on
            notice_years.region_code = province_stats.region_code
            and notice_years.year >= province_stats.year
            and province_stats.population is not null
),

procurement_observations as (
    select
        notice_population.region_code,
        'province' as region_level,
        indicators.indicator_id,
        notice_population.year as observation_year,
        case indicators.indicator_id
            when 'it_notices_per_million'
                then notice_population.it_items * 1000000.0 / notice_population.population
            when 'it_budget_per_capita'
                then cast(notice_population.it_budget_cny as double) / notice_population.population
        end as value
    from notice_population
    cross join indicators
    where indicators.source = 'procurement' and notice_population.population_recency = 1
),

unioned as (
    select * from fact_observations
    union all
    select
        region_code,
        region_level,
        indicator_id,
        observation_year,
        cast(value as double) as value,
        cast(null as {{ xdb_type_string() }}) as source_fact_ids
    from mentions
    where observation_year is not null and value = 1
    union all
    select
        region_code,
        region_level,
        indicator_id,
        observation_year,
        value,
        cast(null as {{ xdb_type_string() }}) as source_fact_ids
    from statistics
    union all
    select
        *,
        cast(null as {{ xdb_type_string() }}) as source_fact_ids
    from procurement_observations
)

select * from unioned
where value is not null

{#- The provincial digital-economy panel, one row per province × year × indicator, with
    the category and publisher of the indicator (its indicator system) and the marks that
    decide whether a figure may be used: indicator_caveat (a defect of the whole series) and
    value_flag (an empty or spiking cell). Values are never altered; is_usable says which
    ones analyses may take. -#}
with

panel as (
    select * from {{ ref('stg_digital_economy__panel') }}
),

indicator_system as (
    select * from {{ ref('stg_digital_economy__indicator_system') }}
),

final as (
    select
        panel.region_code,
        panel.year,
        panel.indicator,
        indicator_system.primary_category,
        indicator_system.secondary_category,
        indicator_system.data_source,
        coalesce(indicator_system.is_official_yearbook, false) as is_official_yearbook,
        panel.value,
        panel.unit,
        panel.indicator_caveat,
        panel.value_flag,
        panel.is_usable,
        panel.source_row,
        panel.source_column
    from panel
    left join indicator_system on panel.indicator = indicator_system.indicator
)

select * from final

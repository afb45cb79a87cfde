{#- The digital-economy panel, one row per province × year × indicator, canonical units.
    is_usable: neither the indicator (spliced series, territory-scaled, enterprise-only,
    unofficial publisher) nor the cell (not reported, spike) is marked. -#}
with

source as (
    select * from {{ source('raw', 'digital_economy__panel') }}
),

renamed as (
    select
        region_code,
        indicator,
        trim(region_name_raw) as region_name_raw,
        unit,
        indicator_caveat,
        value_flag,
        cast(year as integer) as year,
        cast(value as double) as value,
        indicator_caveat is null and value_flag is null as is_usable,
        cast(source_row as integer) as source_row,
        source_column,
        source_file
    from source
)

select * from renamed

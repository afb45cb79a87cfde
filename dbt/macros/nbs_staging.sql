{#- The staging view of one NBS indicator table raw.<dataset>: every NBS parser lands the same
    long shape (region × year × indicator, values already in canonical units), so the eight
    stg_nbs__* models differ only in the table they read. Each model file is one call of this
    macro, which keeps one relation per dataset and the names the marts and tests use. -#}
{% macro nbs_staging(dataset) -%}
with

source as (
    select * from {{ source('raw', dataset) }}
),

renamed as (
    select
        region_code,
        trim(region_name_raw) as region_name_source,
        cast(year as integer) as year,
        indicator,
        -- canonical units: CNY, persons, CNY_per_person, index_prev_year_100
        value as indicator_value,
        unit,
        vintage,
        '{{ dataset }}' as source_dataset,
        source_file,
        source_row,
        source_column
    from source
)

select * from renamed
{%- endmacro %}

with

source as (
    select * from {{ source('raw', 'report_table_cells') }}
),

renamed as (
    select
        document_id,
        table_id,
        section_id,
        table_title,
        row_dimension,
        row_label,
        column_label,
        unit,
        value_raw,
        cast(row_number as integer) as row_number,
        value,
        expected_total,
        sum_check_ok,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end
    from source
)

select * from renamed

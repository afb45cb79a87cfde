with

cells as (
    select * from {{ ref('stg_reports__table_cells') }}
),

{# Only published documents: a rejected one has no rows here (nor in raw), whatever its
    extraction found. #}
documents as (
    select * from {{ ref('stg_reports__documents') }}
    where status = 'published'
),

table_totals as (
    select
        table_id,
        sum(value) as table_total
    from cells
    group by table_id
),

joined as (
    select
        cells.document_id,
        documents.edition,
        cells.table_id,
        cells.table_title,
        cells.section_id,
        cells.row_number,
        cells.row_dimension,
        cells.row_label,
        cells.column_label,
        cells.value,
        cells.value_raw,
        cells.unit,
        cells.expected_total,
        table_totals.table_total,
        cells.sum_check_ok,
        cells.char_start,
        cells.char_end
    from cells
    inner join documents on cells.document_id = documents.document_id
    inner join table_totals on cells.table_id = table_totals.table_id
)

select * from joined

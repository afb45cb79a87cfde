-- The CSV form of the procurement-intentions customer view, shaped by DuckDB with the rules
-- of the xlsx parser (ccgp_shandong.py). Temporary macros and one temporary table, created
-- on the load connection; ccgp_shandong_csv.py, once per file:
--   1. fills _ccgp_intentions_lines from ccgp_intentions_csv_lines(csv_file, csv_columns):
--      the file is parsed, cleaned and classified once;
--   2. reads ccgp_intentions_csv_diagnosis(): what would fail and where, the region names
--      used, the rows left out (it raises for the first bad row);
--   3. selects ccgp_intentions_csv_rows(file_name, region_names, region_codes): the raw rows,
--      the two lists mapping the region names of step 2 to their codes.
-- `csv_columns` is the header as found, every column VARCHAR. Row order is not significant:
-- source_row keeps each row's place in the file.

-- The whitespace Python's str.strip() removes (str.isspace()).
create or replace temp macro ccgp_whitespace() as array_to_string(
    list_transform(
        [
            9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760,
            8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202,
            8232, 8233, 8239, 8287, 12288
        ],
        lambda code: chr(code)
    ),
    ''
);

-- Cells are stripped as the xlsx parser strips them; empty means missing. Trimming by a
-- character set is slow, so it runs only on the few cells that start or end with one.
create or replace temp macro ccgp_clean(cell) as nullif(
    case
        when contains(ccgp_whitespace(), cell[1]) or contains(ccgp_whitespace(), cell[-1])
            then trim(cell, ccgp_whitespace())
        else cell
    end,
    ''
);

-- Full-width digits (２０２６年０３月) read as their ASCII forms, as Python's float() and \d do.
create or replace temp macro ccgp_ascii_digits(cell) as
    translate(cell, '０１２３４５６７８９', '0123456789');

-- A project's budget and month in canonical units: 万元 → CNY in exact decimal arithmetic,
-- as the xlsx parser does (40.8 万元 is 408000, not 407999.99999999994; an amount beyond
-- 15 digits falls back to a double), `2026年03月` → 2026-03-01 (NULL when not a month).
create or replace temp macro ccgp_budget_cny(amount_text, amount_value) as
    case
        when abs(amount_value) < 1e15
            then cast(cast(try_cast(amount_text as decimal(38, 18)) * 10000 as varchar) as double)
        else amount_value * 10000
    end;

create or replace temp macro ccgp_is_month(month_text) as
    regexp_full_match(month_text, '(19|20)[0-9]{2}年(0?[1-9]|1[0-2])月');

create or replace temp macro ccgp_month(month_text) as
    case
        when ccgp_is_month(month_text)
            then make_date(
                cast(left(month_text, 4) as integer),
                cast(regexp_extract(month_text, '年([0-9]{1,2})月', 1) as integer),
                1
            )
    end;

-- Every non-blank record of one file, classified by its content, never by its position (see
-- ccgp_shandong.py): the scraped sub-table header, a shifted sub-table row (金额 holds 是/否),
-- a project (金额 is a number), or an error (anything else in 金额). source_row counts
-- records with the header as record 1: the sheet's row number when it is saved as CSV.
create or replace temp macro ccgp_intentions_csv_lines(csv_file, csv_columns) as table
with

records as (
    select
        ordinality + 1 as source_row,
        -- a record is blank when all its cells are: test the cells glued together
        concat(*columns(* exclude (ordinality))) as glued,
        ccgp_clean("link") as notice_url,
        ccgp_clean("客户名称") as buyer_name,
        ccgp_clean("地市") as region_name_raw,
        ccgp_clean("分类2") as category,
        ccgp_clean("项目名称") as project_title,
        ccgp_clean("金额") as amount_raw,
        ccgp_clean("预计时间") as month_raw
    from read_csv(
        csv_file,
        auto_detect = false,
        header = true,
        columns = csv_columns,
        delim = ',',
        quote = '"',
        escape = '"',
        strict_mode = true
    ) with ordinality
),

typed as (
    select
        * exclude (glued),
        coalesce(try_cast(amount_raw as double), try_cast(ccgp_ascii_digits(amount_raw) as double))
            as amount_value,
        case
            when try_cast(amount_raw as double) is not null then amount_raw
            else ccgp_ascii_digits(amount_raw)
        end as amount_text,
        case
            when ccgp_is_month(month_raw) then month_raw else ccgp_ascii_digits(month_raw)
        end as month_text
    from records
    where ccgp_clean(glued) is not null
)

select
    *,
    case
        when
            project_title = '采购需求概况'
            and amount_raw = '拟面向中小企业预留'
            and month_raw = '备注'
            then 'subtable_header'
        when amount_raw in ('是', '否') then 'detail'
        when
            regexp_full_match(amount_text, '[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?')
            and isfinite(amount_value)
            then 'project'
        else 'amount_error'
    end as row_kind
from typed;

-- The lines of the file being loaded, parsed once (ccgp_shandong_csv.py fills it); the
-- diagnosis and the rows read this table instead of parsing the file again.
create or replace temp table _ccgp_intentions_lines (
    source_row bigint,
    notice_url varchar,
    buyer_name varchar,
    region_name_raw varchar,
    category varchar,
    project_title varchar,
    amount_raw varchar,
    month_raw varchar,
    amount_value double,
    amount_text varchar,
    month_text varchar,
    row_kind varchar
);

-- Grouped by region name: the first project row of each name (the loader maps names to
-- codes in Python and reports the first unknown one), the first row whose 金额 or 预计时间
-- cannot be read, and how many rows are left out on purpose. Reads the staged lines.
create or replace temp macro ccgp_intentions_csv_diagnosis() as table
with

checked as (
    select
        source_row,
        row_kind,
        region_name_raw,
        case
            when row_kind = 'amount_error' then 'amount'
            when
                row_kind = 'project'
                and month_text is not null
                and not ccgp_is_month(month_text)
                then 'month'
        end as problem,
        case when row_kind = 'amount_error' then amount_raw else month_raw end as problem_value
    from _ccgp_intentions_lines
)

select
    region_name_raw,
    min(source_row) filter (where row_kind = 'project') as first_project_row,
    min(source_row) filter (where problem is not null) as first_problem_row,
    arg_min(problem, source_row) filter (where problem is not null) as problem,
    arg_min(problem_value, source_row) filter (where problem is not null) as problem_value,
    count(*) filter (where row_kind in ('subtable_header', 'detail')) as dropped_rows
from checked
group by region_name_raw;

-- The raw rows: one per project. The k-th shifted row of a notice (same link) is realigned
-- and merged into its k-th project (description, sme_reserved, remark) when the notice has as
-- many shifted rows as projects; otherwise nothing is guessed. Only the notices that have
-- shifted rows are numbered, on narrow rows, and the pairs join the projects by row number.
create or replace temp macro ccgp_intentions_csv_rows(file_name, region_names, region_codes) as table
with

regions as (
    select
        unnest(region_names) as region_name_raw,
        unnest(region_codes) as region_code
),

details as (
    select
        notice_url,
        project_title as description,
        amount_raw = '是' as sme_reserved,
        month_raw as remark,
        row_number() over (partition by notice_url order by source_row) as position_in_notice,
        count(*) over (partition by notice_url) as rows_in_notice
    from _ccgp_intentions_lines
    where row_kind = 'detail'
),

notices_with_details as (
    select distinct notice_url from details
),

numbered_projects as (
    select
        lines.source_row,
        lines.notice_url,
        row_number() over (
            partition by lines.notice_url order by lines.source_row
        ) as position_in_notice,
        count(*) over (partition by lines.notice_url) as rows_in_notice
    from _ccgp_intentions_lines as lines
    semi join notices_with_details
        on lines.notice_url is not distinct from notices_with_details.notice_url
    where lines.row_kind = 'project'
),

pairs as (
    select
        numbered_projects.source_row,
        details.description,
        details.sme_reserved,
        details.remark
    from numbered_projects
    inner join details
        on
            numbered_projects.notice_url is not distinct from details.notice_url
            and numbered_projects.position_in_notice = details.position_in_notice
            and numbered_projects.rows_in_notice = details.rows_in_notice
),

projects as (
    select * from _ccgp_intentions_lines
    where row_kind = 'project'
)

select
    projects.notice_url,
    cast(null as varchar) as notice_title,
    cast(null as timestamp_s) as notice_published_at,
    projects.buyer_name,
    projects.region_name_raw,
    cast(regions.region_code as varchar) as region_code,
    projects.category,
    cast(null as bigint) as item_no,
    projects.project_title,
    pairs.description,
    ccgp_budget_cny(projects.amount_text, projects.amount_value) as budget_cny,
    pairs.sme_reserved,
    ccgp_month(projects.month_text) as expected_month,
    pairs.remark,
    cast(projects.source_row as bigint) as source_row,
    cast(file_name as varchar) as source_file
from projects
left join pairs on projects.source_row = pairs.source_row
left join regions on projects.region_name_raw = regions.region_name_raw
;

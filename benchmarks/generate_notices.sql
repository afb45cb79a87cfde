-- Synthetic procurement intentions in the layout of the "customer view" sheet of
-- 山东省政府采购网 (序号, 分类1, 分类2, 地市, 客户名称, 项目名称, 金额, 预计时间, link).
--
-- Parameters: $n_items (intended purchases to write), $seed, $out (CSV path), and the text
-- pools $prefectures, $departments, $topics, $kinds, $descriptions (lists of strings).
-- Every pseudo-random draw is hash(seed, entity, salt): the same parameters give the same
-- bytes. Every buyer, title and description starts with 【合成】 and every link is under
-- https://synthetic.invalid/, so no row can be mistaken for a real notice.
--
-- Like the real scrape, about 30% of notices carry a sub-table: one header row
-- (采购需求概况 | 拟面向中小企业预留 | 备注) and one row per project shifted under the wrong
-- headers (description | 是/否 | remark), written before the projects of the notice; one
-- sub-table in 25 has a row missing, so the loader cannot pair it and must drop it.

create or replace temp macro pick(hashed, n) as cast(hashed % n as bigint);

copy (
    with

    draws as (
        select
            notice_id,
            pick(hash($seed, notice_id, 'items'), 100) as items_draw,
            pick(hash($seed, notice_id, 'subtable'), 100) as subtable_draw,
            pick(hash($seed, notice_id, 'unpaired'), 25) as unpaired_draw,
            pick(hash($seed, notice_id, 'region'), 100) as region_draw,
            hash($seed, notice_id, 'department') as department_draw,
            pick(hash($seed, notice_id, 'year'), 3) as year_draw
        from range(1, cast(ceil($n_items / 1.5) as bigint) + 2) as notices (notice_id)
    ),

    notices as (
        select
            notice_id,
            case
                when items_draw < 45 then 1
                when items_draw < 70 then 2
                when items_draw < 85 then 3
                when items_draw < 93 then 4
                when items_draw < 97 then 5
                else 6
            end as planned_items,
            subtable_draw < 30 as has_subtable,
            unpaired_draw = 0 as is_unpaired,
            -- the scrape covers provincial budget units (山东省本级); 30% of them are local
            -- branches, named after one of the 16 prefectures
            case
                when region_draw < 70 then 0
                else 1 + (region_draw - 70) % len($prefectures)
            end as branch_index,
            1 + pick(department_draw, len($departments)) as department_index,
            2025 + year_draw as budget_year
        from draws
    ),

    cumulated as (
        select
            *,
            cast(sum(planned_items) over (order by notice_id) - planned_items as bigint)
            as items_before
        from notices
    ),

    kept as (
        select
            *,
            cast(least(planned_items, $n_items - items_before) as bigint) as items
        from cumulated
        where items_before < $n_items
    ),

    shaped as (
        select
            *,
            case
                when not has_subtable then 0
                when is_unpaired then items - 1
                else items
            end as shifted_rows
        from kept
    ),

    row_slots as (
        select
            shaped.*,
            unnest(range(
                case when has_subtable then 1 + shifted_rows else 0 end + items
            )) as slot
        from shaped
    ),

    typed as (
        select
            *,
            case
                when has_subtable and slot = 0 then 'subtable_header'
                when has_subtable and slot <= shifted_rows then 'shifted'
                else 'project'
            end as row_kind,
            slot - case when has_subtable then 1 + shifted_rows else 0 end as item_index,
            slot - 1 as shifted_index
        from row_slots
    ),

    cells as (
        select
            notice_id,
            slot,
            row_kind,
            '山东省本级' as region_name,
            '【合成】山东省'
            || list_extract($departments, department_index)
            || case
                when branch_index > 0
                    then left(list_extract($prefectures, branch_index), 2) || '分中心'
                else ''
            end as buyer_name,
            case row_kind
                when 'subtable_header' then '采购需求概况'
                when 'shifted' then '【合成】' || list_extract(
                    $descriptions,
                    1 + pick(hash($seed, notice_id, shifted_index, 'description'), len($descriptions))
                )
                else '【合成】'
                    || case when pick(hash($seed, notice_id, item_index, 'year'), 2) = 0 then budget_year || '年' else '' end
                    || list_extract(
                        $topics, 1 + pick(hash($seed, notice_id, item_index, 'topic'), len($topics))
                    )
                    || list_extract(
                        $kinds, 1 + pick(hash($seed, notice_id, item_index, 'kind'), len($kinds))
                    )
                    || case when item_index > 0 then '（第' || (item_index + 1) || '包）' else '' end
            end as project_title,
            case row_kind
                when 'subtable_header' then '拟面向中小企业预留'
                when 'shifted'
                    then case when pick(hash($seed, notice_id, shifted_index, 'sme'), 3) = 0 then '否' else '是' end
                -- 1 to 3,162 万元, skewed towards small purchases (10^(3.5u))
                else cast(cast(
                    pow(10, 3.5 * pick(hash($seed, notice_id, item_index, 'budget'), 1000000) / 1e6)
                    as decimal(12, 2)
                ) as varchar)
            end as amount,
            case row_kind
                when 'subtable_header' then '备注'
                when 'shifted'
                    then case when pick(hash($seed, notice_id, shifted_index, 'remark'), 10) = 0 then '【合成】分期实施' end
                else printf(
                    '%d年%02d月',
                    budget_year,
                    1 + pick(hash($seed, notice_id, item_index, 'month'), 12)
                )
            end as expected_month,
            'https://synthetic.invalid/ccgp-shandong/detail?id=SYN' || lpad(cast(notice_id as varchar), 10, '0')
            as link
        from typed
    )

    select
        row_number() over (order by notice_id, slot) as "序号",
        cast(null as varchar) as "分类1",
        '政采意向' as "分类2",
        region_name as "地市",
        buyer_name as "客户名称",
        project_title as "项目名称",
        amount as "金额",
        expected_month as "预计时间",
        link as "link"
    from cells
    order by notice_id, slot
) to $out (format csv, header true);

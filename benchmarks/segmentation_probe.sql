-- The segment classification with the rules of smartgov_segment_rules written into the query
-- as constant patterns (see segmentation_probe.py): the first rule, in priority order, whose
-- pattern matches the title; else the first whose pattern matches the description; else the
-- rule without a pattern. {title_rules} and {description_rules} are the CASE branches and
-- {default_rule} a string literal, generated from the seed.
select
    segment_rule_id,
    count(*) as items
from (
    select
        coalesce(
            case {title_rules} end,
            case {description_rules} end,
            {default_rule}
        ) as segment_rule_id
    from intermediate.int_procurement_items_unioned
)
group by segment_rule_id
order by segment_rule_id

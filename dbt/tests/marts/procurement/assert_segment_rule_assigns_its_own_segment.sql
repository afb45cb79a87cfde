{# Every item's rule is a rule of the segment it was given (the relationships test on
   segment_rule_id alone would accept a rule of another segment). #}
select
    notices.procurement_item_id,
    notices.segment_id,
    notices.segment_rule_id
from {{ ref('fct_procurement_notices') }} as notices
left join {{ ref('smartgov_segment_rules') }} as rules
    on
        notices.segment_rule_id = rules.rule_id
        and notices.segment_id = rules.segment_id
where rules.rule_id is null

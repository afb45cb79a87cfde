{#- The rules of smartgov_segment_rules that have a pattern, in the order they apply
    (priority, then rule_id), read when the model runs. Inlining them as constant patterns
    lets the engine compile each expression once instead of once per item and rule: with
    millions of notices that is the difference between seconds and an hour. Unit tests
    override this macro with their own list. -#}
{% macro smartgov_segment_patterns() -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set query -%}
        select rule_id, pattern
        from {{ ref('smartgov_segment_rules') }}
        where coalesce(pattern, '') <> ''
        order by priority, rule_id
    {%- endset -%}
    {%- set rules = [] -%}
    {%- for row in run_query(query).rows -%}
        {%- do rules.append({'rule_id': row[0], 'pattern': row[1]}) -%}
    {%- endfor -%}
    {{ return(rules) }}
{%- endmacro %}

{#- The rule_id of the first rule (in list order) whose pattern matches `text`, else NULL. -#}
{% macro first_matching_rule(text, rules) -%}
    {%- if rules | length == 0 -%}
        cast(null as {{ xdb_type_string() }})
    {%- else -%}
        case
            {%- for rule in rules %}
                when {{ regex_matches(text, "'" ~ (rule['pattern'] | replace("'", "''")) ~ "'") }}
                    then '{{ rule['rule_id'] }}'
            {%- endfor %}
        end
    {%- endif -%}
{%- endmacro %}

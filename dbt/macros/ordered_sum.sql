{#- sum(`expression`) adding the values in the order of `order_by` (one key expression), so
    that a float sum is the same number on every build and every engine. Dispatched per
    adapter; the lint templater has no `adapter` and renders the default. -#}
{% macro ordered_sum(expression, order_by) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('ordered_sum')(expression, order_by)) }}
    {%- else -%}
        {{ default__ordered_sum(expression, order_by) }}
    {%- endif -%}
{%- endmacro %}

{#- DuckDB: an ordered aggregate. -#}
{% macro default__ordered_sum(expression, order_by) -%}
    sum({{ expression }} order by {{ order_by }})
{%- endmacro %}

{#- Spark has no ordered aggregates: the (key, value) pairs are collected, sorted (NULL keys
    last, as DuckDB orders them) and folded left to right; NULL when every value is, as sum
    is. -#}
{% macro spark__ordered_sum(expression, order_by) -%}
    aggregate(
        array_sort(collect_list(named_struct(
            'n', {{ order_by }} is null, 'k', {{ order_by }}, 'v', cast({{ expression }} as double)
        ))),
        cast(null as double),
        (total, entry) -> case
            when entry.v is null then total else coalesce(total, 0D) + entry.v
        end
    )
{%- endmacro %}

{#- dbt's cross-database macros (dbt.concat, dbt.listagg …) behind names the lint templater
    can render: sqlfluff's jinja templater has no `dbt` namespace, so there each macro renders
    the DuckDB expression instead. In a dbt run they are exactly dbt's macros. -#}
{% macro xdb_concat(fields) -%}
    {%- if dbt is defined -%}
        {{ return(dbt.concat(fields)) }}
    {%- else -%}
        {{ fields | join(' || ') }}
    {%- endif -%}
{%- endmacro %}

{#- The values of `measure` joined by `delimiter_text` in the order of `order_by_clause`
    ("order by a, b"), the measure itself breaking ties, so that every engine writes the same
    string. On Spark dbt.listagg is an unordered collect_list (dbt-spark only warns): there
    the values are collected with their sort keys and sorted explicitly. -#}
{% macro xdb_listagg(measure, delimiter_text, order_by_clause=none) -%}
    {%- set keys = xdb_order_keys(order_by_clause) -%}
    {%- if adapter is defined and adapter.type() == 'spark' -%}
        {{ return(spark_ordered_listagg(measure, delimiter_text, keys)) }}
    {%- endif -%}
    {%- set tied = keys + ([measure] if measure not in keys else []) -%}
    {%- set ordered = 'order by ' ~ (tied | join(', ')) -%}
    {%- if dbt is defined -%}
        {{ return(dbt.listagg(measure, delimiter_text, ordered)) }}
    {%- else -%}
        string_agg({{ measure }}, {{ delimiter_text }} {{ ordered }})
    {%- endif -%}
{%- endmacro %}

{#- The expressions of an "order by a, b" clause; ascending only (descending keys would need
    their own Spark sort, and no model uses one). -#}
{% macro xdb_order_keys(order_by_clause) -%}
    {%- set clause = (order_by_clause or '') | trim -%}
    {%- if clause == '' -%}
        {{ return([]) }}
    {%- endif -%}
    {%- if not clause.lower().startswith('order by ') -%}
        {{ exceptions.raise_compiler_error("xdb_listagg: expected 'order by …', got " ~ clause) }}
    {%- endif -%}
    {%- set keys = [] -%}
    {%- for part in clause[9:].split(',') -%}
        {%- set key = part | trim -%}
        {%- if key.lower().endswith(' desc') -%}
            {{ exceptions.raise_compiler_error("xdb_listagg: descending keys are not supported: " ~ key) }}
        {%- endif -%}
        {%- do keys.append(key[:-4] | trim if key.lower().endswith(' asc') else key) -%}
    {%- endfor -%}
    {{ return(keys) }}
{%- endmacro %}

{#- Spark: sort (nulls-last flag, key, …, measure) structs and join their measures; NULL, as
    string_agg gives, when the group has no non-null measure. -#}
{% macro spark_ordered_listagg(measure, delimiter_text, keys) -%}
    {%- set fields = [] -%}
    {%- for key in keys -%}
        {%- do fields.append("'n" ~ loop.index ~ "', " ~ key ~ " is null, 'k" ~ loop.index ~ "', " ~ key) -%}
    {%- endfor -%}
    case when count({{ measure }}) > 0 then array_join(
        transform(
            array_sort(collect_list(named_struct({{ (fields + ["'v', " ~ measure]) | join(', ') }}))),
            entry -> entry.v
        ),
        {{ delimiter_text }}
    ) end
{%- endmacro %}

{% macro xdb_position(substring_text, string_text) -%}
    {%- if dbt is defined -%}
        {{ return(dbt.position(substring_text, string_text)) }}
    {%- else -%}
        position({{ substring_text }} in {{ string_text }})
    {%- endif -%}
{%- endmacro %}

{% macro xdb_split_part(string_text, delimiter_text, part_number) -%}
    {%- if dbt is defined -%}
        {{ return(dbt.split_part(string_text, delimiter_text, part_number)) }}
    {%- else -%}
        split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
    {%- endif -%}
{%- endmacro %}

{% macro xdb_type_string() -%}
    {%- if dbt is defined -%}
        {{ return(dbt.type_string()) }}
    {%- else -%}
        varchar
    {%- endif -%}
{%- endmacro %}

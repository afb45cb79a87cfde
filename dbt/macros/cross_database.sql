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

{% macro xdb_listagg(measure, delimiter_text, order_by_clause=none) -%}
    {%- if dbt is defined -%}
        {{ return(dbt.listagg(measure, delimiter_text, order_by_clause)) }}
    {%- else -%}
        string_agg({{ measure }}, {{ delimiter_text }} {{ order_by_clause or '' }})
    {%- endif -%}
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

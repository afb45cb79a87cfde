{#- The part of `text` that the regular expression `pattern` matches (capture group `group`,
    0 = the whole match), or NULL when it does not match. Dispatched per adapter; the lint
    templater has no `adapter` and renders the default (DuckDB, Spark and Trino share it). -#}
{% macro regex_extract(text, pattern, group=0) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('regex_extract')(text, pattern, group)) }}
    {%- else -%}
        {{ default__regex_extract(text, pattern, group) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__regex_extract(text, pattern, group=0) -%}
    nullif(regexp_extract({{ text }}, {{ pattern }}, {{ group }}), '')
{%- endmacro %}

{% macro postgres__regex_extract(text, pattern, group=0) -%}
    nullif((regexp_match({{ text }}, {{ pattern }}))[{{ group if group > 0 else 1 }}], '')
{%- endmacro %}

{% macro snowflake__regex_extract(text, pattern, group=0) -%}
    nullif(regexp_substr({{ text }}, {{ pattern }}, 1, 1, 'e', {{ group }}), '')
{%- endmacro %}

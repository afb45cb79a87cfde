{#- True when the regular expression `pattern` matches anywhere in `text` (unanchored).
    Dispatched per adapter; the lint templater has no `adapter` and renders the default. -#}
{% macro regex_matches(text, pattern) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('regex_matches')(text, pattern)) }}
    {%- else -%}
        {{ default__regex_matches(text, pattern) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__regex_matches(text, pattern) -%}
    regexp_matches({{ text }}, {{ pattern }})
{%- endmacro %}

{% macro postgres__regex_matches(text, pattern) -%}
    ({{ text }} ~ {{ pattern }})
{%- endmacro %}

{% macro snowflake__regex_matches(text, pattern) -%}
    regexp_instr({{ text }}, {{ pattern }}) > 0
{%- endmacro %}

{#- Java regular expressions; `rlike` finds the pattern anywhere, as regexp_matches does. -#}
{% macro spark__regex_matches(text, pattern) -%}
    ({{ text }} rlike {{ pattern }})
{%- endmacro %}

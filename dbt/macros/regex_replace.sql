{#- `text` with every match of the regular expression `pattern` replaced by `replacement`
    (a SQL string literal; \1 … \9 name capture groups). Dispatched per adapter; the lint
    templater has no `adapter` and renders the default.
    DuckDB replaces only the first match unless told 'g'; Spark always replaces all, and its
    fourth argument is a position, so the DuckDB call there is NULL (ANSI mode off), not an
    error. -#}
{% macro regex_replace(text, pattern, replacement) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('regex_replace')(text, pattern, replacement)) }}
    {%- else -%}
        {{ default__regex_replace(text, pattern, replacement) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__regex_replace(text, pattern, replacement) -%}
    regexp_replace({{ text }}, {{ pattern }}, {{ replacement }}, 'g')
{%- endmacro %}

{#- Java's replacement syntax names a group $1, where RE2's says \1. -#}
{% macro spark__regex_replace(text, pattern, replacement) -%}
    {%- set java_replacement = namespace(text=replacement) -%}
    {%- for group in range(1, 10) -%}
        {%- set java_replacement.text = java_replacement.text.replace('\\' ~ group, '$' ~ group) -%}
    {%- endfor -%}
    regexp_replace({{ text }}, {{ pattern }}, {{ java_replacement.text }})
{%- endmacro %}

{#- The first `n` space-separated words of `text`, joined by single spaces. -#}
{% macro first_words(text, n) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('first_words')(text, n)) }}
    {%- else -%}
        {{ default__first_words(text, n) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__first_words(text, n) -%}
    array_to_string(list_slice(string_split({{ text }}, ' '), 1, {{ n }}), ' ')
{%- endmacro %}

{% macro spark__first_words(text, n) -%}
    array_join(slice(split({{ text }}, ' '), 1, {{ n }}), ' ')
{%- endmacro %}

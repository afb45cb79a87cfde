{#- A double as text, written the way DuckDB (and Python's repr) writes it: the shortest
    digits that read back as the same number, plain from 1e-4 to 1e16 (1020000000.0, 0.0005),
    else with an exponent (1e+16, 1.5e-05). Dispatched per adapter; the lint templater has no
    `adapter` and renders the default. -#}
{% macro number_text(number) -%}
    {%- if adapter is defined -%}
        {{ return(adapter.dispatch('number_text')(number)) }}
    {%- else -%}
        {{ default__number_text(number) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__number_text(number) -%}
    cast({{ number }} as {{ xdb_type_string() }})
{%- endmacro %}

{#- Spark writes a double as Java does: plain from 1e-3 to 1e7, else 1.862E11. Java's
    mantissa digits are rewritten here into the DuckDB form. -#}
{% macro spark__number_text(number) -%}
    {%- set java = 'cast(' ~ number ~ ' as string)' -%}
    {%- set mantissa = "substring_index(" ~ java ~ ", 'E', 1)" -%}
    {%- set exponent = "cast(substring_index(" ~ java ~ ", 'E', -1) as int)" -%}
    {%- set sign = "case when " ~ mantissa ~ " like '-%' then '-' else '' end" -%}
    {%- set digits = "coalesce(nullif(trim(trailing '0' from regexp_replace(" ~ mantissa
        ~ ", '[-.]', '')), ''), '0')" -%}
    case
        when {{ number }} is null then null
        when instr({{ java }}, 'E') = 0 then {{ java }}
        when {{ exponent }} between 7 and 15 then concat(
            {{ sign }},
            case
                when length({{ digits }}) <= {{ exponent }} + 1
                    then concat(rpad({{ digits }}, {{ exponent }} + 1, '0'), '.0')
                else concat(
                    substr({{ digits }}, 1, {{ exponent }} + 1), '.',
                    substr({{ digits }}, {{ exponent }} + 2)
                )
            end
        )
        when {{ exponent }} between -4 and -1 then concat(
            {{ sign }}, '0.', repeat('0', -{{ exponent }} - 1), {{ digits }}
        )
        else concat(
            {{ sign }},
            substr({{ digits }}, 1, 1),
            case when length({{ digits }}) > 1 then concat('.', substr({{ digits }}, 2)) else '' end,
            'e', case when {{ exponent }} < 0 then '-' else '+' end,
            lpad(cast(abs({{ exponent }}) as string), 2, '0')
        )
    end
{%- endmacro %}

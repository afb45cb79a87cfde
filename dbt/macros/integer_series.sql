{#- The integers 1..upper_bound as a one-column relation (generated_number), written as a
    VALUES list so that it runs on any warehouse and in the lint templater alike. -#}
{% macro integer_series(upper_bound) -%}
    select series.generated_number
    from (
        values {% for n in range(1, upper_bound + 1) %}({{ n }}){{ ", " if not loop.last }}{% endfor %}
    ) as series (generated_number)
{%- endmacro %}

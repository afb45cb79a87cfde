{#- The integers 1..upper_bound as a one-column relation (generated_number), written as a
    VALUES list so that it runs on any warehouse and in the lint templater alike. -#}
{% macro integer_series(upper_bound) -%}
    select series.generated_number
    from (
        values {% for n in range(1, upper_bound + 1) %}({{ n }}){{ ", " if not loop.last }}{% endfor %}
    ) as series (generated_number)
{%- endmacro %}

{#- The years of the spend analysis, spend_first_year..spend_last_year of
    analytical_parameters, one row each (year); `parameters` names a relation or CTE with
    the seed's parameter_id and value columns. -#}
{% macro spend_years(parameters) -%}
    select bounds.first_year + series.generated_number - 1 as year
    from ({{ integer_series(60) }}) as series
    cross join (
        select
            cast(max(case when parameter_id = 'spend_first_year' then value end) as integer)
                as first_year,
            cast(max(case when parameter_id = 'spend_last_year' then value end) as integer)
                as last_year
        from {{ parameters }}
    ) as bounds
    where bounds.first_year + series.generated_number - 1 <= bounds.last_year
{%- endmacro %}

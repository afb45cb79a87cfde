{#- Compound uniqueness: no two rows share the same values of `columns` (a row whose key
    columns are all null is not a key). dbt core's `unique` takes one column; a concatenated
    expression would let NULLs and separator collisions through. Fails with every row of a
    repeated key, as `unique` does. -#}
{% test unique_combination(model, columns) %}

    with keyed as (
        select {{ columns | join(', ') }}
        from {{ model }}
        where not ({{ columns | join(' is null and ') }} is null)
    )

    select
        {{ columns | join(', ') }},
        count(*) as n_rows
    from keyed
    group by {{ columns | join(', ') }}
    having count(*) > 1

{% endtest %}

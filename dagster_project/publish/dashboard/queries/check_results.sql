-- Quality page: the latest outcome of every check in audit.check_results, failures first.
with ranked as (
    select
        *,
        row_number() over (
            partition by
                engine, suite, batch, expectation, coalesce(column_name, ''), coalesce(kwargs, '')
            order by checked_at desc
        ) as recency
    from audit.check_results
)

select
    checked_at,
    run_id,
    engine,
    suite,
    batch,
    expectation,
    column_name,
    success,
    is_critical,
    observed_value,
    unexpected_count,
    unexpected_sample
from ranked
where recency = 1
order by
    success asc, is_critical desc, suite asc, expectation asc, column_name asc, engine asc,
    batch asc, kwargs asc

-- Queries of the quality page (docs.py) over audit.check_results; `-- name: <query>` starts each.

-- name: latest_by_suite
-- The latest run of every suite and engine: how many of its expectations passed and failed.
with latest as (
    select
        suite,
        engine,
        max(checked_at) as checked_at
    from audit.check_results
    group by suite, engine
)

select
    results.suite,
    results.engine,
    any_value(results.run_id) as run_id,
    latest.checked_at,
    count(*) filter (where results.success) as passed,
    count(*) filter (where not results.success) as failed
from audit.check_results as results
inner join latest
    on
        results.suite = latest.suite
        and results.engine = latest.engine
        and results.checked_at = latest.checked_at
group by results.suite, results.engine, latest.checked_at
order by failed desc, results.suite asc;

-- name: latest_failures
with latest as (
    select
        suite,
        engine,
        max(checked_at) as checked_at
    from audit.check_results
    group by suite, engine
)

select
    results.suite,
    results.batch,
    results.expectation,
    results.column_name,
    results.observed_value,
    results.unexpected_count,
    results.unexpected_sample
from audit.check_results as results
inner join latest
    on
        results.suite = latest.suite
        and results.engine = latest.engine
        and results.checked_at = latest.checked_at
where not results.success
order by results.suite, results.batch;

-- name: runs
select
    run_id,
    min(checked_at) as started,
    count(*) as results,
    count(*) filter (where not success) as failed
from audit.check_results
group by run_id
order by started desc
limit 20;

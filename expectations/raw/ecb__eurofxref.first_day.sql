select cast(min(rate_date) as varchar) as first_day from {{ payload }}

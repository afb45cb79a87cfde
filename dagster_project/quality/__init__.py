"""Data quality: GX suites from expectations/, run as SQL inside DuckDB, on each payload
before it is loaded and on every built relation after dbt; their outcomes in audit.check_results."""

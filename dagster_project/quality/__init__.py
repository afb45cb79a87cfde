"""Data quality: GX suites from expectations/ as Dagster asset checks, with an audit log."""

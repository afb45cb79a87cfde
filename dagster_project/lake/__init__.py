"""The raw layer as open files (Parquet) and the same dbt models on Apache Spark."""

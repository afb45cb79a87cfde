{#- Register every dbt source as a table over its Parquet files in the lake:
    <lake>/<schema>/<table>/ as exported by dagster_project/lake/export.py. The lake is
    EGOV_LAKE_URI when set (storage a cluster reads: s3a://, abfss://, hdfs://), else the
    local EGOV_LAKE_DIR. Run before a Spark build:
        dbt run-operation register_lake_sources --target spark
    Each table is dropped and recreated, so a re-export with a new column is seen; the tables
    are external (they have a location), so dropping one never deletes the files. -#}
{% macro register_lake_sources() -%}
    {{ return(adapter.dispatch('register_lake_sources')()) }}
{%- endmacro %}

{#- DuckDB keeps the raw layer in the build file itself: nothing to register. -#}
{% macro default__register_lake_sources() -%}
    {{ log("register_lake_sources: the raw layer is in the " ~ target.type ~ " database", info=true) }}
{%- endmacro %}

{% macro spark__register_lake_sources() -%}
    {%- set lake = env_var('EGOV_LAKE_URI', env_var('EGOV_LAKE_DIR', '../warehouse/lake')) -%}
    {%- set sources = graph.sources.values() | sort(attribute='unique_id') -%}
    {%- for schema in sources | map(attribute='schema') | unique -%}
        {%- do run_query('create database if not exists ' ~ schema) -%}
    {%- endfor -%}
    {%- for source in sources -%}
        {%- set name = source.schema ~ '.' ~ source.identifier -%}
        {%- do run_query('drop table if exists ' ~ name) -%}
        {%- do run_query(
            'create table ' ~ name ~ ' using parquet location '
            ~ "'" ~ lake ~ '/' ~ source.schema ~ '/' ~ source.identifier ~ "'"
        ) -%}
    {%- endfor -%}
    {{ log("register_lake_sources: " ~ (sources | length) ~ " tables from " ~ lake, info=true) }}
{%- endmacro %}

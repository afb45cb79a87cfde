{#- Column descriptions (persist_docs) on Spark. dbt-spark writes them only for Delta, Hudi
    and Iceberg tables and drops them for the Parquet tables this project builds; a Parquet
    table in the session catalog takes a column comment as well (ALTER TABLE … CHANGE
    COLUMN … COMMENT). Views carry theirs in `create view` already.
    The Hive metastore keeps at most 256 characters of a column comment (and rejects a longer
    one with a misleading "types incompatible" error): a longer description is cut there,
    ending in "…"; the full text stays in the docs and on DuckDB. -#}
{% macro spark__alter_column_comment(relation, column_dict) %}
    {%- if relation.type == 'view' -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for column_name in column_dict -%}
        {%- set column = column_dict[column_name] -%}
        {%- set text = column['description'] or '' -%}
        {%- set text = text if text | length <= 256 else text[:255] ~ '…' -%}
        {%- set comment = text | replace('\\', '\\\\') | replace("'", "\\'") -%}
        {%- set name = adapter.quote(column_name) if column['quote'] else column_name -%}
        {%- do run_query(
            'alter table ' ~ relation ~ ' change column ' ~ name ~ " comment '" ~ comment ~ "'"
        ) -%}
    {%- endfor -%}
{% endmacro %}

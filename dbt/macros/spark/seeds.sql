{#- Seeds on Spark. dbt-spark's session method formats the bound values into the SQL as
    quoted text: an apostrophe in a cell breaks the statement and an empty cell becomes the
    string 'None' (which a rule pattern would then match). Here every value is written as a
    Spark literal instead, NULL for an empty cell; and the seeds' `varchar` column types
    (DuckDB's, no length) become Spark's `string`. The seed files and their YAML are the
    same for both engines. -#}

{% macro spark_seed_type(type_name) -%}
    {%- set bare = type_name | trim | lower -%}
    {{- 'string' if bare in ('varchar', 'text', 'char') else type_name -}}
{%- endmacro %}

{% macro spark_seed_literal(value) -%}
    {%- if value is none -%}
        null
    {%- elif value is sameas true or value is sameas false -%}
        {{ 'true' if value else 'false' }}
    {%- elif value is number -%}
        {{ value }}
    {%- else -%}
        '{{ (value | string).replace("\\", "\\\\").replace("'", "\\'") }}'
    {%- endif -%}
{%- endmacro %}

{% macro spark__create_csv_table(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set quote_seed_column = model['config'].get('quote_columns', None) -%}
    {% set sql %}
        create table {{ this.render() }} (
            {%- for col_name in agate_table.column_names -%}
                {%- set inferred_type = adapter.convert_type(agate_table, loop.index0) -%}
                {%- set type = spark_seed_type(column_override.get(col_name, inferred_type)) -%}
                {{ adapter.quote_seed_column(col_name | string, quote_seed_column) }} {{ type }}
                {%- if not loop.last -%}, {%- endif -%}
            {%- endfor -%}
        )
        {{ file_format_clause() }}
        {{ location_clause() }}
        {{ comment_clause() }}
    {% endset %}
    {% call statement('_') -%}
        {{ sql }}
    {%- endcall %}
    {{ return(sql) }}
{% endmacro %}

{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set types = [] -%}
    {%- for col_name in agate_table.column_names -%}
        {%- set inferred_type = adapter.convert_type(agate_table, loop.index0) -%}
        {%- do types.append(spark_seed_type(column_override.get(col_name, inferred_type))) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                (
                {%- for value in row -%}
                    cast({{ spark_seed_literal(value) }} as {{ types[loop.index0] }})
                    {%- if not loop.last %}, {% endif -%}
                {%- endfor -%}
                ){%- if not loop.last %},{% endif %}
            {% endfor -%}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- do statements.append(sql) -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}

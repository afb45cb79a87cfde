"""Column types of every dbt relation as asset metadata (`dagster/column_schema`).

dagster-dbt fills an asset's column schema from the dbt YAML, which documents columns but
declares no types, so the UI's *Type* column stayed empty. Its `fetch_column_metadata` asks
the database through a dbt adapter in the Dagster process while the dbt process is still
writing, and DuckDB admits one writer process: the two contend for the file's lock. Here the
types are read once, from the build file's catalog, after dbt has exited, and attached to
each model's and seed's event with the descriptions dagster-dbt took from the YAML.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import dagster as dg
import duckdb

ColumnTypes = Mapping[tuple[str, str], list[tuple[str, str]]]


def read_column_types(con: duckdb.DuckDBPyConnection) -> ColumnTypes:
    """(schema, table) -> [(column, DuckDB type)] in column order, for every relation."""
    rows = con.execute(
        "select schema_name, table_name, column_name, data_type from duckdb_columns() "
        "where database_name = current_database() "
        "order by schema_name, table_name, column_index"
    ).fetchall()
    found: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for schema, table, column, data_type in rows:
        found[schema, table].append((column, data_type))
    return found


def _schema(
    key: dg.AssetKey, types: ColumnTypes, documented: dg.TableSchema | None
) -> dg.TableSchema | None:
    columns = types.get(tuple(key.path)) if len(key.path) == 2 else None
    if not columns:
        return None
    described = {c.name: c for c in documented.columns} if documented else {}
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=name,
                type=data_type,
                description=described[name].description if name in described else None,
                tags=described[name].tags if name in described else None,
            )
            for name, data_type in columns
        ]
    )


def with_column_types(
    context: dg.AssetExecutionContext, event: object, types: ColumnTypes
) -> object:
    """The event with its relation's column schema, when it materializes a relation."""
    if not isinstance(event, dg.Output):
        return event
    key = context.asset_key_for_output(event.output_name)
    spec = context.assets_def.specs_by_key[key]
    documented = spec.metadata.get("dagster/column_schema")
    # Definition metadata may hold the schema itself or its metadata-value wrapper.
    documented = getattr(documented, "schema", documented)
    schema = _schema(key, types, documented if isinstance(documented, dg.TableSchema) else None)
    if schema is None:
        return event
    return event.with_metadata({**event.metadata, "dagster/column_schema": schema})

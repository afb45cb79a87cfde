"""The rules a dataset's declaration states, as GX expectations of its raw suite.

The declaration (sources/<provider>/<dataset>.yml) is the only place these are written:

* the parser's output columns (registered with the parser, plus `source_file`): the raw
  table has exactly these columns, so a parser change or a drifted file shows as schema drift;
* `options.key`: no two rows share a key (every row of a repeated key is unexpected, and the
  message names their files and rows);
* `options.plausible`: `{name: [low, high]}` in canonical units, a column of a wide table or
  an indicator of a long one (`indicator`/`value`); a value outside is usually a wrong unit.
"""

from __future__ import annotations

from typing import Any

from dagster_project.ingest.parsers import catalog
from dagster_project.landing.declarations import DatasetSpec, all_specs

SOURCE_FILE = "source_file"


def raw_columns(spec: DatasetSpec) -> list[str]:
    """The columns of raw.<dataset>: what the parser returns, plus the file each row came from."""
    columns = list(catalog.output_columns(spec.parser))
    return columns if SOURCE_FILE in columns else [*columns, SOURCE_FILE]


def _quoted(names: list[str]) -> str:
    return ", ".join('"' + n.replace('"', '""') + '"' for n in names)


def duplicate_key_query(key: list[str], columns: list[str]) -> str:
    """Rows whose key occurs more than once, with the columns that say where they came from."""
    where = [c for c in ("source_file", "source_row") if c in columns]
    key_list = _quoted(key)
    return (
        f"select {_quoted([*where, *key])} from {{batch}} "
        f"where ({key_list}) in (select ({key_list}) from {{batch}} "
        f"group by {key_list} having count(*) > 1) "
        f"order by {_quoted(where or key)}"
    )


def _plausible(spec: DatasetSpec, columns: list[str]) -> list[dict[str, Any]]:
    rules = []
    long = {"indicator", "value"} <= set(columns)
    for name, (low, high) in (spec.options.get("plausible") or {}).items():
        kwargs: dict[str, Any] = {"min_value": float(low), "max_value": float(high)}
        if long:
            kwargs |= {
                "column": "value",
                "row_condition": f'col("indicator")=="{name}"',
                "condition_parser": "great_expectations",
            }
        elif name in columns:
            kwargs["column"] = name
        else:
            raise ValueError(f"{spec.declaration_path}: plausible range for unknown {name!r}")
        rules.append(
            _rule("expect_column_values_to_be_between", kwargs, f"options.plausible.{name}")
        )
    return rules


def _rule(kind: str, kwargs: dict[str, Any], origin: str) -> dict[str, Any]:
    return {"type": kind, "kwargs": kwargs, "meta": {"declared_in": origin}}


def _contract(rule: dict[str, Any]) -> dict[str, Any]:
    """Mark a rule of the contract: it blocks the payload even when its suite only warns."""
    return {**rule, "meta": {**rule["meta"], "contract": True}}


def contract_expectations(dataset: str) -> list[dict[str, Any]]:
    """The declared rules of `dataset` (`<provider>__<dataset>`), in GX's serialised form."""
    spec = all_specs()[dataset]
    columns = raw_columns(spec)
    rules = [
        _contract(
            _rule(
                "expect_table_columns_to_match_set",
                {"column_set": columns, "exact_match": True},
                f"parser {spec.parser}",
            )
        )
    ]
    key = list(spec.options.get("key") or [])
    if key:
        query = duplicate_key_query(key, columns)
        rule = _rule("unexpected_rows_expectation", {"unexpected_rows_query": query}, "options.key")
        rules.append(_contract({**rule, "description": f"no repeated key {key}"}))
    return rules + _plausible(spec, columns)

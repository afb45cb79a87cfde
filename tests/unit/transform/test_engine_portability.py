"""The dbt project runs on DuckDB and on Spark: engine-specific SQL lives in dispatched macros.

A model, a singular test or a plain macro may not call a function that only DuckDB has (or
that means something else on Spark); such SQL sits in a `default__`/`duckdb__` branch of a
dispatched macro that also has a `spark__` branch. The lint templater's fallback (the
`else` of `{% if dbt is defined %}` / `{% if adapter is defined %}`) renders DuckDB SQL for
sqlfluff only and is not checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dagster_project.settings import DBT_DIR

# name -> why it is not portable
DUCKDB_ONLY = {
    "regexp_matches": "Spark has no regexp_matches (rlike): regex_matches()",
    "regexp_replace": "DuckDB replaces the first match unless 'g', Spark every one, and takes "
    "a position as 4th argument (NULL with ANSI off); groups \\1 vs $1: regex_replace()",
    "regexp_full_match": "DuckDB only",
    "regexp_split_to_array": "DuckDB only",
    "string_agg": "unordered on Spark: xdb_listagg()",
    "listagg": "dbt's listagg is an unordered collect_list on Spark: xdb_listagg()",
    "group_concat": "DuckDB only",
    "string_split": "DuckDB only (Spark split takes a regex)",
    "str_split": "DuckDB only",
    "array_to_string": "DuckDB only (array_join on Spark)",
    "list_slice": "DuckDB only (slice on Spark)",
    "list_value": "DuckDB only",
    "list_contains": "DuckDB only",
    "list_aggregate": "DuckDB only",
    "list": "DuckDB's list aggregate (collect_list on Spark)",
    "len": "DuckDB only (length)",
    "strftime": "DuckDB only (date_format on Spark)",
    "strptime": "DuckDB only (to_timestamp on Spark)",
    "epoch": "DuckDB only",
    "epoch_ms": "DuckDB only",
    "date_diff": "DuckDB only",
    "datediff": "argument order and units differ between the engines",
    "age": "DuckDB only",
    "struct_pack": "DuckDB only (named_struct on Spark)",
    "unnest": "DuckDB only (explode on Spark)",
    "generate_series": "DuckDB only: integer_series()",
    "range": "DuckDB's table function (Spark's range differs): integer_series()",
    "arg_max": "DuckDB only (max_by on Spark)",
    "arg_min": "DuckDB only (min_by on Spark)",
    "log": "base 10 on DuckDB, natural on Spark: ln() or log10()",
    "printf": "DuckDB only",
    "format": "DuckDB only",
}
# Syntax (not a function) that Spark does not read the same way.
DUCKDB_SYNTAX = {
    r"::\s*[a-z]": "the :: cast is DuckDB's: cast(x as type)",
    r"\bvarchar\b": "varchar without a length fails on Spark: xdb_type_string()",
    r"\bqualify\b": "DuckDB only: filter on a row_number in an outer query",
    r"\bexclude\s*\(": "select * exclude is DuckDB's",
}
AGGREGATES = (
    "sum",
    "avg",
    "min",
    "max",
    "count",
    "product",
    "string_agg",
    "array_agg",
    "list",
    "listagg",
    "first",
    "last",
    "any_value",
    "arg_max",
    "arg_min",
    "max_by",
    "min_by",
    "median",
    "mode",
    "quantile_cont",
    "quantile_disc",
    "bool_and",
    "bool_or",
    "stddev",
    "stddev_samp",
    "stddev_pop",
    "variance",
    "var_samp",
    "var_pop",
)
ADAPTER_PREFIXES = ("spark__", "postgres__", "snowflake__", "bigquery__", "trino__")
DUCKDB_BRANCHES = ("default__", "duckdb__")

_LINT_FALLBACK = re.compile(
    r"(\{%-?\s*if\s+(?:dbt|adapter)\s+is\s+defined\b[^%]*%\})(.*?)"
    r"\{%-?\s*else\s*-?%\}.*?(\{%-?\s*endif\s*-?%\})",
    re.DOTALL,
)
_MACRO = re.compile(
    r"\{%-?\s*macro\s+(\w+)\s*\(.*?%\}(.*?)\{%-?\s*endmacro\s*-?%\}", re.DOTALL | re.IGNORECASE
)


def _code(text: str) -> str:
    """SQL and Jinja without comments, string literals or the lint templater's fallback."""
    text = re.sub(r"\{#.*?#\}", " ", text, flags=re.DOTALL)
    text = _LINT_FALLBACK.sub(r"\1\2\3", text)
    # Jinja statements ({% for n in range(…) %}) are not SQL.
    text = re.sub(r"\{%.*?%\}", " ", text, flags=re.DOTALL)
    text = re.sub(r"--[^\n]*", " ", text)
    text = re.sub(r"'(?:[^']|'')*'", "''", text)
    return re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)


def _ordered_aggregates(code: str) -> list[str]:
    """Calls with an `order by` among their own arguments: sum(x order by k) is DuckDB's
    (a window's `order by` sits in `over (…)`, after the call)."""
    found = []
    for call in re.finditer(rf"(?<![\w.])({'|'.join(AGGREGATES)})\s*\(", code):
        depth, position = 1, call.end()
        while depth and position < len(code):
            depth += {"(": 1, ")": -1}.get(code[position], 0)
            if depth == 1 and re.match(r"order\s+by\b", code[position:]):
                found.append(
                    f"{call.group(1)}(… order by …): DuckDB's ordered aggregate: "
                    "ordered_sum() or xdb_listagg()"
                )
                break
            position += 1
    return found


def duckdb_only_uses(text: str) -> list[str]:
    """Each DuckDB-only function or syntax in `text`, with why."""
    code = _code(text).lower()
    found = [
        f"{name}(): {why}"
        for name, why in DUCKDB_ONLY.items()
        if re.search(rf"(?<![\w.]){name}\s*\(", code)
    ]
    found += [why for pattern, why in DUCKDB_SYNTAX.items() if re.search(pattern, code)]
    return found + _ordered_aggregates(code)


def non_portable_macros(text: str) -> list[str]:
    """Macros of one file that hold DuckDB-only SQL without being a branch with a spark__ twin."""
    macros = {name: body for name, body in _MACRO.findall(text)}
    problems = []
    for name, body in macros.items():
        if name.startswith(ADAPTER_PREFIXES):
            continue
        uses = duckdb_only_uses(body)
        if not uses:
            continue
        branch = next((p for p in DUCKDB_BRANCHES if name.startswith(p)), None)
        if branch is None:
            problems.append(f"macro {name} is not dispatched: {uses}")
        elif f"spark__{name[len(branch) :]}" not in macros:
            problems.append(f"macro {name} has no spark__ branch: {uses}")
    return problems


def _files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (DBT_DIR / folder).rglob("*.sql"))


@pytest.mark.parametrize(
    "path", _files("models", "tests"), ids=lambda p: str(p.relative_to(DBT_DIR))
)
def test_models_and_tests_call_no_duckdb_only_function(path):
    assert duckdb_only_uses(path.read_text(encoding="utf-8")) == []


def test_duckdb_only_sql_in_macros_sits_in_a_branch_with_a_spark_twin():
    text = "\n".join(p.read_text(encoding="utf-8") for p in _files("macros"))
    assert non_portable_macros(text) == []


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("select regexp_matches(title, 'x') from t", ["regexp_matches()"]),
        ("select string_agg(a, ',' order by a) from t", ["string_agg()", "ordered aggregate"]),
        ("select cast(null as varchar) as a", ["varchar"]),
        ("select a::integer from t", [":: cast"]),
        ("select log(a) from t", ["log()"]),
        ("select sum(w * s order by k) / sum(w) from t", ["ordered aggregate"]),
        ("select row_number() over (partition by a order by b) from t", []),
        ("select ln(a), 'regexp_matches(' as s from t -- list(a)", []),
        ("select {# string_agg(a) #} coalesce(a, b) from t", []),
    ],
)
def test_the_scan_finds_duckdb_only_sql_and_nothing_else(sql, expected):
    uses = duckdb_only_uses(sql)
    assert len(uses) == len(expected)
    for use, word in zip(uses, expected, strict=True):
        assert word.strip("()") in use, use


def test_a_duckdb_branch_needs_its_spark_twin():
    dispatched = (
        "{% macro f(x) %}{{ return(adapter.dispatch('f')(x)) }}{% endmacro %}"
        "{% macro default__f(x) %}regexp_matches({{ x }}, 'a'){% endmacro %}"
    )
    assert non_portable_macros(dispatched) == [
        "macro default__f has no spark__ branch: ['regexp_matches(): "
        + DUCKDB_ONLY["regexp_matches"]
        + "']"
    ]
    twin = "{% macro spark__f(x) %}({{ x }} rlike 'a'){% endmacro %}"
    assert non_portable_macros(dispatched + twin) == []
    plain = "{% macro g(x) %}string_split({{ x }}, ' '){% endmacro %}"
    assert non_portable_macros(plain)[0].startswith("macro g is not dispatched")

"""The quality suites as plain SQL aggregates: the checks of the baseline.

Each expectation of a suite batch (GX's serialised form, quality/suites.py) becomes an
aggregate (or a scalar subquery) counting its unexpected rows, with GX's semantics: map
expectations skip missing values (except the null checks), `mostly` is honoured, uniqueness
counts every row of a repeated value, a row condition restricts the rows considered, suite
parameters are evaluated. All expectations of a batch are evaluated by one query, so each
batch is scanned once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from dagster_project.quality.suites import Suite

COLUMN_KEYS = ("column", "column_A", "column_B", "column_list")
_CONDITION = re.compile(r'col\("([^"]+)"\)\s*==\s*"([^"]*)"')


def kind(expectation: dict) -> str:
    return expectation["type"]


def columns_of(expectation: dict) -> list[str]:
    found: list[str] = []
    for key in COLUMN_KEYS:
        value = expectation["kwargs"].get(key)
        found += [c for c in ([value] if isinstance(value, str) else value or []) if c not in found]
    return found


def source(target: str) -> str:
    return f"({target}) as batch"


def evaluated(kwargs: dict, parameters: dict) -> dict:
    """kwargs with every {"$PARAMETER": "name [* factor]"} replaced by its value."""
    out = dict(kwargs)
    for key, value in kwargs.items():
        if isinstance(value, dict) and "$PARAMETER" in value:
            name, _, factor = value["$PARAMETER"].partition("*")
            found = parameters[name.strip()]
            out[key] = found * float(factor) if factor.strip() else found
    return out


def _condition(kwargs: dict) -> str:
    found = _CONDITION.fullmatch((kwargs.get("row_condition") or "").strip())
    return f"{_q(found.group(1))} = {_literal(found.group(2))}" if found else "true"


@dataclass(frozen=True)
class SqlOutcome:
    batch: str
    expectation: str
    column: str | None
    success: bool
    unexpected_count: int | None
    observed: Any = None


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if hasattr(value, "isoformat"):
        return f"date '{value.isoformat()}'"
    return "'" + str(value).replace("'", "''") + "'"


def _between(value: str, low: Any, high: Any, strict_low: bool, strict_high: bool) -> str:
    parts = []
    if low is not None:
        parts.append(f"{value} {'>' if strict_low else '>='} {_literal(low)}")
    if high is not None:
        parts.append(f"{value} {'<' if strict_high else '<='} {_literal(high)}")
    return " and ".join(parts) or "true"


def _nulls(column: str, name: str) -> tuple[str, str]:
    if name == "expect_column_values_to_not_be_null":
        return f"count(*) filter (where {column} is null)", "count(*)"
    return f"count({column})", "count(*)"


def _between_check(column: str, kwargs: dict) -> str:
    ok = _between(
        column,
        kwargs.get("min_value"),
        kwargs.get("max_value"),
        kwargs.get("strict_min", False),
        kwargs.get("strict_max", False),
    )
    where = _condition(kwargs)
    return f"count(*) filter (where {where} and {column} is not null and not ({ok}))"


def _set_check(column: str, kwargs: dict, name: str) -> str:
    values = ", ".join(_literal(v) for v in kwargs["value_set"])
    negate = "not " if name.endswith("_to_be_in_set") else ""
    return f"count(*) filter (where {negate}({column} in ({values})))"


def _regex_check(column: str, kwargs: dict, name: str) -> str:
    negate = "not " if "_to_match" in name else ""
    test = f"regexp_matches(cast({column} as varchar), {_literal(kwargs['regex'])})"
    return f"count(*) filter (where {negate}{test})"


def _repeated(table: str, key: list[str]) -> tuple[str, str]:
    """Rows whose key (not entirely missing) occurs more than once, and rows considered."""
    columns = ", ".join(_q(c) for c in key)
    present = " or ".join(f"{_q(c)} is not null" for c in key)
    repeated = (
        f"(select coalesce(sum(n), 0) from (select count(*) as n from {table} "
        f"where {present} group by {columns} having count(*) > 1))"
    )
    return repeated, f"count(*) filter (where {present})"


_PAIR_IGNORED = {
    "both_values_are_missing": "{a} is null and {b} is null",
    "either_value_is_missing": "{a} is null or {b} is null",
    "neither": "false",
}


def _pair_check(kwargs: dict, name: str) -> tuple[str, str]:
    """Column-pair expectations as GX's SQL engine evaluates them: rows skipped by
    `ignore_row_if` (default: both values missing); among the rest, a missing value is
    unexpected for equality, while a comparison or a set of pairs that SQL finds unknown
    (three-valued logic) is not counted."""
    a, b = _q(kwargs["column_A"]), _q(kwargs["column_B"])
    ignored = _PAIR_IGNORED[kwargs.get("ignore_row_if") or "both_values_are_missing"]
    kept = f"not ({ignored.format(a=a, b=b)})"
    if name == "expect_column_pair_values_a_to_be_greater_than_b":
        op = ">=" if kwargs.get("or_equal") else ">"
        unexpected = f"not ({a} {op} {b})"
    elif name == "expect_column_pair_values_to_be_equal":
        unexpected = f"not coalesce({a} = {b}, false)"
    else:
        pairs = kwargs["value_pairs_set"]
        ok = " or ".join(f"({a} = {_literal(x)} and {b} = {_literal(y)})" for x, y in pairs)
        unexpected = f"not ({ok or 'false'})"
    return (
        f"count(*) filter (where {kept} and {unexpected})",
        f"count(*) filter (where {kept})",
    )


def _unexpected(expectation: dict, table: str, kwargs: dict) -> tuple[str, str]:
    """(count of unexpected rows, count of rows considered) as SQL expressions."""
    name = kind(expectation)
    column = _q(kwargs["column"]) if "column" in kwargs else ""
    considered = f"count({column})"
    if name in ("expect_column_values_to_not_be_null", "expect_column_values_to_be_null"):
        return _nulls(column, name)
    if name.startswith("expect_column_pair_values_"):
        return _pair_check(kwargs, name)
    if name == "expect_column_values_to_be_between":
        return _between_check(column, kwargs), considered
    if name.endswith("_in_set"):
        return _set_check(column, kwargs, name), considered
    if name.endswith("match_regex") or name.endswith("match_duckdb_regex"):
        return _regex_check(column, kwargs, name), considered
    if name in ("expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"):
        return _repeated(table, kwargs.get("column_list") or [kwargs["column"]])
    raise NotImplementedError(name)


def _observed(expectation: dict, table: str, kwargs: dict) -> str:
    """The observed value of a table- or column-aggregate expectation."""
    name = kind(expectation)
    if name in ("expect_table_row_count_to_be_between", "expect_table_row_count_to_equal"):
        return "count(*)"
    if name == "unexpected_rows_expectation":
        query = kwargs["unexpected_rows_query"].replace("{batch}", table)
        return f"(select count(*) from ({query}))"
    if name == "expect_column_unique_value_count_to_be_between":
        return f"count(distinct {_q(kwargs['column'])})"
    raise NotImplementedError(name)


def _judge_observed(expectation: dict, observed: Any, kwargs: dict) -> bool:
    if kind(expectation) == "expect_table_row_count_to_equal":
        return observed == kwargs["value"]
    if kind(expectation) == "unexpected_rows_expectation":
        return observed == 0
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    return (low is None or observed >= low) and (high is None or observed <= high)


def _judge_columns(expectation: dict, columns: list[str], kwargs: dict) -> bool:
    name = kind(expectation)
    if name == "expect_table_columns_to_match_set":
        expected = set(kwargs["column_set"])
        if kwargs.get("exact_match", True) is False:
            return expected <= set(columns)
        return expected == set(columns)
    if name == "expect_table_columns_to_match_ordered_list":
        return list(kwargs["column_list"]) == columns
    if name == "expect_column_to_exist":
        return kwargs["column"] in columns
    raise NotImplementedError(name)


SCHEMA_KINDS = {
    "expect_table_columns_to_match_set",
    "expect_table_columns_to_match_ordered_list",
    "expect_column_to_exist",
}
OBSERVED_KINDS = {
    "unexpected_rows_expectation",
    "expect_table_row_count_to_be_between",
    "expect_table_row_count_to_equal",
    "expect_column_unique_value_count_to_be_between",
}


def check_batch(
    con: Any, batch: str, target: str, expectations: list, parameters: dict | None = None
) -> list[SqlOutcome]:
    """Every expectation of one batch, evaluated by a single query over the batch."""
    table = source(target)
    columns = [d[0] for d in con.execute(f"select * from {table} limit 0").description]
    selects, plans = [], []
    for expectation in expectations:
        name = kind(expectation)
        kwargs = evaluated(expectation["kwargs"], parameters or {})
        if name in SCHEMA_KINDS:
            plans.append(("schema", None, kwargs))
        elif name in OBSERVED_KINDS:
            plans.append(("observed", len(selects), kwargs))
            selects.append(_observed(expectation, table, kwargs))
        else:
            unexpected, considered = _unexpected(expectation, table, kwargs)
            plans.append(("map", len(selects), kwargs))
            selects.extend([unexpected, considered])
    row = con.execute(f"select {', '.join(selects) or '1'} from {table}").fetchone()
    outcomes = []
    for expectation, (mode, at, kwargs) in zip(expectations, plans, strict=True):
        column = (columns_of(expectation) or [None])[0]
        if mode == "schema":
            ok = _judge_columns(expectation, columns, kwargs)
            count, observed = None, json.dumps(columns)
        elif mode == "observed":
            observed = row[at]
            ok, count = _judge_observed(expectation, observed, kwargs), None
        else:
            count, considered = int(row[at] or 0), int(row[at + 1] or 0)
            mostly = kwargs.get("mostly")
            mostly = 1.0 if mostly is None else float(mostly)
            ok = considered == 0 or (considered - count) / considered >= mostly
            observed = None
        outcomes.append(SqlOutcome(batch, kind(expectation), column, ok, count, observed))
    return outcomes


def check_suite(
    con: Any,
    suite: Suite,
    relations: dict[str, str] | None = None,
    parameters: dict | None = None,
) -> list[SqlOutcome]:
    """Every batch of a suite (payload suites with `relations` and `parameters` given)."""
    outcomes = []
    for batch, expectations in suite.by_batch().items():
        query = suite.batch_query(batch, relations or {})
        outcomes.extend(check_batch(con, batch, query, expectations, parameters))
    return outcomes

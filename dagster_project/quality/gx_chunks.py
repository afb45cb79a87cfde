"""Validating a large batch in chunks, so memory stays flat at millions of rows.

Pulling a 10-million-row table into pandas for Great Expectations takes gigabytes. Above
CHUNK_ROWS rows, a batch is validated piecewise, every row still checked by GX itself:

* row-wise expectations (a row passes or fails on its own values: not null, between, in
  set, regex, …) run on consecutive chunks of the needed columns, streamed from DuckDB; the
  element, missing and unexpected counts of the chunks are summed and the verdict (with
  `mostly`) is taken as GX takes it, from the summed counts;
* uniqueness expectations run on hash partitions of their key (`hash(key) % k`), so every
  duplicate meets its twin in the same chunk and the summed counts equal the whole-table ones;
* table-level expectations run on the whole table's shape: the column set on a frame of no
  rows with every column, the row count on a frame of the table's row count with no columns.

A batch holding any other expectation (an aggregate such as a mean) is not chunked: the
caller validates it whole. Unexpected samples of a uniqueness expectation come from the
partitions, so they may differ from the whole-table sample; counts and verdicts do not.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

CHUNK_ROWS = 500_000  # ~1.3 GB peak for the 10M-row intentions suite (1M: ~2.1 GB)
SAMPLE_SIZE = 20  # GX's partial_unexpected_count in the SUMMARY result format

ROW_COUNT = {"expect_table_row_count_to_be_between", "expect_table_row_count_to_equal"}
SCHEMA = {
    "expect_table_columns_to_match_set",
    "expect_table_columns_to_match_ordered_list",
    "expect_table_column_count_to_equal",
    "expect_table_column_count_to_be_between",
    "expect_column_to_exist",
}
ROW_WISE = {
    "expect_column_values_to_not_be_null",
    "expect_column_values_to_be_null",
    "expect_column_values_to_be_between",
    "expect_column_values_to_be_in_set",
    "expect_column_values_to_not_be_in_set",
    "expect_column_values_to_match_regex",
    "expect_column_values_to_not_match_regex",
    "expect_column_values_to_match_regex_list",
    "expect_column_values_to_not_match_regex_list",
    "expect_column_value_lengths_to_be_between",
    "expect_column_value_lengths_to_equal",
    "expect_column_pair_values_a_to_be_greater_than_b",
    "expect_column_pair_values_to_be_equal",
}
UNIQUE = {"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"}
COLUMN_KEYS = ("column", "column_A", "column_B", "column_list")


def kind(expectation: Any) -> str:
    return expectation.configuration.type


def columns_of(expectation: Any) -> list[str]:
    kwargs = expectation.configuration.kwargs
    found: list[str] = []
    for key in COLUMN_KEYS:
        value = kwargs.get(key)
        for column in [value] if isinstance(value, str) else value or []:
            if column not in found:
                found.append(column)
    return found


def chunkable(expectations: list) -> bool:
    return all(kind(e) in ROW_COUNT | SCHEMA | ROW_WISE | UNIQUE for e in expectations)


@dataclass
class Tally:
    """One expectation's result, summed over the chunks it ran on."""

    success: bool = True
    element_count: int = 0
    missing_count: int | None = None
    unexpected_count: int = 0
    sample: list[Any] = field(default_factory=list)
    observed_value: Any = None
    mostly: float = 1.0

    def add(self, result: Any) -> None:
        details = result.result or {}
        self.element_count += details.get("element_count") or 0
        if "missing_count" in details:
            self.missing_count = (self.missing_count or 0) + (details["missing_count"] or 0)
        self.unexpected_count += details.get("unexpected_count") or 0
        room = SAMPLE_SIZE - len(self.sample)
        self.sample.extend((details.get("partial_unexpected_list") or [])[: max(room, 0)])
        self.success = self._verdict()

    def as_result(self, expectation: Any) -> Any:
        """Shaped like a GX validation result, for the runner's outcome writer."""
        result = {
            "element_count": self.element_count,
            "unexpected_count": self.unexpected_count,
            "partial_unexpected_list": self.sample,
        }
        if self.missing_count is not None:
            result["missing_count"] = self.missing_count
        return SimpleNamespace(
            expectation_config=expectation.configuration, success=self.success, result=result
        )

    def _verdict(self) -> bool:
        """GX's rule for map expectations: vacuous on nothing, else the `mostly` ratio of
        the rows considered (non-missing ones, when the expectation skips missing values)."""
        considered = self.element_count - (self.missing_count or 0)
        if self.element_count == 0 or considered == 0:
            return True
        return (considered - self.unexpected_count) / considered >= self.mostly


@dataclass(frozen=True)
class Chunk:
    """Rows to validate and the expectations (by position in the batch) that run on them;
    `whole` rows are validated as one frame."""

    label: str
    query: str
    positions: tuple[int, ...]
    whole: bool = False


def source(target: str) -> str:
    """A batch target (a relation name or a query) as something to select from."""
    if target.lstrip().lower().startswith(("select", "with")):
        return f"({target}) as batch"
    return target


def plan(target: str, expectations: list, rows: int) -> list[Chunk]:
    """The row-wise stream and the hash partitions of each uniqueness key (table-level
    expectations are validated on the table's shape, see `validate_in_chunks`)."""
    chunks: list[Chunk] = []
    row_wise = [i for i, e in enumerate(expectations) if kind(e) in ROW_WISE]
    if row_wise:
        needed = _union(columns_of(expectations[i]) for i in row_wise)
        chunks.append(
            Chunk("rows", f"select {_list(needed)} from {source(target)}", tuple(row_wise))
        )
    partitions = max(1, math.ceil(rows / CHUNK_ROWS))
    by_key: dict[tuple[str, ...], list[int]] = {}
    for i, e in enumerate(expectations):
        if kind(e) in UNIQUE:
            by_key.setdefault(tuple(columns_of(e)), []).append(i)
    for key, positions in by_key.items():
        columns = _list(list(key))
        for part in range(partitions):
            query = (
                f"select {columns} from {source(target)} "
                f"where hash({columns}) % {partitions} = {part}"
            )
            chunks.append(Chunk(f"{'+'.join(key)} #{part}", query, tuple(positions), whole=True))
    return chunks


def frames(con: Any, chunk: Chunk) -> Iterator[Any]:
    """The chunk's rows as pandas frames: a hash partition whole (so that duplicates meet),
    the row stream in frames of CHUNK_ROWS rows (DuckDB hands results over in pieces)."""
    import pandas as pd

    result = con.execute(chunk.query)
    if chunk.whole:
        frame = result.df()
        if not frame.empty:
            yield frame
        return
    pending: list[Any] = []
    size = 0
    vectors = max(1, CHUNK_ROWS // 2048)  # DuckDB hands rows over in vectors of 2048
    while True:
        piece = result.fetch_df_chunk(vectors)
        if piece.empty:
            break
        pending.append(piece)
        size += len(piece)
        while size >= CHUNK_ROWS:
            frame = pd.concat(pending, ignore_index=True)
            yield frame.iloc[:CHUNK_ROWS]
            rest = frame.iloc[CHUNK_ROWS:]
            pending, size = ([rest] if len(rest) else []), len(rest)
    if size:
        yield pd.concat(pending, ignore_index=True)


Validate = Callable[[list, Any], list]


def validate_in_chunks(con: Any, target: str, expectations: list, rows: int, validate: Validate):
    """One GX-shaped result per expectation, in order; `validate(expectations, frame)` runs GX
    on one frame and returns its results in the order of the expectations given."""
    import pandas as pd

    results: list[Any] = [None] * len(expectations)

    def run(positions: list[int] | tuple[int, ...], frame: Any) -> list:
        """The results of one frame, in the order of `positions` (GX may reorder them)."""
        found: dict[str, list] = {}
        for result in validate([expectations[i] for i in positions], frame):
            found.setdefault(_identity(result.expectation_config), []).append(result)
        return [found[_identity(expectations[i].configuration)].pop(0) for i in positions]

    schema = [i for i, e in enumerate(expectations) if kind(e) in SCHEMA]
    if schema:
        shape = con.execute(f"select * from {source(target)} limit 0").df()
        for i, result in zip(schema, run(schema, shape)):
            results[i] = result
    counted = [i for i, e in enumerate(expectations) if kind(e) in ROW_COUNT]
    if counted:
        for i, result in zip(counted, run(counted, pd.DataFrame(index=pd.RangeIndex(rows)))):
            results[i] = result
    tallies = {
        i: Tally(mostly=_mostly(e))
        for i, e in enumerate(expectations)
        if kind(e) in ROW_WISE | UNIQUE
    }
    for chunk in plan(target, expectations, rows):
        for frame in frames(con, chunk):
            for i, result in zip(chunk.positions, run(chunk.positions, frame)):
                tallies[i].add(result)
    for i, tally in tallies.items():
        results[i] = tally.as_result(expectations[i])
    return results


def _identity(configuration: Any) -> str:
    kwargs = {k: v for k, v in configuration.kwargs.items() if k != "batch_id"}
    return json.dumps([configuration.type, kwargs], sort_keys=True, default=str)


def _mostly(expectation: Any) -> float:
    mostly = expectation.configuration.kwargs.get("mostly")
    return 1.0 if mostly is None else float(mostly)


def _union(groups: Any) -> list[str]:
    found: list[str] = []
    for group in groups:
        found.extend(c for c in group if c not in found)
    return found


def _list(columns: list[str]) -> str:
    return ", ".join('"' + c.replace('"', '""') + '"' for c in columns)

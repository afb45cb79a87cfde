"""The one calling convention of every dataset parser: `parse_dataset(spec, files)`.

A declaration names its parser by its short name (`parser: nbs.gdp`, see
parsers/catalog.py). Every parser takes ONE file,
`parse_x(path: Path) -> pandas.DataFrame`, plus `encoding=` when it reads text (the
declared `encoding` is passed in). A dataset of several files (`paths:` in the
declaration, e.g. one file per survey year) is parsed file by file and concatenated, in
file-name order; each row gets `source_file` next to the parser's `source_row`.

Parsers may leave two notes in `frame.attrs`, which this module gathers:
`raw_columns` (the header as found, checked against the declared `columns`) and
`dropped_rows` (`{"source_row", "reason"}` for rows deliberately left out). The result
carries `attrs["dropped_rows"]` (with `source_file`) and `attrs["extra_columns"]`.
Any InputError leaves with the dataset and the file named.

A parser may instead return a `DuckDBLoad` (duckdb_load.py) for a file DuckDB reads itself,
e.g. a CSV of millions of rows: the payload is then a `DuckDBPayload`, loaded by the raw
asset in SQL. The declared key and plausible ranges are rules of the dataset's suite, checked
on the loaded payload before it replaces the raw table (quality/payload.py).
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest import contract
from dagster_project.ingest.duckdb_load import DuckDBLoad, DuckDBPayload
from dagster_project.ingest.parsers import catalog
from dagster_project.landing.declarations import DatasetSpec


def load_parser(spec: DatasetSpec) -> Callable[..., pd.DataFrame | DuckDBLoad]:
    return catalog.lookup(spec.parser)


def parse_file(spec: DatasetSpec, path: Path) -> pd.DataFrame | DuckDBLoad:
    """Run the declared parser on one file and check its header against the declaration."""
    parser = load_parser(spec)
    kwargs = {}
    if "encoding" in inspect.signature(parser).parameters:
        kwargs["encoding"] = spec.encoding
    try:
        parsed = parser(path, **kwargs)
        if isinstance(parsed, DuckDBLoad):
            extra = contract.check_columns(spec, parsed.raw_columns, path.name)
            return dataclasses.replace(parsed, extra_columns=tuple(extra))
        extra = contract.check_columns(
            spec, parsed.attrs.get("raw_columns", spec.columns), path.name
        )
    except InputError as exc:
        raise exc.with_context(dataset=spec.name, file=path.name) from exc
    parsed.attrs["extra_columns"] = extra
    return parsed


def parse_dataset(spec: DatasetSpec, files: Sequence[Path]) -> pd.DataFrame | DuckDBPayload:
    """All files of one payload → one frame (headers checked against the declaration), or
    the DuckDB loads of its files."""
    if not files:
        raise InputError("no files to parse", dataset=spec.name)
    paths = sorted(files, key=lambda p: p.name)
    parsed = [parse_file(spec, path) for path in paths]
    loads = [part for part in parsed if isinstance(part, DuckDBLoad)]
    if loads and len(loads) < len(parsed):
        raise InputError(
            "one payload mixes files DuckDB loads (e.g. .csv) with files parsed in Python; "
            "drop one form at a time",
            dataset=spec.name,
        )
    return DuckDBPayload(tuple(loads)) if loads else _concatenate(spec, paths, parsed)


def _concatenate(spec: DatasetSpec, paths: list[Path], parsed: list) -> pd.DataFrame:
    frames, dropped, extra = [], [], {}
    for path, parsed_frame in zip(paths, parsed, strict=True):
        dropped += [
            {**row, "source_file": path.name} for row in parsed_frame.attrs.get("dropped_rows", [])
        ]
        if parsed_frame.attrs["extra_columns"]:
            extra[path.name] = parsed_frame.attrs["extra_columns"]
        frame = parsed_frame.assign(source_file=path.name)
        frame.attrs = {}
        frames.append(frame)
    result = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    result.attrs = {"dropped_rows": dropped, "extra_columns": extra}
    return result


def dropped_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """What `parse_dataset` left out and why, as a frame (source_file, source_row, reason)."""
    rows = frame.attrs.get("dropped_rows", [])
    return pd.DataFrame(rows, columns=["source_file", "source_row", "reason"])

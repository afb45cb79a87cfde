"""Parser for the UN E-Government Development Index files (UNU-EGOV/datasets, egdi-YYYY.csv).

One file per biennial survey, 193 UN member states each. The survey year is only in the file
name. Quirks: the rank is written as a float in some years (`72.0`); in 2010 some countries
have no human-capital index and South Sudan, not yet surveyed, has no values at all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from dagster_project.core.errors import InputError
from dagster_project.ingest.parsers.catalog import register
from dagster_project.ingest.parsers.cells import parse_number, read_rows
from dagster_project.ingest.parsers.tabular import require_columns

MEMBER_STATES = 193
# Raw index column → output name, in output order.
_INDICES = {"e-gov-index": "egdi", "e-pat-index": "epi", "osi": "osi", "hci": "hci", "tii": "tii"}
_REQUIRED = ["country-code", "country-name", "e-gov-rank", *_INDICES]
COLUMNS = [
    "survey_year",
    "country_code",
    "country_name",
    "egdi_rank",
    *_INDICES.values(),
    "source_row",
]


@register("un_egdi.egdi", columns=COLUMNS)
def parse_egdi(path: Path, encoding: str = "utf-8") -> pd.DataFrame:
    """One row per country and survey: rank (integer), EGDI and its component indices."""
    year = _survey_year(path)
    table = read_rows(path, encoding)
    raw = pd.DataFrame([cells for _, cells in table.rows], columns=table.header)
    require_columns(raw, _REQUIRED, path)
    if len(raw) != MEMBER_STATES:
        raise InputError(
            f"{len(raw)} countries, expected {MEMBER_STATES} (truncated file?)", file=path.name
        )
    records = []
    for number, row in zip((n for n, _ in table.rows), raw.to_dict("records"), strict=True):
        code = row["country-code"]
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise InputError(
                f"{code!r} is not an ISO 3166 alpha-3 code",
                file=path.name,
                row=number,
                column="country-code",
            )
        rank = _rank(row["e-gov-rank"], path.name, number)
        values = [parse_number(row[k], file=path.name, row=number, column=k) for k in _INDICES]
        records.append((year, code, row["country-name"], rank, *values, number))
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    frame = frame.astype({"survey_year": "int64", "egdi_rank": "Int64", "source_row": "int64"})
    indices = list(_INDICES.values())
    frame[indices] = frame[indices].astype("float64")
    frame.attrs["raw_columns"] = table.header
    return frame


def _survey_year(path: Path) -> int:
    match = re.search(r"(?:19|20)\d{2}", path.stem)
    if match is None:
        raise InputError("no survey year in the file name (expected …YYYY.csv)", file=path.name)
    return int(match.group(0))


def _rank(raw: str, file: str, row: int) -> int | None:
    """`65` or `65.0` → 65; a fractional rank is not a rank."""
    value = parse_number(raw, file=file, row=row, column="e-gov-rank")
    if value is None:
        return None
    if not value.is_integer():
        raise InputError(f"rank {raw!r} is not whole", file=file, row=row, column="e-gov-rank")
    return int(value)

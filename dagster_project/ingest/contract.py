"""The header of a file against its declaration (sources/<provider>/<dataset>.yml).

`columns` is the raw header every file must carry. A declared column that is missing or
renamed is schema drift and an InputError; an extra column is tolerated and reported. The
declaration's other rules (`options.key`, `options.plausible`) are checked on the parsed
payload by the dataset's suite (quality/contract_rules.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from dagster_project.core.errors import InputError
from dagster_project.landing.declarations import DatasetSpec


def check_columns(spec: DatasetSpec, raw_columns: Sequence[str], file: str) -> list[str]:
    """Missing declared columns raise; the extra columns found are returned."""
    found = [str(name).strip() for name in raw_columns]
    missing = [name for name in spec.columns if name not in found]
    if missing:
        raise InputError(
            f"schema drift: declared column(s) {missing} not found; found {found}",
            dataset=spec.name,
            file=file,
            column=missing[0],
        )
    return [name for name in found if name not in spec.columns]

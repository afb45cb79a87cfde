"""Parsers by short name: a declaration says `parser: nbs.gdp`, never a module path, so moving
or renaming a module never silently breaks a declaration.

A parser registers itself with `@register("nbs.gdp", columns=...)`: `columns` are the columns
of the frame it returns (the raw table adds `source_file`), the output contract its dataset's
raw suite checks for schema drift. `lookup` imports every module of this package once (so each
registration has run) and answers by name, or names the known ones.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

Parser = Callable[..., Any]
_PARSERS: dict[str, Parser] = {}
_COLUMNS: dict[str, tuple[str, ...]] = {}


def register(name: str, *, columns: Sequence[str]) -> Callable[[Parser], Parser]:
    def decorate(function: Parser) -> Parser:
        if _PARSERS.get(name, function) is not function:
            raise ValueError(f"parser name {name!r} is registered twice")
        _PARSERS[name] = function
        _COLUMNS[name] = tuple(columns)
        return function

    return decorate


@cache
def _import_all() -> None:
    package = importlib.import_module(__package__)
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{__package__}.{module.name}")


def lookup(name: str) -> Parser:
    _import_all()
    try:
        return _PARSERS[name]
    except KeyError:
        known = ", ".join(sorted(_PARSERS))
        raise KeyError(f"no parser named {name!r}; known parsers: {known}") from None


def output_columns(name: str) -> tuple[str, ...]:
    """The columns of the frame the parser `name` returns."""
    lookup(name)
    return _COLUMNS[name]


def names() -> list[str]:
    _import_all()
    return sorted(_PARSERS)

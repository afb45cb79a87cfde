"""YAML (`---`) and TOML (`+++`) front matter at the top of a Markdown file.

Static-site posts (Hexo, Jekyll, Hugo) state the document's identity there: title, date,
author, categories. A block that does not parse is left in the text, never an error.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime

import yaml

_BLOCK = re.compile(
    r"\A\s*(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(?:\n|\Z)", re.S
)


def _text(value: object) -> str | None:
    if value is None or isinstance(value, dict):
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v is not None) or None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip() or None


def split_front_matter(text: str) -> tuple[dict[str, str | None], str]:
    """(front matter as strings, the text after it); ({}, text) when there is none."""
    match = _BLOCK.match(text)
    if not match:
        return {}, text
    try:
        if match.group("fence") == "---":
            data = yaml.safe_load(match.group("body"))
        else:
            data = tomllib.loads(match.group("body"))
    except (yaml.YAMLError, tomllib.TOMLDecodeError):
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    # Keep the line count before the body (blank lines), so nothing else moves.
    rest = "\n" * match.group(0).count("\n") + text[match.end() :]
    return {str(k).lower(): _text(v) for k, v in data.items()}, rest

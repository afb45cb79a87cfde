"""Named entities a figure belongs to: platforms and projects in quotes (“粤省事”平台) and
operating companies (组建数字广东公司)."""

from __future__ import annotations

import re

_QUOTED = re.compile(r"“(?P<name>[^“”]{2,12})”(?=平台|APP|App|app|小程序|项目|品牌|系统|公众号)")
_COMPANY = re.compile(r"(?:组建|成立|设立|组建了)(?P<name>[\u4e00-\u9fff]{2,8}?(?:公司|集团))")


def find_entities(text: str, offset: int) -> list[tuple[int, str]]:
    """(position, name) of the entities named in a sentence, in order."""
    found = [(offset + m.start(), m.group("name")) for m in _QUOTED.finditer(text)]
    found += [(offset + m.start("name"), m.group("name")) for m in _COMPANY.finditer(text)]
    return sorted(found)


def entity_for(entities: list[tuple[int, str]], group_start: int, pos: int) -> str | None:
    """The nearest entity named before the figure in its clause group."""
    names = [name for start, name in entities if group_start <= start < pos]
    return names[-1] if names else None

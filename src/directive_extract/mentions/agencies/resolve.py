"""Local bodies named without their place take the place of an earlier mention."""

from __future__ import annotations

from directive_extract.mentions.agencies.gazetteer import _unit_words
from directive_extract.models import Agency


def _is_bare_local(name: str) -> bool:
    """Whether ``name`` is a local body named by its unit word only ("Công an tỉnh")."""
    return any(name.casefold().endswith(f" {unit}") for unit in _unit_words())


def _places_bare(placed: str, bare: str) -> bool:
    """Whether ``placed`` is the body ``bare`` followed by a place name."""
    rest = placed[len(bare) + 1 :]
    return placed.casefold().startswith(f"{bare.casefold()} ") and rest[:1].isupper()


def resolve_references(mentions: list[Agency]) -> list[Agency]:
    """``mentions`` with each local body named without its place ("Ủy ban nhân dân
    tỉnh") given the name of the nearest earlier mention of that body with one; text
    and offsets unchanged, groups left alone.

    >>> from directive_extract.mentions.agencies import find_agencies
    >>> found = find_agencies("Giao UBND tỉnh Vĩnh Long chủ trì. UBND tỉnh báo cáo.")
    >>> [(a.mention, a.name) for a in resolve_references(found)]
    [('UBND tỉnh Vĩnh Long', 'Ủy ban nhân dân tỉnh Vĩnh Long'), \
('UBND tỉnh', 'Ủy ban nhân dân tỉnh Vĩnh Long')]
    """
    resolved: list[Agency] = []
    for mention in mentions:
        if mention.type != "group" and _is_bare_local(mention.name):
            earlier = next(
                (
                    a
                    for a in reversed(resolved)
                    if a.type != "group" and _places_bare(a.name, mention.name)
                ),
                None,
            )
            if earlier:
                mention = mention.model_copy(
                    update={"name": earlier.name, "successor": earlier.successor}
                )
        resolved.append(mention)
    return resolved

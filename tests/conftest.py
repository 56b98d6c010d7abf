"""Fixtures shared by more than one test module (the tests run in importlib mode, so a
test module cannot import another)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from directive_extract.mentions.agencies import find_agencies
from directive_extract.read.normalise import canonical_form

AgencyRow = tuple[str, str, str]


def _agency_rows(sentence: str) -> list[AgencyRow]:
    text = canonical_form(sentence)
    found = find_agencies(text)
    for agency in found:
        assert text[agency.start : agency.end] == agency.mention
    return [(a.mention, a.name, a.type) for a in found]


@pytest.fixture
def mentions() -> Callable[[str], list[AgencyRow]]:
    """(mention, canonical name, type) of each agency found in a sentence, each mention
    checked against its offsets."""
    return _agency_rows

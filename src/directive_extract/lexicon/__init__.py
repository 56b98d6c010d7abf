"""Loading the package's data files (lexicons) once.

Every lexicon is a UTF-8 TSV file under ``data/`` with a header row; lines
starting with ``#`` are comments.  Cells are put in the plain form the rules read
(NFC, the package's tone marks, ASCII quotes and dashes), so lexicon rows and text
always compare equal.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import cache
from importlib import resources

import regex

from directive_extract.read.normalise import canonical_form, plain_form


@cache
def load(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<name>.tsv`` as dicts keyed by the header, read once per process."""
    source = resources.files(__package__).joinpath("data").joinpath(f"{name}.tsv")
    with source.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple(
        {key: plain_form(canonical_form(value or "")) for key, value in row.items()}
        for row in reader
    )


def column(name: str, field: str) -> tuple[str, ...]:
    """One column of a lexicon, in file order."""
    return tuple(row[field] for row in load(name))


def alternation(phrases: Iterable[str]) -> str:
    r"""A regular expression for any of ``phrases``: longest first, any spacing between
    words, each word matched literally.

    >>> alternation(["giao", "giao nhiệm vụ", "giao"]) == r"(?:giao\s+nhiệm\s+vụ|giao)"
    True
    """
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    words = (r"\s+".join(regex.escape(word) for word in phrase.split()) for phrase in ordered)
    return "(?:" + "|".join(words) + ")"


def split_variants(cell: str) -> list[str]:
    """A cell holding several variants separated by ``|``.

    >>> split_variants("UBND| Ủy ban ")
    ['UBND', 'Ủy ban']
    """
    return [part.strip() for part in cell.split("|") if part.strip()]

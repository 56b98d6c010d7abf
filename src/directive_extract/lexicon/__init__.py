"""The lexicon: the package's words, read once from ``data/`` into a validated object.

Every table is a UTF-8 TSV file under ``data/``, checked row by row against its model in
:mod:`~directive_extract.lexicon.schema` when the lexicon is first used; a bad row raises
:class:`~directive_extract.errors.LexiconError` naming ``file:line`` and the reason
(see :mod:`~directive_extract.lexicon.loader`).

The stages read the *active* lexicon through ``load(name)`` (the rows of one table as
dicts of the cells written) and ``column(name, field)``, and build their tries and
patterns from it once, in ``functools.cache``'d builders.  :func:`using` makes another
lexicon active for a block of code and clears those builders on the way in and out, so
a test can hand the stages other words::

    small = lexicon.default().replace(time_cues=[...])
    with lexicon.using(small):
        find_times(...)  # reads the small table
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import regex

from directive_extract.lexicon.loader import Cells, Lexicon, Table, read_table, table_of

__all__ = [
    "Cells",
    "Lexicon",
    "Table",
    "active",
    "alternation",
    "clear_caches",
    "column",
    "default",
    "load",
    "read_table",
    "register",
    "split_variants",
    "table_of",
    "using",
]

_PACKAGE = __name__.rpartition(".")[0]
_default: Lexicon | None = None
_active: Lexicon | None = None
_registered: list[Callable[[], object]] = []


def default() -> Lexicon:
    """The package's own lexicon, read and validated once per process."""
    global _default
    if _default is None:
        _default = Lexicon.read()
    return _default


def active() -> Lexicon:
    """The lexicon the stages read now: :func:`default` unless :func:`using` says else."""
    return _active if _active is not None else default()


def load(name: str) -> tuple[Cells, ...]:
    """Rows of ``data/<name>.tsv`` in the active lexicon, as read-only dicts keyed by the
    header (every column present, an empty cell as ``""``)."""
    return active().cells(name)


def column(name: str, field: str) -> tuple[str, ...]:
    """One column of a lexicon, in file order."""
    return tuple(row[field] for row in load(name))


def register(clear: Callable[[], object]) -> Callable[[], object]:
    """Have :func:`using` call ``clear`` whenever the active lexicon changes: for a memo
    of lexicon words kept anywhere else than a ``functools.cache`` of the package."""
    _registered.append(clear)
    return clear


def _package_caches() -> Iterator[Callable[[], object]]:
    """The ``cache_clear`` of every ``functools.cache``/``lru_cache`` function defined at
    the top of a loaded module of the package.  All of them are cleared, not only those
    that read the lexicon: finding those would mean following calls, and a cleared
    cache costs no more than its first call again."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == _PACKAGE or name.startswith(_PACKAGE + ".")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                yield clear


def clear_caches() -> int:
    """Clear every builder that may hold words of the lexicon; returns how many."""
    clears = [*_package_caches(), *_registered]
    for clear in clears:
        clear()
    return len(clears)


@contextmanager
def using(lexicon: Lexicon) -> Iterator[Lexicon]:
    """Make ``lexicon`` the active one inside the ``with`` block (for this process: not
    thread-safe, meant for tests and one-off runs)."""
    global _active
    previous = _active
    _active = lexicon
    clear_caches()
    try:
        yield lexicon
    finally:
        _active = previous
        clear_caches()


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

"""Time expressions: deadlines and the article's own date.

Contract used by the pipeline (see docs/architecture.md):

- ``RefDate``: the article's date, as precise as known (year, month?, day?).
- ``parse_published(value) -> RefDate | None`` for "2024", "2024-07", "2024-07-10".
- ``find_times(text, start=0, end=None, ref=None, warnings=None) -> list[TimeMatch]``:
  every time expression in ``text[start:end]``, offsets absolute into ``text``.
- ``TimeIndex.scan(text, ref)``: every expression of a document found once;
  ``within(start, end)`` is ``find_times`` of that span, ``spans(start, end)`` its
  ``time_spans``.
- ``choose_deadline(matches) -> TimeMatch | None``: the one that governs a task.
- ``infer_published(text, skip=()) -> str | None``: ISO date, YYYY-MM or YYYY.

Every Vietnamese word comes from ``time_words.tsv`` (the words of time expressions, by
role) and ``time_cues.tsv`` (the words that govern them). Modules: ``vocabulary`` (the
words), ``dates`` (windows of days), ``readers`` (what a match means), ``rules``
(named patterns), ``find`` (matches with their cues), ``index`` (a document's
matches by offset), ``published`` (the article's date).
"""

from directive_extract.mentions.times.dates import RefDate, parse_published
from directive_extract.mentions.times.find import TimeMatch, choose_deadline, find_times, time_spans
from directive_extract.mentions.times.index import TimeIndex
from directive_extract.mentions.times.published import infer_published
from directive_extract.mentions.times.vocabulary import words

__all__ = [
    "RefDate",
    "TimeIndex",
    "TimeMatch",
    "choose_deadline",
    "find_times",
    "infer_published",
    "parse_published",
    "time_spans",
    "words",
]

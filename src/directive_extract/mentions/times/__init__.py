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
- ``closing_due(text, start, end, matches) -> TimeMatch | None``: the date of a clause
  that only states when its item is due ("Hoàn thành trước ngày 15/12/2025."), from the
  clause's time expressions ``matches``.

Every Vietnamese word comes from ``time_words.tsv`` (the words of time expressions, by
role) and ``time_cues.tsv`` (the words that govern them). Modules: ``vocabulary`` (the
words), ``dates`` (windows of days), ``readers`` (what a match means), ``rules``
(named patterns), ``find`` (matches with their cues), ``index`` (a document's
matches by offset), ``closing`` (a clause that only says by when), ``published`` (the
article's date).
"""

from directive_extract.mentions.times.closing import closing_due
from directive_extract.mentions.times.dates import RefDate, parse_published
from directive_extract.mentions.times.find import TimeMatch, choose_deadline, find_times, time_spans
from directive_extract.mentions.times.index import TimeIndex
from directive_extract.mentions.times.published import infer_published
from directive_extract.mentions.times.rules import DUE_STRENGTH, due_labels
from directive_extract.mentions.times.vocabulary import words

__all__ = [
    "DUE_STRENGTH",
    "RefDate",
    "TimeIndex",
    "TimeMatch",
    "choose_deadline",
    "closing_due",
    "due_labels",
    "find_times",
    "infer_published",
    "parse_published",
    "time_spans",
    "words",
]

"""A page's layout: its paragraphs, with the page's chrome (navigation, footers, lists of
other articles, recipient lists, a site's summary of the article) set aside and reported,
found before the text is cut into sentences and clauses (:mod:`.segment`)."""

from __future__ import annotations

from dataclasses import replace

import regex

from directive_extract import lexicon, messages
from directive_extract.discourse.segment import Layout, Paragraph, Span
from directive_extract.lexicon.shapes import SLOT
from directive_extract.read.chrome import (
    chrome_line,
    headline_reason,
    reference_reason,
    resume_pattern,
)
from directive_extract.read.markers import marker_level

_LINE = regex.compile(r"[^\n]++")
#: The reason (``page_chrome.tsv``) of a site's own summary of the article.
SITE_SUMMARY = "site summary"


def _note(notes: dict[str, list[int]], reason: str, line: int) -> None:
    """Count one more line set aside for ``reason``, remembering the first."""
    first_and_count = notes.setdefault(reason, [line, 0])
    first_and_count[1] += 1


def _caption_like(line: str) -> bool:
    """A line that may repeat as a caption or a teaser's headline: not a sentence, a
    list item or a table row, which may well repeat in a document."""
    return (
        len(line) > 20 and line[-1] not in ".;:" and "|" not in line and marker_level(line) is None
    )


def _captioned(line: str, headline: str) -> bool:
    """The headline again with the source of its picture: "... (Hình ảnh từ Internet)"."""
    return bool(headline) and line.startswith(headline) and line[len(headline) :].strip()[:1] == "("


def is_headline(text: str, paragraph: Paragraph) -> bool:
    """The body's first paragraph when it reads as a page's headline, which announces
    what the article then says in full: not a sentence, a list item or a table row, and
    not the whole text (a sentence given alone may lack its full stop)."""
    line = text[paragraph.start : paragraph.end].strip()
    return paragraph.index == 0 and _caption_like(line) and bool(text[paragraph.end :].strip())


#: A sentence of a summary: up to its full stop before a capital, or the line's end.
_SUMMARY_SENTENCE = regex.compile(r"\w(?:[^.!?…]++|[.!?…]++(?!\s++\p{Lu}))*+[.!?…]*+")
#: The runs of words half of which the body says when it says a sentence too (a site's
#: teaser runs a picture's caption into the first sentence; a name alone is one run).
_RUN, _STEP = 8, 4


def _unsaid(text: str, start: int, end: int, row: lexicon.Cells, index: int) -> list[Paragraph]:
    """The sentences of a site's summary of the article (``text[start:end]``, a line of
    ``row``) that the body does not say: a lead that a site prints apart from the article
    ("more(...) – ...") may hold what the body leaves out, and only a summary that
    repeats the body is chrome (ANNOTATION.md, pages as archived).  The summary is what
    fills the row's last slot; each run of sentences the body does not say is a
    paragraph."""
    *_, lead, tail = f"{SLOT}{row['words']}".split(SLOT)
    found = regex.search(regex.escape(lead), text, regex.IGNORECASE, pos=start, endpos=end)
    if tail or found is None:
        return []
    body = f"{text[:start]} {text[end:]}".split()
    rest = {tuple(body[at : at + _RUN]) for at in range(len(body) - _RUN + 1)}  # found once
    runs: list[Paragraph] = []
    for sentence in _SUMMARY_SENTENCE.finditer(text, found.end(), end):
        words = sentence.group().split()
        starts = range(0, len(words) - _RUN + 1, _STEP)
        runs_of_words = [tuple(words[at : at + _RUN]) for at in starts]
        said = sum(run in rest for run in runs_of_words)
        if len(words) < _RUN or 2 * said >= len(runs_of_words):
            continue
        if runs and runs[-1].end >= text.rfind(" ", start, sentence.start()):
            runs[-1] = replace(runs[-1], end=sentence.end())
        else:
            runs.append(Paragraph(sentence.start(), sentence.end(), index + len(runs)))
    return runs


#: A line of running prose: many words, ending its sentence (a teaser trails off "...").
_PROSE = regex.compile(r"(?:\S++\s++){14,}+\S*[^.…\s][.!?][\"')]?")


def _resumes(line: str, resume: regex.Pattern | None, before: str) -> bool:
    """The body resumes at ``line``, after the zone's line ``before``: running prose after
    a teaser's headline is that teaser's summary, still the zone's."""
    if resume is None or resume.fullmatch(line) is None:
        return False
    return resume is not _PROSE or not _caption_like(before)


def layout(text: str) -> Layout:
    """Paragraphs of the body, with chrome set aside and reported.

    A zone heading ("Tin khác", "Nơi nhận:") sets aside every line after it, up to
    the end or, for a zone that has one, up to the line that resumes the body (the
    title of a plan attached to a decision; running prose after a list of other
    articles set between an article's paragraphs).
    """
    chrome: list[Span] = []
    summaries: list[Span] = []
    apart: set[int] = set()
    notes: dict[str, list[int]] = {}  # reason -> [first line, number of lines]
    previous = headline = ""  # a line repeating either is a caption or a teaser's headline
    paragraphs: list[Paragraph] = []
    resume: regex.Pattern | None = None
    in_zone, zone_reason = False, ""
    for number, found in enumerate(_LINE.finditer(text), 1):
        start, end = found.span()
        line = text[start:end].strip()
        if in_zone and not _resumes(line, resume, previous):
            chrome.append(Span(start, end))
            _note(notes, zone_reason, number)
            previous = line
            continue
        in_zone = False
        zone = chrome_line("zone", line)
        if zone:
            in_zone, zone_reason = True, zone["reason"]
            resume = (
                _PROSE if zone["until"] == "prose" else resume_pattern() if zone["until"] else None
            )
            chrome.append(Span(start, end))
            _note(notes, zone_reason, number)
            continue
        match = chrome_line("line", line)
        repeated = _caption_like(line) and (
            line in (previous, headline) or _captioned(line, headline)
        )
        previous = line
        if match or repeated:
            chrome.append(Span(start, end))
            reason = match["reason"] if match else messages.REPEATED_LINE
            if reason == SITE_SUMMARY:
                summaries.append(Span(start, end))
                if headline:  # a lead printed after the article may say what it does not
                    unsaid = _unsaid(text, start, end, match, len(paragraphs))
                    apart.update(paragraph.index for paragraph in unsaid)
                    paragraphs.extend(unsaid)
            _note(notes, reason, number)
            continue
        headline = headline or line
        paragraphs.append(Paragraph(start, end, len(paragraphs), marker_level(line)))
    warnings = tuple(
        messages.CHROME_DROPPED.format(count=count, line=first, reason=reason)
        for reason, (first, count) in notes.items()
    )
    reference = reference_reason(text) or (headline_reason(headline) if headline else None)
    return Layout(
        tuple(paragraphs), tuple(chrome), warnings, tuple(summaries), reference, frozenset(apart)
    )

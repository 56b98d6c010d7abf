"""Task cards: a plan writes a task as its content and, under it, labelled lines that say
who leads it, who supports it and by when::

    - Theo dõi diễn biến thị trường ...;
    - Đơn vị thực hiện: Cục X
    - Đơn vị phối hợp: Vụ Y và các đơn vị liên quan
    - Thời gian thực hiện: Năm 2025

The labels are the words of a task table's columns (``document_structure.tsv``, kind
``column``), so a card reads as one row of a table written downwards.  A card gives
roles, not directive-hood: a procedure's steps under "Cơ quan thực hiện: ..." stay
what the other rules make of them.  The labelled lines themselves are never tasks.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

import regex

from directive_extract import lexicon
from directive_extract.discourse.inherit import inherited
from directive_extract.discourse.roles import ClauseRoles, agency_chains
from directive_extract.discourse.segment import Clause, Paragraph, Span, heading_shape, skip_space
from directive_extract.mentions.times import TimeIndex, choose_deadline
from directive_extract.models import Agency
from directive_extract.read.markers import marker_end

#: The roles a card's labelled lines give; a label of another column ("Sản phẩm:")
#: belongs to the card too but gives nothing.
_ROLES = ("lead", "support", "time")

#: The level of a bullet ("-", "+"): a card's labelled lines carry one or no marker.
_BULLET_LEVEL = 4

#: Most words a label has before its ":".
_LABEL_WORDS = 6

#: Most paragraphs of content a card's fields govern, read upwards from them.
_CONTENT_PARAGRAPHS = 12


@dataclass(frozen=True, slots=True)
class Card:
    """The paragraphs a card's fields govern, and each field's value by role."""

    first: int  # index of the first content paragraph
    last: int  # index of the last content paragraph
    fields: dict[str, Span]
    lines: frozenset[int]  # indexes of the labelled paragraphs


@cache
def _labels() -> tuple[tuple[str, str], ...]:
    """Column words and what they hold, longest first: a label opens with them
    ("Thời gian thực hiện" with "thời gian")."""
    rows = lexicon.load("document_structure")
    labels = {row["words"].casefold(): row["value"] for row in rows if row["kind"] == "column"}
    return tuple(sorted(labels.items(), key=lambda item: -len(item[0])))


def field_of(text: str, paragraph: Paragraph) -> tuple[str, Span] | None:
    """The column a labelled line names and the span of its value, if it is one; the
    line is bulleted or bare, for a numbered line is an item of the list itself.

    >>> t = "- Đơn vị thực hiện: Cục Quản lý nhà"
    >>> role, value = field_of(t, Paragraph(0, len(t), 0, 4))
    >>> role, t[value.start:value.end]
    ('lead', 'Cục Quản lý nhà')
    """
    found = fields_of(text, paragraph)
    return (found[0][0], Span(found[0][1].start, paragraph.end)) if found else None


def fields_of(text: str, paragraph: Paragraph) -> list[tuple[str, Span]]:
    """The fields of a labelled line, each with its value: one, or several parted by ";"
    ("- Cơ quan chủ trì: Sở Tư pháp; thời gian hoàn thành: Quý I/2026").

    >>> t = "- Cơ quan chủ trì: Sở Tư pháp; thời gian hoàn thành: Quý I/2026."
    >>> [(role, t[v.start:v.end]) for role, v in fields_of(t, Paragraph(0, len(t), 0, 4))]
    [('lead', 'Sở Tư pháp'), ('time', 'Quý I/2026.')]
    """
    if paragraph.level is not None and paragraph.level < _BULLET_LEVEL:
        return []  # "4. Thời gian thực hiện: ..." is an item of its own, a peer of 1.-3.
    start = skip_space(text, marker_end(text, paragraph.start, paragraph.end), paragraph.end)
    first = _field_at(text, start, paragraph.end)
    if first is None:
        return []
    found = [first]
    for part in _PARTS.finditer(text, first[1].start, paragraph.end):
        more = _field_at(text, part.end(), paragraph.end)
        if more is not None:
            role, value = found[-1]
            found[-1] = (role, Span(value.start, part.start()))
            found.append(more)
    return found


#: Where a line's next field may start: after a ";".
_PARTS = regex.compile(r";\s*+")


def _field_at(text: str, start: int, end: int) -> tuple[str, Span] | None:
    """The field whose label opens ``text[start:end]``, its value running to ``end``."""
    colon = text.find(":", start, end)
    if colon < 0:
        return None
    label = text[start:colon].strip(" *_").casefold()
    role = next((role for words, role in _labels() if (label + " ").startswith(words + " ")), None)
    value = Span(skip_space(text, colon + 1, end), end)
    if role is None or len(label.split()) > _LABEL_WORDS or value.end - value.start < 2:
        return None
    return role, value


def find_cards(
    text: str, paragraphs: Sequence[Paragraph], mentions: Sequence[Agency]
) -> list[Card]:
    """Every card of the text: each run of labelled lines that gives a role, with the
    paragraphs above it up to a heading (one heading right above the run, such as
    "(2) Tổ chức thực hiện:", is passed over), or up to the run before.  A lead or
    support line names a body: "- Phối hợp với Sở Tài chính: thẩm định kinh phí" is a
    task, not a field."""
    starts = sorted(m.start for m in mentions if m.start is not None)
    cards: list[Card] = []
    i = floor = 0
    while i < len(paragraphs):
        fields, end = _run(text, paragraphs, i, starts)
        if not any(role in fields for role in _ROLES):
            i = max(end, i + 1)
            continue
        first, last = _content(text, paragraphs, i, floor)
        labelled = paragraphs[i:end]
        content = fields.get("content")  # "- Nội dung: Rà soát quy chế ..." holds the task
        own = next((p for p in labelled if content and p.start <= content.start < p.end), None)
        if own is not None:
            first = last = i + labelled.index(own)
        if first <= last:
            lines = frozenset(p.index for p in labelled if p is not own)
            cards.append(Card(paragraphs[first].index, paragraphs[last].index, fields, lines))
        i = floor = end
    return cards


def _run(
    text: str, paragraphs: Sequence[Paragraph], i: int, starts: Sequence[int]
) -> tuple[dict[str, Span], int]:
    """The fields of the run of labelled lines from paragraph ``i``, and where it ends."""
    fields: dict[str, Span] = {}
    end = i
    while end < len(paragraphs) and (found := fields_of(text, paragraphs[end])):
        if any(role in ("lead", "support") and not _names_body(starts, v) for role, v in found):
            break
        for role, value in found:
            fields.setdefault(role, value)
        end += 1
    return fields, end


def _names_body(starts: Sequence[int], value: Span) -> bool:
    """An agency is named inside the value (``starts``: the mentions' starts, sorted)."""
    index = bisect_left(starts, value.start)
    return index < len(starts) and starts[index] < value.end


def _content(text: str, paragraphs: Sequence[Paragraph], run: int, floor: int) -> tuple[int, int]:
    """The first and last paragraph (positions) of the content above a run of fields.
    A heading right above the run heads content above it; with none there, the
    heading-shaped line is the task itself ("1. Rà soát quy chế" over "- Cơ quan chủ trì:
    ...")."""
    last = run - 1
    passed = last >= floor and _heads(text, paragraphs[last])
    if passed:
        last -= 1
    first = last + 1
    while first - 1 >= max(floor, run - _CONTENT_PARAGRAPHS) and not _heads(
        text, paragraphs[first - 1]
    ):
        first -= 1
    if passed and first > last and not _leads_in(text, paragraphs[run - 1]):
        return run - 1, run - 1
    return first, last


def _leads_in(text: str, paragraph: Paragraph) -> bool:
    return text[paragraph.start : paragraph.end].rstrip(" *_").endswith(":")


def _heads(text: str, paragraph: Paragraph) -> bool:
    """The paragraph heads what follows: shaped as a heading, or a lead-in ending on ":"."""
    line = text[paragraph.start : paragraph.end].strip(" *_")
    return heading_shape(line, paragraph.level) or _leads_in(text, paragraph)


def apply(
    text: str,
    clauses: Sequence[Clause],
    roles: Sequence[ClauseRoles],
    mentions: Sequence[Agency],
    cards: Sequence[Card],
    times: TimeIndex,
) -> tuple[list[Clause], list[ClauseRoles]]:
    """The clauses and roles with each card read: its labelled lines are no tasks, and
    the tasks above them take the lead and support its fields name (unless they name
    their own subject) and its time field as their deadline, when the field opens with
    a date ("Quý II/2025"; not "Thực hiện theo Nghị định ... ngày 30/7/2024")."""
    cards = [_dated(card, times) for card in cards]
    by_paragraph = {index: card for card in cards for index in range(card.first, card.last + 1)}
    labelled = {index for card in cards for index in card.lines}
    new_clauses, new_roles = list(clauses), list(roles)
    for n, (clause, role) in enumerate(zip(clauses, roles, strict=True)):
        if clause.paragraph in labelled and clause.is_directive:
            new_clauses[n] = replace(clause, is_directive=False)
        card = by_paragraph.get(clause.paragraph)
        if card is not None and new_clauses[n].is_directive:
            new_clauses[n], new_roles[n] = _read_card(
                text, new_clauses[n], role, mentions, card, times
            )
    return new_clauses, new_roles


def _dated(card: Card, times: TimeIndex) -> Card:
    """The card without its time field unless a time expression opens it."""
    time = card.fields.get("time")
    if time is None:
        return card
    found = times.within(time.start, time.end)
    if found and found[0].start == time.start:
        return card
    return replace(
        card, fields={role: span for role, span in card.fields.items() if role != "time"}
    )


def _read_card(
    text: str,
    clause: Clause,
    role: ClauseRoles,
    mentions: Sequence[Agency],
    card: Card,
    times: TimeIndex,
) -> tuple[Clause, ClauseRoles]:
    """The card's lead, support and time given to a task that names none of its own."""
    named = role.lead_rule == "subject" or role.command is not None
    lead = _within(text, mentions, card.fields.get("lead"), chain=True)
    support = _within(text, mentions, card.fields.get("support"))
    if lead and not named:
        role = replace(role, lead=lead, lead_rule="card:lead_field")
    if support and not role.support:
        role = replace(role, support=support, support_rule="card:support_field")
    time = card.fields.get("time")
    own = choose_deadline(times.within(clause.start, clause.end))  # "..., trước ngày 31/12"
    if time is not None and clause.cells is None and own is None:
        clause = replace(clause, cells={"time": time})
    return clause, role


def _within(
    text: str, mentions: Sequence[Agency], span: Span | None, chain: bool = False
) -> list[Agency]:
    """The bodies a field names; with ``chain``, only the chain of mentions that opens its
    value ("Cục Thuế" of "Cục Thuế chủ trì, báo cáo Bộ Tài chính ...")."""
    if span is None:
        return []
    inside = [m for m in mentions if m.start is not None and span.start <= m.start < span.end]
    if chain and inside:
        inside = agency_chains(text, inside)[0]
    return inherited(inside)

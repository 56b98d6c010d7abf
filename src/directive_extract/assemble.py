"""Assembling Directive records from the stages' findings."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from . import timex
from .models import Deadline, Directive, Figure, directive_id
from .roles import ClauseRoles
from .segment import Clause, Layout

_TERMINAL = regex.compile(r"[.!?…:;\"')]$")
_TITLE_MAX_WORDS = 40


def _deadline(
    text: str,
    clause: Clause,
    targets: Sequence[Figure],
    ref: timex.RefDate | None,
    warnings: list[str],
) -> Deadline | None:
    """The time phrase that governs the task; else the year its targets are due.

    In a task-table row the time column holds the deadline on its own ("Quý I/2026").
    """
    time_cell = (clause.cells or {}).get("time")
    if time_cell is not None:
        in_cell = timex.find_times(text, time_cell.start, time_cell.end, ref, warnings)
        cell_deadline = timex.choose_deadline(in_cell, bare_ok=True)
        return cell_deadline.to_deadline() if cell_deadline else None
    chosen = timex.choose_deadline(timex.find_times(text, clause.start, clause.end, ref, warnings))
    if chosen is None and any(figure.year for figure in targets):
        in_sentence = timex.find_times(text, clause.sentence_start, clause.sentence_end, ref)
        chosen = timex.choose_deadline(in_sentence)
    return chosen.to_deadline() if chosen else None


def _dated(targets: Sequence[Figure], deadline: Deadline | None) -> list[Figure]:
    """Targets that name no year of their own are due with their directive."""
    if deadline is None:
        return list(targets)
    year = int(deadline.due[:4])
    return [t if t.year is not None else t.model_copy(update={"year": year}) for t in targets]


def directives(
    text: str,
    doc_id: str,
    clauses: Sequence[Clause],
    roles: Sequence[ClauseRoles],
    confidences: Sequence[float],
    targets_per_clause: Sequence[Sequence[Figure]],
    ref: timex.RefDate | None,
    warnings: list[str],
) -> list[Directive]:
    """One record per directive clause, in text order."""
    records = []
    for clause, role, confidence, targets in zip(
        clauses, roles, confidences, targets_per_clause, strict=True
    ):
        if not clause.is_directive:
            continue
        clause_text = text[clause.start : clause.end]
        deadline = _deadline(text, clause, targets, ref, warnings)
        records.append(
            Directive(
                id=directive_id(doc_id, clause_text, clause.start),
                kind="target" if targets else "task",
                text=clause_text,
                start=clause.start,
                end=clause.end,
                issuer=role.issuer,
                lead=role.lead,
                support=role.support,
                report_to=role.report_to,
                deadline=deadline,
                targets=_dated(targets, deadline),
                confidence=round(confidence, 2),
            )
        )
    return records


def title(text: str, structure: Layout) -> str | None:
    """The headline: a first body line that reads as a heading, not a sentence."""
    if not structure.paragraphs:
        return None
    first = structure.paragraphs[0]
    line = text[first.start : first.end].strip()
    if _TERMINAL.search(line) or len(line.split()) > _TITLE_MAX_WORDS:
        return None
    return line

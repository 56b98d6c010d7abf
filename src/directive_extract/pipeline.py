"""The pipeline: normalise → layout → segment → agencies, times, numbers → roles → assemble.

Each stage is a module with one job; this module only composes them.  Every
lexicon and compiled pattern is loaded on first use and kept for the process.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from os import PathLike

from directive_extract import assemble, messages
from directive_extract.discourse import (
    cards,
    detect,
    header,
    inherit,
    roles,
    segment,
    target_years,
    targets,
)
from directive_extract.discourse.layout import layout
from directive_extract.mentions import agencies
from directive_extract.mentions.figures import find_figures
from directive_extract.mentions.times import TimeIndex, infer_published, parse_published
from directive_extract.models import Agency, Directive, Document, Figure, document_id
from directive_extract.read.files import LoadedText
from directive_extract.read.normalise import canonical_form, plain_form
from directive_extract.read.wraps import unwrapped


def extract(
    text: str,
    source: str = "<text>",
    published: str | None = None,
    title: str | None = None,
    metadata: Mapping[str, str] | None = None,
    explain: bool = False,
) -> Document:
    """The directives, figures and metadata of one text.

    ``published`` (ISO date, ``YYYY-MM`` or ``YYYY``) overrides the date inferred
    from the text; it anchors dates written without a year.  ``metadata`` (a page's
    ``doc_number``, ``doc_type``, ``issuing_body``, ``signer``) overrides what the
    document's header says.  With ``explain``, each directive's ``explanation`` names
    the rules that made it a directive and gave it its lead, support and deadline.
    A text broken into lines of one width (a page copied as it was wrapped) has its
    paragraphs and scraped table rows joined again first, as the file readers do.
    """
    return _extracted(unwrapped(text), source, published, title, metadata, explain)


def _extracted(
    text: str,
    source: str,
    published: str | None,
    title: str | None,
    metadata: Mapping[str, str] | None,
    explain: bool,
) -> Document:
    """:func:`extract` of a text whose lines are its paragraphs."""
    surface = canonical_form(text)
    doc_id = document_id(surface)
    if not surface:
        return Document(doc_id=doc_id, source=source, text="", warnings=[messages.EMPTY_INPUT])
    plain = plain_form(surface)  # what the rules read; same offsets as ``surface``
    structure = layout(plain)
    warnings = list(structure.warnings)
    # a site's summary of the article sets no task but may say its date ("Ngày 20/1, ...")
    chrome = [(s.start, s.end) for s in structure.chrome if s not in structure.summaries]
    published = published or infer_published(plain, skip=chrome)
    spans = [(paragraph.start, paragraph.end) for paragraph in structure.paragraphs]
    times = TimeIndex.scan(plain, parse_published(published), spans)  # later stages query it
    head = [surface[p.start : p.end].strip() for p in structure.paragraphs[: header.HEADER_LINES]]
    fields = {**header.header_fields(head), **(metadata or {})}
    title = title or assemble.title(surface, structure) or _kind_and_number(fields)
    directives, figures = _read(plain, doc_id, structure, fields, times, warnings, explain, title)
    document = Document(
        doc_id=doc_id,
        source=source,
        title=title,
        published=published,
        **fields,
        text=surface,
        directives=directives,
        figures=figures,
        warnings=warnings,
    )
    return assemble.as_written(document)


def _read(
    plain: str,
    doc_id: str,
    structure: segment.Layout,
    fields: Mapping[str, str],
    times: TimeIndex,
    warnings: list[str],
    explain: bool,
    title: str | None = None,
) -> tuple[list[Directive], list[Figure]]:
    """The passes over the body: mentions, clauses, figures, roles, detection,
    inheritance, targets; the directives they make and the figures with their roles.
    The title's plan year ("Kế hoạch năm 2021 của ...") dates the targets nothing nearer
    dates."""
    unanchored = times.unanchored()  # what figures read; made once, not per paragraph
    figures = [
        f for p in structure.paragraphs for f in find_figures(plain, p.start, p.end, unanchored)
    ]
    if structure.reference is not None:  # an encyclopaedia describes duties, sets none
        warnings.append(messages.REFERENCE_PAGE.format(reason=structure.reference))
        return [], targets.with_roles(figures, [])
    mentions = _mentions(plain, structure, fields.get("issuing_body"))
    keep = [segment.Span(mention.start, mention.end) for mention in mentions]
    clauses = segment.segment(plain, structure, keep)
    local_roles = roles.assign(plain, clauses, mentions)
    official = "doc_type" in fields
    regulation = header.sets_rules(fields.get("doc_type"))
    clauses, decisions = detect.mark(
        plain, clauses, local_roles, structure.paragraphs, official, times, regulation
    )
    clauses = [_figures_only(c) if c.paragraph in structure.apart else c for c in clauses]
    assignments = inherit.inherit(plain, clauses, local_roles, structure.paragraphs)
    found_cards = cards.find_cards(plain, structure.paragraphs, mentions)
    if found_cards:
        clauses, assignments = cards.apply(
            plain, clauses, assignments, mentions, found_cards, times
        )
    plan_year = target_years.plan_year(title, times.ref) if title else None
    goals = targets.mark_targets(plain, clauses, figures, times.ref, times, plan_year)
    at = plain.find(title) if plan_year else -1  # a headline is a line of the text
    title_times = times.within(at, at + len(title)) if at >= 0 else []
    directives = assemble.directives(
        plain,
        doc_id,
        clauses,
        assignments,
        decisions,
        goals,
        times,
        warnings,
        structure,
        explain,
        title_times,
    )
    return directives, targets.with_roles(figures, goals)


def _figures_only(clause: segment.Clause) -> segment.Clause:
    """A clause of a site's summary that the body does not say: a goal's figures in it
    are targets, as in a firm's plan, but it is no directive (a summary's clauses are
    not held against an extractor, ANNOTATION.md)."""
    return replace(clause, is_directive=False, plans_own=clause.is_directive or clause.plans_own)


def _mentions(plain: str, structure: segment.Layout, issuer: str | None) -> list[Agency]:
    """The agencies named in the body's paragraphs, bare local bodies given their place
    (the issuer's, when nothing nearer names one)."""
    found = [
        mention
        for paragraph in structure.paragraphs
        for mention in sorted(
            [
                *agencies.find_agencies(plain, paragraph.start, paragraph.end),
                *agencies.bare_subjects(plain, paragraph.start, paragraph.end),
            ],
            key=lambda mention: mention.start,
        )
    ]
    return agencies.resolve_references(found, issuer)


def extract_file(path: str | PathLike[str], explain: bool = False) -> Document:
    """Read a .txt/.html/.docx/.pdf file (encoding detected) and extract it.

    A file that cannot be read gives an empty Document whose warning says why.
    """
    from directive_extract.read.files import InputError, read_file

    try:
        loaded = read_file(path)
    except InputError as error:
        return Document(doc_id=document_id(""), source=str(path), text="", warnings=[str(error)])
    return extract_loaded(loaded, str(path), explain)


def extract_loaded(loaded: LoadedText, source: str, explain: bool = False) -> Document:
    """Extract what a reader loaded, with the title, date, metadata and warnings it found."""
    document = _extracted(
        loaded.text, source, loaded.published, loaded.title, loaded.metadata, explain
    )
    if loaded.warnings:
        document.warnings = [*loaded.warnings, *document.warnings]
    return document


def _kind_and_number(fields: Mapping[str, str]) -> str | None:
    """The title of a document whose page kept no header: "Công văn 5435/CT-NVT"."""
    if "doc_type" in fields and "doc_number" in fields:
        return f"{fields['doc_type']} {fields['doc_number']}"
    return None

"""The ``Doc._`` and ``Span._`` attributes of the pipeline.

One attribute holds data: ``doc._.record_json``, the Document record as a JSON
string without its text (which is the Doc's text).  A string is what
``doc.to_bytes()`` and ``DocBin(store_user_data=True)`` store unchanged (msgpack
would give lists back as tuples).  Every other attribute is a getter that reads
it, so nothing can drift out of step after a round trip: ``doc._.record`` is the
record as plain data (dicts, lists, strings, numbers; parsed once and shared, so
read it, do not change it), ``doc._.document`` the pydantic Document.

A span finds its record by ``span.id_``: a directive span, and the agency and
deadline spans of a directive, carry the directive's id; a figure span carries
``figure-N``, the index of the figure in ``doc._.record["figures"]``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from directive_extract.models import Document

#: Labels of the spans the pipeline sets (the labels of directive spans are their kind).
DEADLINE_LABEL = "DEADLINE"
FIGURE_LABEL = "FIGURE"
AGENCY_LABEL = "ORG"
FIGURE_ID_PREFIX = "figure-"
ROLES = ("issuer", "lead", "support", "report_to")

Record = dict[str, Any]


@lru_cache(maxsize=64)
def _parsed(record_json: str) -> Record:
    """The record of a JSON string, parsed once (a str caches its hash: lookups are cheap)."""
    return json.loads(record_json)


def record_of(doc: Doc) -> Record | None:
    record_json = doc._.record_json
    return None if record_json is None else _parsed(record_json)


def set_record(doc: Doc, record: Record) -> None:
    doc._.record_json = json.dumps(record, ensure_ascii=False)


def document_of(doc: Doc) -> Document | None:
    """The record as a pydantic Document (made on each call: keep it if you reuse it)."""
    record = doc._.record
    if record is None:
        return None
    return Document.model_validate({**record, "text": doc.text})


def directive_spans(doc: Doc) -> list[Span]:
    return list(doc.spans["directives"]) if "directives" in doc.spans else []


def directive_record(span: Span) -> Record | None:
    """The record of the directive ``span`` stands for or belongs to (None for others)."""
    record = span.doc._.record
    if record is None or not span.id_:
        return None
    return next((d for d in record["directives"] if d["id"] == span.id_), None)


def span_record(span: Span) -> Record | None:
    """The record behind any span of the pipeline: directive, deadline or figure."""
    if span.id_.startswith(FIGURE_ID_PREFIX):
        figures = (span.doc._.record or {}).get("figures", [])
        index = int(span.id_.removeprefix(FIGURE_ID_PREFIX))
        return figures[index] if index < len(figures) else None
    directive = directive_record(span)
    if directive is not None and span.label_ == DEADLINE_LABEL:
        return directive["deadline"]
    return directive


def _field_of_directive(name: str):
    """A getter of one field of a directive span's record; None on any other span."""

    def getter(span: Span) -> Any:
        if span.label_ in (DEADLINE_LABEL, FIGURE_LABEL, AGENCY_LABEL, *ROLES):
            return None
        directive = directive_record(span)
        return directive[name] if directive is not None else None

    return getter


def register() -> None:
    """Set the extensions once per process (idempotent: spaCy keeps them globally)."""
    doc_extensions = {
        "record_json": {"default": None},
        "record": {"getter": record_of},
        "document": {"getter": document_of},
        "directives": {"getter": directive_spans},
    }
    for name, spec in doc_extensions.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, **spec)
    if not Span.has_extension("record"):
        Span.set_extension("record", getter=span_record)
    for name in (*ROLES, "deadline", "targets", "confidence"):
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_field_of_directive(name))


register()

"""displaCy pictures of the directives with their roles.

Directives, the agencies named in them (by role) and deadlines overlap, so they
are drawn with displaCy's ``span`` style, which stacks overlapping spans.  Each
agency shows its canonical name, each deadline the ISO date it is due.
"""

from __future__ import annotations

from typing import Any

from spacy import displacy
from spacy.tokens import Doc, Span

#: displaCy colours by span label.
COLOURS = {
    "task": "#ffe08a",
    "target": "#c8e6c9",
    "issuer": "#d1c4e9",
    "lead": "#90caf9",
    "support": "#b3e5fc",
    "report_to": "#f8bbd0",
    "DEADLINE": "#ffab91",
}


def _entry(span: Span) -> dict[str, Any]:
    return {
        "start_token": span.start,
        "end_token": span.end,
        "label": span.label_,
        "kb_id": span.kb_id_,
        "kb_url": "#",
    }


def parse(doc: Doc, sentences_only: bool = True) -> dict[str, Any]:
    """displaCy's manual data for ``doc``: its directives, their agencies and deadlines.

    With ``sentences_only`` the text is cut to the sentences holding a directive
    (a news page is mostly narrative), keeping the picture short.
    """
    groups = ("directives", "agencies", "deadlines")
    spans = [span for name in groups for span in doc.spans.get(name, [])]
    view: Doc | Span = doc
    if sentences_only and spans and doc.has_annotation("SENT_START"):
        first = min(span.sent.start for span in spans)
        last = max(span.sent.end for span in spans)
        view = doc[first:last]
    offset = view.start if isinstance(view, Span) else 0
    entries = []
    for span in sorted(spans, key=lambda span: (span.start, -span.end)):
        entry = _entry(span)
        entry["start_token"] -= offset
        entry["end_token"] -= offset
        entries.append(entry)
    return {"text": view.text, "tokens": [token.text for token in view], "spans": entries}


def render(doc: Doc, page: bool = False, jupyter: bool | None = None) -> str:
    """HTML of the directives of ``doc`` with their roles (displaCy's ``span`` style)."""
    return displacy.render(
        parse(doc),
        style="span",
        manual=True,
        page=page,
        jupyter=jupyter,
        options={"colors": COLOURS},
    )

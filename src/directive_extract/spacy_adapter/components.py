"""The two pipeline components and their factories.

The factories are registered by ``@Language.factory`` when this module is imported,
and spaCy imports it by itself through the ``spacy_factories`` entry points in
pyproject.toml, so ``spacy.load`` of a saved pipeline needs no import first.

- ``directive_extractor`` runs the extraction on the Doc's text and sets the record
  (``doc._.record``, kept as a JSON string), the span groups ``directives``,
  ``agencies`` (one span per role), ``deadlines`` and ``figures``, the agencies as
  ``doc.ents`` (``ORG``, canonical name in ``kb_id_``) and the sentence boundaries
  the extractor reads;
- ``word_segmenter`` merges the syllables of every directive into underthesea's words
  (``Thủ tướng``, ``Truyền thông``): word segmentation where the records are, not
  over page chrome and narrative, which keeps the pipeline fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from directive_extract.spacy_adapter import extensions
from directive_extract.spacy_adapter.extensions import (
    AGENCY_LABEL,
    DEADLINE_LABEL,
    FIGURE_ID_PREFIX,
    FIGURE_LABEL,
    ROLES,
)

#: The span groups the extractor sets, rebuilt after words are merged.
SPAN_GROUPS = ("directives", "agencies", "deadlines", "figures")

#: A span as offsets and strings: survives the retokenizer, which moves token indices.
SpanKey = tuple[int, int, str, str, str]  # start_char, end_char, label, kb_id, id


def _span(doc: Doc, key: SpanKey) -> Span | None:
    start, end, label, kb_id, span_id = key
    return doc.char_span(
        start, end, label=label, kb_id=kb_id, span_id=span_id, alignment_mode="expand"
    )


def _spans(doc: Doc, keys: Iterable[SpanKey]) -> list[Span]:
    return [span for key in keys if (span := _span(doc, key)) is not None]


def _key(span: Span) -> SpanKey:
    return (span.start_char, span.end_char, span.label_, span.kb_id_, span.id_)


def _agency_keys(directive: dict) -> Iterator[SpanKey]:
    for role in ROLES:
        found = directive[role]
        for agency in [found] if isinstance(found, dict) else found or []:
            if agency["start"] is not None and agency["end"] is not None:
                yield (agency["start"], agency["end"], role, agency["name"], directive["id"])


def _record_keys(record: dict) -> dict[str, list[SpanKey]]:
    """The spans of every group, and of the entities, from the record's offsets."""
    groups: dict[str, list[SpanKey]] = {name: [] for name in (*SPAN_GROUPS, "ents")}
    for directive in record["directives"]:
        key = (directive["start"], directive["end"], directive["kind"], "", directive["id"])
        groups["directives"].append(key)
        groups["agencies"].extend(_agency_keys(directive))
        deadline = directive["deadline"]
        if deadline:
            due_key = (deadline["start"], deadline["end"], DEADLINE_LABEL, deadline["due"])
            groups["deadlines"].append((*due_key, directive["id"]))
    for index, figure in enumerate(record["figures"]):
        figure_id = f"{FIGURE_ID_PREFIX}{index}"
        groups["figures"].append((figure["start"], figure["end"], FIGURE_LABEL, "", figure_id))
    # one agency span per mention and role; the first directive naming it keeps it
    unique = {key[:3]: key for key in reversed(groups["agencies"])}
    groups["agencies"] = sorted(unique.values())
    names = {(start, end): name for start, end, _, name, _ in groups["agencies"]}
    groups["ents"] = [(s, e, AGENCY_LABEL, name, "") for (s, e), name in sorted(names.items())]
    return groups


def _set_groups(doc: Doc, groups: dict[str, list[SpanKey]]) -> None:
    for name in SPAN_GROUPS:
        doc.spans[name] = _spans(doc, groups[name])
    doc.set_ents(filter_spans(_spans(doc, groups["ents"])))


def _sentence_starts(text: str) -> set[int]:
    """Where the extractor's sentences start: each line, cut by ``segment.sentences``."""
    from directive_extract.discourse.segment import sentences
    from directive_extract.read.normalise import plain_form

    plain = plain_form(text)
    starts: set[int] = set()
    line_start = 0
    for line in plain.split("\n"):
        line_end = line_start + len(line)
        starts.update(span.start for span in sentences(plain, line_start, line_end))
        line_start = line_end + 1
    return starts


def _set_sentences(doc: Doc) -> None:
    """Mark sentence starts; white space between sentences ends the sentence before it."""
    starts = _sentence_starts(doc.text)
    for token in doc:
        token.is_sent_start = token.i == 0 or (token.idx in starts and not token.is_space)


class DirectiveExtractor:
    """Runs the extraction stages on the Doc's text and records what they found."""

    def __init__(self, published: str | None = None) -> None:
        self.published = published

    def __call__(self, doc: Doc) -> Doc:
        from directive_extract.pipeline import extract

        document = extract(doc.text, source="<spacy>", published=self.published)
        record = document.model_dump(mode="json", exclude={"text"})
        extensions.set_record(doc, record)
        _set_groups(doc, _record_keys(record))
        _set_sentences(doc)
        return doc


@Language.factory("directive_extractor", default_config={"published": None})
def make_directive_extractor(nlp: Language, name: str, published: str | None):
    return DirectiveExtractor(published)


class WordSegmenter:
    """Merges the syllables of each directive into underthesea's words."""

    def __call__(self, doc: Doc) -> Doc:
        merges = filter_spans(self._words(doc))
        if not merges:
            return doc
        groups: dict[str, list[SpanKey]] = {
            name: [_key(span) for span in doc.spans.get(name, [])] for name in SPAN_GROUPS
        }
        groups["ents"] = [_key(span) for span in doc.ents]
        with doc.retokenize() as retokenizer:
            for merged in merges:
                retokenizer.merge(merged)
        _set_groups(doc, groups)  # span groups keep token indices: rebuild them
        return doc

    @staticmethod
    def _words(doc: Doc) -> Iterator[Span]:
        """Spans of the words of more than one syllable inside the directives."""
        from underthesea import word_tokenize

        for span in doc.spans.get("directives", []):
            cursor = span.start_char
            for word in word_tokenize(span.text):
                start = doc.text.find(word, cursor, span.end_char)
                if start < 0:
                    continue
                cursor = start + len(word)
                if " " in word and (merged := doc.char_span(start, cursor)) is not None:
                    yield merged


@Language.factory("directive_word_segmenter")
def make_word_segmenter(nlp: Language, name: str):
    return WordSegmenter()


extensions.register()

"""The extractor as a spaCy pipeline, for spaCy users.

``load()`` gives a blank Vietnamese ``Language`` whose tokenizer normalises the text
(so token offsets are the record offsets) and splits it into syllables and marks,
followed by two registered components:

- ``directive_extractor`` runs the stages and sets ``doc._.document`` (the record),
  ``doc._.directives`` and the span groups ``doc.spans["directives"]``,
  ``doc.spans["agencies"]`` (lead, support, report-to, issuer as span labels) and
  ``doc.spans["deadlines"]``;
- ``word_segmenter`` merges the syllables of every directive into underthesea's
  words (``Thủ tướng``, ``Truyền thông``): word segmentation where the records are,
  not over page chrome and narrative, which keeps the pipeline faster than
  segmenting the whole text.

The pipeline is built from code and data only (no weights); ``build`` saves it under
``models/`` and ``load`` reads it back, falling back to building it in memory.

>>> nlp = load()
>>> doc = nlp("Thủ tướng giao Bộ Y tế hoàn thành đề án trước ngày 20/7/2024.")
>>> [(span.text, span.label_) for span in doc.spans["agencies"]]
[('Thủ tướng', 'issuer'), ('Bộ Y tế', 'lead')]
>>> [token.text for token in doc.spans["directives"][0]][:4]
['Thủ tướng', 'giao', 'Bộ', 'Y tế']
"""

from __future__ import annotations

from pathlib import Path

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from directive_extract.models import Document
from directive_extract.read.normalise import canonical_form

MODEL_NAME = "vi_directive_extract"
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / MODEL_NAME
_TOKEN = regex.compile(r"\w++|[^\w\s]|\s++")

for attribute in ("document", "directives"):
    if not Doc.has_extension(attribute):
        Doc.set_extension(attribute, default=None)


class SyllableTokenizer:
    """Normalises the text, then cuts it into syllables and punctuation marks."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        """A Doc whose text is exactly the canonical text (line breaks are tokens)."""
        words: list[str] = []
        spaces: list[bool] = []
        for match in _TOKEN.finditer(canonical_form(text)):
            piece = match.group()
            if piece == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                words.append(piece)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_disk(self, path, **kwargs) -> None:  # nothing to save: all comes from code
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, **kwargs) -> SyllableTokenizer:
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> SyllableTokenizer:
        return self


@registry.tokenizers("directive_extract.SyllableTokenizer.v1")
def create_tokenizer():
    return lambda nlp: SyllableTokenizer(nlp.vocab)


def _char_span(doc: Doc, start: int | None, end: int | None, label: str) -> Span | None:
    if start is None or end is None:
        return None
    return doc.char_span(start, end, label=label, alignment_mode="expand")


class DirectiveExtractor:
    """Runs the extraction stages on the Doc's text and records what they found."""

    def __init__(self, published: str | None = None) -> None:
        self.published = published

    def __call__(self, doc: Doc) -> Doc:
        from directive_extract.pipeline import extract

        document: Document = extract(doc.text, source="<spacy>", published=self.published)
        doc._.document, doc._.directives = document, document.directives
        directives, agencies, deadlines = [], [], []
        for directive in document.directives:
            directives.append(_char_span(doc, directive.start, directive.end, directive.kind))
            roles = [("issuer", [directive.issuer] if directive.issuer else [])]
            roles += [("lead", directive.lead), ("support", directive.support)]
            roles.append(("report_to", directive.report_to))
            for role, found in roles:
                agencies.extend(_char_span(doc, a.start, a.end, role) for a in found)
            if directive.deadline:
                deadline = directive.deadline
                deadlines.append(_char_span(doc, deadline.start, deadline.end, deadline.due))
        doc.spans["directives"] = [span for span in directives if span is not None]
        doc.spans["agencies"] = sorted(
            {(s.start, s.end, s.label_): s for s in agencies if s is not None}.values(),
            key=lambda span: span.start,
        )
        doc.spans["deadlines"] = [span for span in deadlines if span is not None]
        return doc


@Language.factory("directive_extractor", default_config={"published": None})
def make_directive_extractor(nlp: Language, name: str, published: str | None):
    return DirectiveExtractor(published)


class WordSegmenter:
    """Merges the syllables of each directive into underthesea's words."""

    def __call__(self, doc: Doc) -> Doc:
        from underthesea import word_tokenize

        merges = []
        for span in doc.spans.get("directives", []):
            cursor = span.start_char
            for word in word_tokenize(span.text):
                start = doc.text.find(word, cursor, span.end_char)
                if start < 0:
                    continue
                cursor = start + len(word)
                if " " in word:
                    merged = doc.char_span(start, cursor)
                    if merged is not None:
                        merges.append(merged)
        groups = {
            name: [(span.start_char, span.end_char, span.label_) for span in group]
            for name, group in doc.spans.items()
        }
        with doc.retokenize() as retokenizer:
            for merged in spacy.util.filter_spans(merges):
                retokenizer.merge(merged)
        for name, spans in groups.items():  # span groups keep token indices: rebuild them
            doc.spans[name] = [
                span for start, end, label in spans if (span := _char_span(doc, start, end, label))
            ]
        return doc


@Language.factory("word_segmenter")
def make_word_segmenter(nlp: Language, name: str):
    return WordSegmenter()


def blank() -> Language:
    """The pipeline, assembled from code and data."""
    nlp = spacy.blank(
        "vi",
        config={"nlp": {"tokenizer": {"@tokenizers": "directive_extract.SyllableTokenizer.v1"}}},
    )
    nlp.add_pipe("directive_extractor")
    nlp.add_pipe("word_segmenter")
    return nlp


def build(path: str | Path = DEFAULT_MODEL) -> Path:
    """Save the assembled pipeline to ``path`` (``models/vi_directive_extract``)."""
    nlp = blank()
    nlp.meta.update({"name": "directive_extract", "description": __doc__.splitlines()[0]})
    nlp.to_disk(path)
    return Path(path)


def load(path: str | Path | None = None) -> Language:
    """The saved pipeline from ``path`` (default ``models/``), else one built in memory."""
    target = Path(path) if path is not None else DEFAULT_MODEL
    if (target / "config.cfg").is_file():
        return spacy.load(target)
    return blank()

"""The extractor as a spaCy pipeline, for spaCy users.

``load()`` gives a blank Vietnamese ``Language`` whose tokenizer normalises the text
(so token offsets are the record offsets) and splits it into syllables and marks,
followed by two components, ``directive_extractor`` and ``word_segmenter``
(see :mod:`.components`).  The tokenizer and the factories are registered through
entry points, so ``spacy.load("models/vi_directive_extract")`` works without
importing this package first.

What a Doc holds (see docs/spacy.md):

- ``doc.spans["directives"]``: one span per directive, labelled with its kind
  (``task`` or ``target``), ``span.id_`` its id; ``span._.lead``, ``._.support``,
  ``._.report_to``, ``._.issuer``, ``._.deadline``, ``._.targets`` its record's fields;
- ``doc.ents``: the agencies named, label ``ORG``, canonical name in ``kb_id_``;
  ``doc.spans["agencies"]``: the same mentions labelled with their role;
- ``doc.spans["deadlines"]`` (due date in ``kb_id_``) and ``doc.spans["figures"]``;
- ``doc.sents``: the sentences the extractor reads;
- ``doc._.record``: the Document record as plain data, ``doc._.document`` as a model.

The pipeline is built from code and data only (no weights); ``build`` saves it under
``models/`` and ``load`` reads it back, falling back to building it in memory.

>>> nlp = load()
>>> doc = nlp("Thủ tướng giao Bộ Y tế hoàn thành đề án trước ngày 20/7/2024.")
>>> [(span.text, span.label_) for span in doc.spans["agencies"]]
[('Thủ tướng', 'issuer'), ('Bộ Y tế', 'lead')]
>>> directive = doc.spans["directives"][0]
>>> [token.text for token in directive][:4]
['Thủ tướng', 'giao', 'Bộ', 'Y tế']
>>> [agency["name"] for agency in directive._.lead], directive._.deadline["due"]
(['Bộ Y tế'], '2024-07-20')
>>> [(ent.text, ent.label_, ent.kb_id_) for ent in doc.ents][1]
('Bộ Y tế', 'ORG', 'Bộ Y tế')
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from directive_extract.spacy_adapter import components, extensions
from directive_extract.spacy_adapter.display import render
from directive_extract.spacy_adapter.tokenizer import SyllableTokenizer

MODEL_NAME = "vi_directive_extract"
DEFAULT_MODEL = Path(__file__).resolve().parents[3] / "models" / MODEL_NAME

__all__ = [
    "DEFAULT_MODEL",
    "MODEL_NAME",
    "SyllableTokenizer",
    "blank",
    "build",
    "components",
    "extensions",
    "load",
    "render",
]


def blank() -> Language:
    """The pipeline, assembled from code and data."""
    nlp = spacy.blank(
        "vi",
        config={"nlp": {"tokenizer": {"@tokenizers": "directive_extract.SyllableTokenizer.v1"}}},
    )
    nlp.add_pipe("directive_extractor")
    nlp.add_pipe("directive_word_segmenter", name="word_segmenter")
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

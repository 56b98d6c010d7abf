"""The tokenizer: the canonical text cut into syllables and marks.

It is registered as ``directive_extract.SyllableTokenizer.v1`` both by the decorator
below and through the ``spacy_tokenizers`` entry point in pyproject.toml, so a saved
pipeline whose config names it loads with ``spacy.load`` alone.
"""

from __future__ import annotations

from pathlib import Path

import regex
from spacy.tokens import Doc
from spacy.util import registry

from directive_extract.read.normalise import canonical_form

#: A word, one mark, or a run of white space (line breaks are tokens of their own).
_TOKEN = regex.compile(r"\w++|[^\w\s]|\s++")


class SyllableTokenizer:
    """Normalises the text, then cuts it into syllables and punctuation marks.

    The Doc's text is the canonical text, so token offsets are the record offsets.
    """

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
    """The registered function: spaCy calls it with the config, then with ``nlp``."""
    return lambda nlp: SyllableTokenizer(nlp.vocab)

"""Words and their parts of speech from underthesea, only where the rules need them.

Segmenting a whole article costs more than the rest of the pipeline together, so the
rules look words up only at the few places the cue lexicon cannot settle: the first
word of a candidate task clause.  underthesea's bundled CRF models work offline.
"""

from __future__ import annotations

from functools import lru_cache

import regex

_HEAD_WORDS = regex.compile(r"(?:[^\s,;:.()]++\s*+){1,6}+")
VERB_TAG = "V"


@lru_cache(maxsize=1024)  # detect may ask twice about a clause; headings recur across pages
def _tagged(phrase: str) -> tuple[tuple[str, str], ...]:
    from underthesea import pos_tag

    return tuple(pos_tag(phrase))


def first_word(text: str, position: int, end: int) -> tuple[str, str] | None:
    """The first word at ``position`` (up to ``end``) and its part-of-speech tag.

    >>> first_word("khôi phục cung cấp điện phục vụ sản xuất", 0, 40)
    ('khôi phục', 'V')
    """
    found = _HEAD_WORDS.match(text, position, end)
    if not found:
        return None
    tagged = _tagged(found.group().strip())
    if not tagged:
        return None
    word, tag = tagged[0]
    return (word, tag) if text.startswith(word, position) else None

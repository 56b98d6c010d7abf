"""Agency mentions: gazetteer, abbreviations, titles, groups.

Contract used by the pipeline:

- ``find_agencies(text, start=0, end=None) -> list[Agency]``: non-overlapping mentions
  in text order, offsets absolute, canonical ``name`` and ``type``.
- ``canonical(mention) -> (name, type) | None``: the canonical name of one mention.
- ``expand_abbreviations(text) -> str``: ``text`` with abbreviations written out.
- ``bare_subjects(text, start, end) -> list[Agency]``: head words written alone as a
  subject ("Bộ phải ...", "Tập đoàn cần ...").
- ``resolve_references(mentions) -> list[Agency]``: local bodies named without their
  place ("Ủy ban nhân dân tỉnh") given the place of the nearest earlier mention; a bare
  subject the body of its head named last (dropped when none was).

Everything Vietnamese lives in data files: the gazetteer (``agencies.tsv``), provinces
(``provinces.tsv``), abbreviations (``agency_abbreviations.tsv``), titles
(``agency_titles.tsv``), group words (``agency_groups.tsv``), heads of names not in the
gazetteer and their tails (``agency_patterns.tsv``), stop words of topic names
(``agency_stops.tsv``; other unseen names also stop at the verbs of ``cues.tsv``) and the
words that hold one as a syllable
(``agency_compounds.tsv``), list heads (``agency_lists.tsv``) and phrases that are no
agency (``agency_blocks.tsv``).

Names that share or lack a place: heads joined before one place each take it ("HĐND,
UBND tỉnh Gia Lai" is two bodies); a local body before a group of local units is one
group ("Sở Y tế các tỉnh, thành phố"), and so is one before unit words ("Bảo hiểm xã hội
tỉnh, thành phố"); local units listed under one head are one body each ("UBND các huyện:
A Lưới, Nam Đông").  A group ends before "và (các)" and a unit of another kind ("các
tỉnh, thành phố" + "và các bệnh viện").

Text is cut into tokens (runs of word characters, single other characters), and phrases
are matched token by token against tries, so spacing around "." "&" "-" does not matter
and an abbreviation may stand for its expansion anywhere inside a name ("Sở KH&ĐT
TP.HCM").  Token keys are case-folded; a match whose canonical name has a capital needs a
capital in the mention too ("chính phủ" is no agency).  Candidates of every kind are
collected and the longest wins, then the leftmost (:func:`select_spans`).

Speed: the tokens are parallel lists made by one regular-expression match; each token
gets a mask of the kinds of phrases whose first two keys it and the next token may be
(:func:`_kinds_of`; at a lowercase word only heads written lowercase count, and provinces
only with their unit word), and only tokens with a kind open candidates, numbers only
before a group word; trie walks, places, groups and group words are remembered per
position.  A span is read from its tokens alone, so the mentions of a span's text are
remembered across documents (legal bases, procedures and mottos recur word for word).

Naming choices: "Thủ tướng" with or without a person's name is "Thủ tướng Chính phủ";
a Deputy Prime Minister with a name keeps it ("Phó Thủ tướng Trần Lưu Quang"), since there
are several; a minister by name alone is the position "Bộ trưởng".  A People's Committee
of a district or commune has type "province" like that of a province (local government).
"""

from directive_extract.mentions.agencies.find import canonical, expand_abbreviations, find_agencies
from directive_extract.mentions.agencies.resolve import bare_subjects, resolve_references

__all__ = [
    "bare_subjects",
    "canonical",
    "expand_abbreviations",
    "find_agencies",
    "resolve_references",
]

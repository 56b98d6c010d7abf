"""Markdown pages (as scraped from news and legal portals) read with a CommonMark parser.

markdown-it-py parses the page; its tokens are written back as plain lines: headings and
paragraphs one line each (soft breaks joined), list items with their marker ("1.",
"-"), table rows as ``a | b`` lines, emphasis markers and images dropped, links reduced
to their text, raw HTML dropped.  Pages hard-wrapped at a fixed width get their
paragraphs back first (:mod:`.wraps`), since the parser would read a page with no blank
line as one paragraph.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from functools import cache

import regex
from markdown_it import MarkdownIt
from markdown_it.token import Token

from directive_extract.read.wraps import paragraphs

_DROPPED_INLINE = frozenset({"image", "html_inline"})
#: Emphasis markers the parser could not pair ("** THƯ VIỆN**", "*Căn cứ ...; *"); a
#: note mark "(*)" stays.
_UNPAIRED_MARKUP = regex.compile(r"(?<!\()\*{1,3}+(?!\))")
#: A footnote's reference glued to the word it annotates ("Bộ Nội vụ[4], ...").
_FOOTNOTE_MARK = regex.compile(r"(?<=\w)\[\d{1,3}+\]")


#: A line only Markdown writes: a heading, a bold run opening the line, a table's rule
#: under its header ("|---|---|"), an image or a link to a web address (table rows alone
#: are how plain text writes a table too).
_MARKDOWN_LINE = regex.compile(
    r"^[ \t]*+(?:#{1,6}[ \t]|\*\*\S|\|[ \t:]*+-{3,}+[-| \t:]*+$)|!\[[^\]\n]*+\]\(|\]\(https?://",
    regex.MULTILINE,
)
#: How many such lines make a text a Markdown page.
MARKDOWN_LINES = 3


def looks_like_markdown(text: str) -> bool:
    """The text is a scraped Markdown page, whatever its file is called: it holds a few
    lines only Markdown writes.

    >>> looks_like_markdown("# Tin\\n\\n**1. Sở Y tế:**\\n\\n| Số hiệu | 12/KH |\\n|---|---|")
    True
    >>> looks_like_markdown("Điều 1. Phê duyệt ...\\n- Mục tiêu: 100% xã ...")
    False
    """
    found = _MARKDOWN_LINE.finditer(text)
    return sum(1 for _ in itertools.islice(found, MARKDOWN_LINES)) == MARKDOWN_LINES


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def render(source: str) -> str:
    """The plain text of a Markdown page, a block per line.

    >>> render("# Tin\\n\\n**Bộ Y tế** [chủ trì](http://x) ![ảnh](a.jpg)\\n\\n1. Rà soát;")
    'Tin\\nBộ Y tế chủ trì\\n1. Rà soát;'
    """
    blocks = "\n\n".join(paragraphs(source))
    return "\n".join(line for line in _lines(_parser().parse(blocks)) if line.strip())


def _lines(tokens: Sequence[Token]) -> Iterator[str]:
    """One line per heading, paragraph, list item's first paragraph and table row."""
    marker = ""  # a list item's marker, written before its first paragraph
    cells: list[str] | None = None  # the cells of the table row being read
    for token in tokens:
        if token.type == "list_item_open":
            marker = f"{token.info}{token.markup} " if token.info else f"{token.markup} "
        elif token.type == "tr_open":
            cells = []
        elif token.type == "inline" and cells is not None:
            cells.append(_inline_text(token.children or []))
        elif token.type == "inline":
            yield marker + _inline_text(token.children or [])
            marker = ""
        elif token.type == "tr_close" and cells is not None:
            yield " | ".join(cells)
            cells = None
        elif token.type in ("fence", "code_block"):
            yield from token.content.splitlines()


def _inline_text(children: Sequence[Token]) -> str:
    """The text of an inline run: soft breaks as spaces, markup and images left out."""
    parts = []
    for child in children:
        if child.type == "text":
            parts.append(_FOOTNOTE_MARK.sub("", _UNPAIRED_MARKUP.sub("", child.content)))
        elif child.type == "code_inline":
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type not in _DROPPED_INLINE and child.children:
            parts.append(_inline_text(child.children))
    return " ".join("".join(parts).split(" ")).strip()

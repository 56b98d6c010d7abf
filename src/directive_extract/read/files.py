"""Reading inputs: plain text in any encoding, HTML pages, Word, PDF and JSON records.

Every reader returns a :class:`LoadedText`: the raw decoded text (the pipeline
normalises it), with the title, publication date and warnings found on the way.
A file that cannot be read raises :class:`InputError` with a reason in words
(``messages.py``), never a bare traceback.

Readers work on bytes (:func:`decode`), so a batch can hash an input once and
ship its bytes to a worker on another machine.
"""

from __future__ import annotations

import io
import json
import logging
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

from directive_extract import messages
from directive_extract.errors import InputError, Unsupported

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
#: Every suffix a reader exists for.
SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | {".docx", ".pdf"}

#: Share of printable characters below which decoded bytes are taken for binary data.
MIN_PRINTABLE = 0.95
#: Share of NUL bytes above which bytes are binary data, not text with stray NULs.
MAX_NUL_SHARE = 0.01

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
#: Windows-1258 bytes of the five combining tone marks, and of the vowels they sit on.
_CP1258_TONES = frozenset(b"\xcc\xec\xd2\xde\xf2")
_CP1258_VOWELS = frozenset("aeiouyAEIOUYâêôăơưÂÊÔĂƠƯ".encode("cp1258"))


@dataclass(frozen=True)
class LoadedText:
    """What a reader found in one input: raw text, title, date and warnings."""

    text: str
    title: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)  # doc_number, doc_type, ...


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path``, or an :class:`InputError` saying why not."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(path, messages.NOT_FOUND) from None
    except PermissionError:
        raise InputError(path, messages.PERMISSION_DENIED) from None
    except IsADirectoryError:
        raise InputError(path, messages.NOT_A_FILE) from None
    except OSError as error:
        raise InputError(path, messages.READ_FAILED.format(reason=error.strerror)) from None


def read_file(path: str | os.PathLike[str]) -> LoadedText:
    """One input file as text; a JSON file must then hold exactly one record."""
    name = str(path)
    if Path(name).suffix.lower() in RECORD_SUFFIXES:
        records = list(read_records(path))
        if len(records) != 1:
            raise InputError(name, messages.NOT_ONE_RECORD.format(count=len(records)))
        return records[0][1]
    return decode(read_bytes(path), name)


def read_records(
    path: str | os.PathLike[str], text_field: str = "text"
) -> Iterator[tuple[str, LoadedText]]:
    """Each record of a .json/.jsonl file as ``(source, LoadedText)``.

    ``source`` is the record's own ``source`` field when it has one, else
    ``file.jsonl#n`` for the n-th record counting from 1.  The first record that
    cannot be used raises :class:`InputError`.
    """
    for source, loaded in iter_records(read_bytes(path), str(path), text_field):
        if isinstance(loaded, InputError):
            raise loaded
        yield source, loaded


def decode(data: bytes, name: str) -> LoadedText:
    """The text of one input given its bytes; ``name``'s suffix tells the format."""
    suffix = Path(name).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _decode_text(data, name)
    if suffix in MARKDOWN_SUFFIXES:
        return _decode_markdown(data, name)
    if suffix in HTML_SUFFIXES:
        return _decode_html(data, name)
    if suffix == ".docx":
        return _decode_docx(data, name)
    if suffix == ".pdf":
        return _decode_pdf(data, name)
    raise Unsupported(name, messages.UNSUPPORTED_TYPE.format(suffix=suffix or name))


def iter_records(
    data: bytes, name: str, text_field: str = "text"
) -> Iterator[tuple[str, LoadedText | InputError]]:
    """Records of JSON (one object or a list) or JSON Lines bytes; bad ones as errors.

    >>> data = b'{"text": "a", "title": "T"}\\n\\n{"body": 1}'
    >>> [(source, type(loaded).__name__) for source, loaded in iter_records(data, "f.jsonl")]
    [('f.jsonl#1', 'LoadedText'), ('f.jsonl#2', 'Unsupported')]
    """
    text = _decode_plain(data, name).text
    if Path(name).suffix.lower() == ".json":
        try:
            parsed = json.loads(text) if text.strip() else []
        except json.JSONDecodeError as error:
            yield name, InputError(name, messages.BAD_JSON.format(detail=error))
            return
        values = parsed if isinstance(parsed, list) else [parsed]
    else:
        values = _json_lines(text, name)
    for number, value in enumerate(values, 1):
        source = f"{name}#{number}"
        if isinstance(value, InputError):
            yield source, InputError(source, value.reason)
        else:
            yield _record(value, source, text_field)


def _json_lines(text: str, name: str) -> Iterator[object]:
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(name, messages.BAD_JSON.format(detail=error))


def _record(value: object, source: str, text_field: str) -> tuple[str, LoadedText | InputError]:
    if not isinstance(value, dict) or not isinstance(value.get(text_field), str):
        return source, Unsupported(source, messages.NO_TEXT_FIELD.format(field=text_field))
    own_source = value.get("source")
    loaded = LoadedText(
        text=value[text_field],
        title=_string_or_none(value.get("title")),
        published=_string_or_none(value.get("published")),
    )
    return (own_source if isinstance(own_source, str) and own_source else source), loaded


def _string_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _decode_plain(data: bytes, name: str) -> LoadedText:
    """Text bytes in UTF-8/16/32 (BOM or not) or a legacy single-byte encoding.

    >>> _decode_plain("Hòa".encode("utf-16"), "a.txt").text
    'Hòa'
    >>> _decode_plain("Hòa".encode("utf-8-sig"), "a.txt").text
    'Hòa'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _repaired(_checked(data.decode(encoding, errors="replace"), name), [])
    warnings: list[str] = []
    if b"\x00" in data:
        wide = _decode_wide(data)
        if wide is not None:
            return _repaired(_checked(wide, name), [])
        data = _without_nul(data, name, warnings)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _detect(data, name)
        warnings.append(messages.NOT_UTF8.format(encoding=encoding))
    return _repaired(_checked(text, name), warnings)


def _decode_text(data: bytes, name: str) -> LoadedText:
    """A text file: tab-separated table rows read as ``a | b | c`` lines, and its hard
    wraps joined again when it was broken into lines of one width; a scraped Markdown
    page saved as text is read as the page it is."""
    from directive_extract.read.markdown import looks_like_markdown
    from directive_extract.read.tables import tab_rows
    from directive_extract.read.wraps import unwrapped

    loaded = _decode_plain(data, name)
    if looks_like_markdown(loaded.text):
        return _decode_markdown(data, name)
    return replace(loaded, text=tab_rows(unwrapped(loaded.text)))


def _decode_wide(data: bytes) -> str | None:
    """UTF-16 without a byte order mark, or None."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _printable_share(text) >= MIN_PRINTABLE:
            return text
    return None


def _without_nul(data: bytes, name: str, warnings: list[str]) -> bytes:
    """Stray NUL bytes removed (with a warning); many of them mean binary data.

    >>> loaded = _decode_plain("Hòa bình".encode().replace(b" ", bytes(1) + b" "), "a.txt")
    >>> loaded.text, loaded.warnings
    ('Hòa bình', ['removed 1 NUL byte(s)'])
    """
    count = data.count(b"\x00")
    if count > max(8, MAX_NUL_SHARE * len(data)):
        raise InputError(name, messages.BINARY_INPUT.format(detail="it holds NUL bytes"))
    warnings.append(messages.NUL_REMOVED.format(count=count))
    return data.replace(b"\x00", b"")


def _repaired(text: str, warnings: list[str]) -> LoadedText:
    """Text whose UTF-8 was once decoded as Latin-1 or Windows-1252 (mojibake), repaired.

    ftfy only changes text that its statistics call mojibake.

    >>> _repaired("Thá»§ tÆ°á»›ng", []).text
    'Thủ tướng'
    """
    import ftfy

    if ftfy.badness.is_bad(text):
        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            return LoadedText(fixed, warnings=[*warnings, messages.MOJIBAKE_REPAIRED])
    return LoadedText(text, warnings=warnings)


def _detect(data: bytes, name: str) -> tuple[str, str]:
    """Legacy bytes: Windows-1258 if its tone marks sit on vowels, else charset-normalizer's guess.

    Windows-1258 writes tones as combining marks (the normaliser composes them);
    short texts are too short for statistics, hence the check of the marks first.
    """
    if looks_windows_1258(data):
        return data.decode("cp1258", errors="replace"), "cp1258"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(name, messages.UNDECODABLE)
    return str(best), best.encoding


def looks_windows_1258(data: bytes) -> bool:
    r"""True when the bytes' Windows-1258 tone marks (nearly) all follow a vowel.

    In Windows-1252 and its kin the same bytes are letters (Ì ì Ò Þ ò) that
    rarely follow a vowel.

    >>> looks_windows_1258(b"U\xd2y ban"), looks_windows_1258("così è".encode("cp1252"))
    (True, False)
    """
    marks = [index for index, byte in enumerate(data) if byte in _CP1258_TONES]
    if not marks:
        return False
    on_vowel = sum(1 for index in marks if index and data[index - 1] in _CP1258_VOWELS)
    return on_vowel >= 0.9 * len(marks)


#: Characters outside the ranges Vietnamese pages are written in (ASCII, Latin, combining
#: marks, Vietnamese letters, punctuation, spaces): only these need a closer look, all
#: the others being text, so a page is checked at regex speed.
_UNUSUAL = regex.compile(
    r"[^\x20-\x7e\xa0-\u024f\u0300-\u036f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\s]"
)


def _printable_share(text: str) -> float:
    """The share of characters that text holds: printable, any space, format marks.

    Non-breaking and other Unicode spaces, zero-width joiners and soft hyphens
    are text; control characters, private-use and unassigned code points are not.

    >>> _printable_share("a\xa0\u2009\u200b b"), _printable_share("a\x01\x02\x03")
    (1.0, 0.25)
    """
    if not text:
        return 1.0
    unusual = _UNUSUAL.findall(text)
    not_text = sum(
        1
        for char in unusual
        if not (char.isprintable() or char.isspace() or unicodedata.category(char) == "Cf")
    )
    return 1 - not_text / len(text)


def _checked(text: str, name: str) -> str:
    share = _printable_share(text)
    if share < MIN_PRINTABLE:
        detail = f"only {share:.0%} of its characters are printable"
        raise InputError(name, messages.BINARY_INPUT.format(detail=detail))
    return text


def _decode_html(data: bytes, name: str) -> LoadedText:
    """The main article of a page, paragraphs on their own lines, with title and date."""
    import trafilatura

    article = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = article.text if article is not None and article.text else ""
    if text.strip():
        title = _string_or_none(article.title)
        return LoadedText(text, title=title, published=_string_or_none(article.date))
    visible = trafilatura.html2txt(data) or ""
    return LoadedText(visible, warnings=[messages.NO_ARTICLE] if visible.strip() else [])


def _decode_markdown(data: bytes, name: str) -> LoadedText:
    """A scraped Markdown page: its document or article as plain lines, with metadata."""
    from directive_extract.read.markdown import render
    from directive_extract.read.page import read_page

    plain = _decode_plain(data, name)
    lines, metadata = read_page(render(plain.text).splitlines())
    fields = {
        key: value
        for key in ("doc_number", "doc_type", "issuing_body", "signer")
        if (value := getattr(metadata, key))
    }
    return LoadedText(
        "\n".join(lines),
        published=metadata.published,
        warnings=[*plain.warnings, *metadata.warnings],
        metadata=fields,
    )


def _decode_docx(data: bytes, name: str) -> LoadedText:
    """Paragraphs and table rows in body order; a row's cells on one line, ``" | "``-joined."""
    import docx
    from docx.table import Table

    from directive_extract.read.tables import docx_rows

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # zipfile, lxml and python-docx each raise their own
        raise InputError(name, messages.BROKEN_DOCX) from error
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(docx_rows(block))
        else:
            lines.append(block.text)
    title = _string_or_none(document.core_properties.title)
    return LoadedText("\n".join(lines), title=title)


def _decode_pdf(data: bytes, name: str) -> LoadedText:
    """The text layer of a PDF (:mod:`.pdf`): running heads gone, table rows on a line
    each, lines wrapped mid-sentence joined again; a title the PDF writer filled in by
    itself ("(anonymous)") is no title."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from directive_extract.read import pdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not for users
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(name, messages.ENCRYPTED_PDF)
        pages = [_pdf_page_lines(page, pdf) for page in reader.pages]
        info = reader.metadata
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise InputError(name, messages.BROKEN_PDF.format(detail=error)) from error
    raw = pdf.strip_running_heads([lines for lines, _ in pages])
    lines = [
        pdf.layout_lines(page) if laid_out else [" ".join(line.split()) for line in page]
        for page, (_, laid_out) in zip(raw, pages, strict=True)
    ]
    text = "\n\n".join("\n".join(pdf.join_lines(page)) for page in lines if page)
    if not text:
        raise InputError(name, messages.NO_TEXT_LAYER)
    title = _string_or_none(info.title) if info is not None else None
    if title and pdf.is_placeholder_title(title):
        title = None
    return LoadedText(unicodedata.normalize("NFC", text), title=title)


def _pdf_page_lines(page, pdf) -> tuple[list[str], bool]:
    """A page's lines, and whether they are in layout mode (cells in their columns),
    as a page that holds a task table is read."""
    plain = unicodedata.normalize("NFC", page.extract_text() or "")
    if pdf.names_table(plain):
        layout = page.extract_text(extraction_mode="layout") or ""
        return unicodedata.normalize("NFC", layout).splitlines(), True
    return plain.splitlines(), False

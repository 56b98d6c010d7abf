"""Numbers with units: every percentage and every other figure.

Contract used by the pipeline:

- ``parse_number(text) -> float``: Vietnamese separators ("1.084" = 1084, "64,8" = 64.8).
- ``find_figures(text, start=0, end=None, times=None) -> list[Figure]``: role "reported",
  offsets absolute; ``times`` is the document's ``TimeIndex`` (scanned here when absent).

Words come from ``data/number_words.tsv`` (number and scale words), ``units.tsv``,
``comparators.tsv``, ``number_identifiers.tsv`` (words that make the number after them a
name: "số", "Đề án", "lần thứ"), ``number_stopwords.tsv`` (words after a number that are
not what it counts) and ``number_subject.tsv`` (what shapes a figure's subject).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from directive_extract import lexicon, models
from directive_extract.lexicon import alternation
from directive_extract.mentions.times import TimeIndex
from directive_extract.mentions.times import words as time_words

_FLAGS = regex.IGNORECASE
_NUMERAL = r"[0-9]++(?:[.,][0-9]++)*+"  # ASCII digits: other scripts' digits are no figures
_PLAIN_YEAR = regex.compile(r"(?:19|20)\d\d")
_DIGIT = regex.compile(r"\d")
_LONGEST_PLAIN = 6  # longer runs of bare digits are codes and phone numbers, not figures
_LOOK = 60  # characters looked at around a number for its context
#: Patterns asked only whether the window before a number ends with them (``\Z``) are
#: searched from the window's end: the engine reads back from the one place a match may
#: end instead of trying every start in the window (4x faster for the identifiers, asked
#: about every number).  Either way a match is found exactly when the window ends with
#: one, as long as no possessive run backwards can swallow what stands before it
#: (``list_marker``'s marker characters hold the newline it starts with: it stays forward).
_BACKWARD = regex.REVERSE
_MAX_SUBJECT_WORDS = 10


# --------------------------------------------------------------------------- numerals


def _grouped(groups: list[str]) -> bool:
    """Thousands groups: every group after the first has exactly three digits."""
    return all(len(group) == 3 for group in groups[1:]) and 1 <= len(groups[0]) <= 3


def _numeral_value(text: str) -> Decimal:
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = text.rpartition(decimal)
        if whole.count(decimal) or not _grouped(whole.split(thousands)):
            raise ValueError(text)
        return Decimal(whole.replace(thousands, "") + "." + fraction)
    separator = "." if dots else ","
    groups = text.split(separator)
    if len(groups) == 1:
        return Decimal(text)
    if separator == "." and _grouped(groups):
        return Decimal("".join(groups))
    if len(groups) == 2:
        return Decimal(groups[0] + "." + groups[1])
    if _grouped(groups):
        return Decimal("".join(groups))
    raise ValueError(text)


@dataclass(frozen=True, slots=True)
class _NumberWord:
    value: Decimal
    kind: str
    alone: str  # yes: quantifies alone; start: only begins a compound; no: only inside one


@cache
def _number_words() -> dict[str, _NumberWord]:
    return {
        variant.casefold(): _NumberWord(Decimal(row["value"]), row["kind"], row["alone"])
        for row in lexicon.load("number_words")
        for variant in lexicon.split_variants(row["word"])
    }


def _words_value(words: list[str], start: Decimal | None = None) -> Decimal:
    """The value of number and scale words, after an optional numeral ``start``.

    Scales stack ("nghìn tỷ") and a smaller scale after a larger one adds
    ("3 triệu 500 nghìn"); a scale or "trăm" with no number before it counts one.
    """
    total, current, top = Decimal(0), start, Decimal(0)
    for word in words:
        if _numeral_re().fullmatch(word):
            current = _numeral_value(word)
            continue
        entry = _number_words()[word.casefold()]
        if entry.kind == "digit":
            current = (current or 0) + entry.value
        elif entry.kind == "ten":
            current = (current or 0) + 10
        elif entry.kind in ("tens", "hundred"):
            current = (1 if current is None else current) * entry.value
        elif entry.value > top:
            base = total + current if current is not None else total or Decimal(1)
            total, current, top = base * entry.value, None, entry.value
        else:
            total += (1 if current is None else current) * entry.value
            current = None
    return total + (current or 0)


@cache
def _numeral_re() -> regex.Pattern:
    return regex.compile(_NUMERAL)


def parse_number(text: str) -> float:
    """A number as Vietnamese writes it: dot for thousands, comma for decimals.

    A dot followed by exactly three digits groups thousands; a single comma (or a
    dot followed by other than three digits) marks decimals. Scale and number words
    are read too.

    >>> [parse_number(t) for t in ["1.084", "64,8", "1.234,5", "12.900", "05", "64.8"]]
    [1084.0, 64.8, 1234.5, 12900.0, 5.0, 64.8]
    >>> [parse_number(t) for t in ["1,9 triệu tỷ", "3 triệu 500 nghìn", "hai mươi lăm"]]
    [1900000000000000.0, 3500000.0, 25.0]
    >>> parse_number("024.3823.4567")
    Traceback (most recent call last):
    ...
    ValueError: 024.3823.4567
    """
    words = text.split()
    if not words:
        raise ValueError(text)
    try:
        if _numeral_re().fullmatch(words[0]):
            return float(_words_value(words[1:], _numeral_value(words[0])))
        return float(_words_value(words))
    except KeyError as error:
        raise ValueError(text) from error


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True, slots=True)
class _Unit:
    unit: str
    kind: str


@cache
def _units() -> dict[str, _Unit]:
    return {
        variant.casefold(): _Unit(row["unit"], row["kind"])
        for row in lexicon.load("units")
        for variant in lexicon.split_variants(row["variants"])
    }


def _unit_of(written: str) -> _Unit | None:
    return _units().get(" ".join(written.casefold().split()))


def _words_of(name: str, kind: str | None = None) -> list[str]:
    rows = lexicon.load(name)
    return [row["word"] for row in rows if kind is None or row["kind"] == kind]


@cache
def _comparators() -> dict[str, tuple[str, str]]:
    return {
        row["phrase"].casefold(): (row["comparator"], row["position"])
        for row in lexicon.load("comparators")
    }


def _opening(words: list[str]) -> str:
    """A lookahead of the characters a number may start with: a digit or the first
    letter of one of ``words``.  The number pattern opens with lookbehinds, through
    which the regex engine cannot tell where a match may start; the lookahead lets it
    skip every other character at once (it scans the paragraph in half the time)."""
    letters = "".join(sorted({regex.escape(word[0]) for word in words}))
    return rf"(?=[0-9{letters}])"


@cache
def _patterns() -> dict[str, regex.Pattern]:
    scales = [word for word, entry in _number_words().items() if entry.kind == "scale"]
    scale = alternation(scales)
    numeral_group = rf"{_NUMERAL}(?:\s++{scale}(?!\w))*+"
    number = rf"{numeral_group}(?:\s++[0-9]++\s++{scale}(?!\w)(?:\s++{scale}(?!\w))*+)*+"
    starts = [word for word, entry in _number_words().items() if entry.alone != "no"]
    word_number = rf"{alternation(starts)}(?:\s++{alternation(_number_words())}(?!\w))*+"
    glued = [v for v, unit in _units().items() if unit.kind in ("percent", "measure", "currency")]
    spaced = [v for v, unit in _units().items() if unit.kind != "rank"]
    rank = alternation(v for v, unit in _units().items() if unit.kind == "rank")
    identifiers = _words_of("number_identifiers")
    identifiers += [word[0].upper() + word[1:] for word in identifiers]
    cmp_before = [p for p, (_, where) in _comparators().items() if where == "before"]
    cmp_after = [p for p, (_, where) in _comparators().items() if where == "after"]
    to = alternation(time_words("to"))
    percent = alternation(v for v, unit in _units().items() if unit.kind == "percent")
    listing = alternation(_words_of("number_subject", "list"))
    return {
        "number": regex.compile(
            rf"{_opening(starts)}(?<![\w.,/:]|\w-)"
            rf"(?:(?P<num>{number})|(?<!\w)(?P<words>{word_number})(?!\w))",
            _FLAGS,
        ),
        "whole": regex.compile(rf"/(?P<whole>{numeral_group})", _FLAGS),
        "range": regex.compile(
            rf"(?:\s*+(?P<u1>{alternation(glued)})(?!\w))?\s*+(?:-|(?<=\s){to}(?=\s))\s*+"
            rf"(?P<num>{number})",
            _FLAGS,
        ),
        "unit_glued": regex.compile(rf"\s*+(?P<unit>{alternation(glued)})(?!\w)", _FLAGS),
        "unit_spaced": regex.compile(rf"\s++(?P<unit>{alternation(spaced)})(?!\w)", _FLAGS),
        "fallback": regex.compile(
            r" ++(?P<unit>(?P<first>\p{Ll}++)(?: ++(?P<second>\p{Ll}++))?|\p{Lu}{2,8}+)(?![\w-])"
        ),
        "quoted": regex.compile(r"[\"']\s*+\Z", _BACKWARD),
        "identifier": regex.compile(
            rf"(?<!\w)(?:{alternation(identifiers)})\s*+(?:[:.]\s*+)?\Z", _BACKWARD
        ),
        "code_after": regex.compile(r"[/-](?:\p{L}|\d++[/-])|:\d"),
        "phone": regex.compile(r"0\d{2,3}+(?:[ .]\d{3,4}+){2}(?!\d)"),
        "list_marker": regex.compile(r"(?:^|\n)[\s\-+*•]*+\Z"),
        "marker_after": regex.compile(r"[.)](?:\s|\Z)"),
        "cmp_before": regex.compile(rf"(?<!\w)(?P<cmp>{alternation(cmp_before)})\s*+\Z", _FLAGS),
        "cmp_after": regex.compile(rf"\s*+(?P<cmp>{alternation(cmp_after)})(?!\w)", _FLAGS),
        "from_before": regex.compile(rf"(?<!\w){alternation(time_words('from'))}\s*+\Z", _FLAGS),
        "stopword": regex.compile(rf"{alternation(_words_of('number_stopwords'))}\Z", _FLAGS),
        "spaced_decimal": regex.compile(
            rf"(?P<whole>[0-9]{{1,3}}+), (?P<fraction>[0-9]{{1,2}}+)\s*+(?P<unit>{percent})(?!\w)"
            rf"(?!\s*+(?:[,;]|{listing})\s*+[0-9])",
            _FLAGS,
        ),
        "restated": regex.compile(r"\s*+\(\s*+(?P<again>[^()\n]{1,40}?)\s*+\)"),
        "rank_before": regex.compile(rf"(?<!\w)(?P<unit>{rank})\s++\Z", _FLAGS),
        "listed_before": regex.compile(rf"[0-9]\s*+%?\s*+(?:[,;]|{listing})\s*+\Z", _FLAGS),
    }


#: What a rate is counted per: a word, with the power of a unit of area or volume written
#: after it ("người/km2", "μg/m3", "m³/ngày"): the power is part of the unit.
_RATE = regex.compile(r"/\p{L}++(?:[23²³](?![\w.,]?[0-9]))?+")

# --------------------------------------------------------------------------- figures


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    value: float
    unit: str
    value_max: float | None = None
    whole: float | None = None


def _in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _is_name(text: str, lower: int, match: regex.Match) -> bool:
    """A document number, ordinal, year, time, phone number or list marker."""
    patterns = _patterns()
    begin, finish = match.start(), match.end()
    window = max(lower, begin - _LOOK)
    if patterns["identifier"].search(text, window, begin):
        return True
    ahead = finish + _LOOK
    if patterns["code_after"].match(text, finish, ahead) or patterns["phone"].match(
        text, begin, ahead
    ):
        return True
    if patterns["list_marker"].search(text, window, begin) and patterns["marker_after"].match(
        text, finish, ahead
    ):
        return True
    plain = match.group("num") or ""
    return plain.isdigit() and len(plain) > _LONGEST_PLAIN


def _value(match: regex.Match) -> float | None:
    try:
        return parse_number(match.group())
    except ValueError:
        return None


def _unit_after(text: str, position: int, end: int, listed_only: bool) -> tuple[str, int] | None:
    """The unit right after ``position`` and where it ends.

    Listed units first; else the noun that follows, guessed as its next two lowercase
    syllables (most Sino-Vietnamese nouns have two) or an acronym ("53 DVCTT").
    """
    patterns = _patterns()
    for name in ("unit_glued", "unit_spaced"):
        found = patterns[name].match(text, position, min(end, position + _LOOK))
        if found:
            unit = _unit_of(found.group("unit"))
            if unit.kind in ("count", "measure"):
                return _per(text, unit.unit, found.end(), end)
            return unit.unit, found.end()
    ahead = min(end, position + _LOOK)
    found = None if listed_only else patterns["fallback"].match(text, position, ahead)
    if found is None:
        return None
    if not found.group("first"):
        return found.group("unit"), found.end()
    stop = patterns["stopword"]
    if stop.fullmatch(found.group("first")):
        return None
    if found.group("second") and not stop.fullmatch(found.group("second")):
        return found.group("unit"), found.end()
    return found.group("first"), found.end("first")


def _per(text: str, unit: str, position: int, end: int) -> tuple[str, int]:
    """A rate: the unit and what it is counted per ("10.000 mẫu/ngày", "50 km/h").

    >>> _per("10.000 mẫu/ngày xét nghiệm", "mẫu", 10, 26)
    ('mẫu/ngày', 15)
    """
    rate = _RATE.match(text, position, min(end, position + _LOOK))
    return (unit + rate.group(), rate.end()) if rate else (unit, position)


def _scale_of(written: str) -> float:
    """The scale words after a numeral ("74,98" has 1, "76,98 triệu" 1e6)."""
    words = written.split()[1:]
    return float(_words_value(words, Decimal(1))) if words else 1.0


def _read(text: str, match: regex.Match, end: int) -> _Found | None:
    """The figure starting at ``match``: a fraction, a range or a single number."""
    patterns = _patterns()
    value = _value(match)
    if value is None:
        return None
    ahead = min(end, match.end() + _LOOK)
    restated = patterns["restated"].match(text, match.end(), ahead)
    if restated and _restates(restated.group("again"), value):
        return _restated(text, match, restated, value, end)
    listed_only = bool(match.group("words"))
    quoted = patterns["quoted"].search(text, max(0, match.start() - 3), match.start())
    listed_only = listed_only or bool(quoted)
    words = match.group().split()
    alone = len(words) > 1 or _number_words().get(words[0].casefold()) is None
    if match.group("words") and not (alone or _number_words()[words[0].casefold()].alone == "yes"):
        return None
    whole = None if listed_only else patterns["whole"].match(text, match.end(), ahead)
    if whole:
        return _fraction(text, match, whole, value, end)
    ranged = None if listed_only else patterns["range"].match(text, match.end(), ahead)
    if ranged:
        found = _range(text, match, ranged, value, end)
        if found:
            return found
    unit = _unit_after(text, match.end(), end, listed_only)
    if unit is None or _unit_of(unit[0]) is None:
        ranked = _ranked(text, match, value)
        if ranked is not None:
            return ranked
    if unit is None:
        return None
    plain = match.group("num") or ""
    if _PLAIN_YEAR.fullmatch(plain) and _unit_of(unit[0]) is None:
        return None
    return _Found(match.start(), unit[1], value, unit[0])


def _ranked(text: str, match: regex.Match, value: float) -> _Found | None:
    """A place in a ranking, its unit written before it ("giữ vững top 10 toàn cầu").

    >>> [(f.text, f.value, f.unit) for f in find_figures("giữ vững top 10 toàn cầu")]
    [('top 10', 10.0, 'top')]
    """
    found = _patterns()["rank_before"].search(text, max(0, match.start() - 12), match.start())
    if found is None:
        return None
    return _Found(found.start(), match.end(), value, _unit_of(found.group("unit")).unit)


def _restates(written: str, value: float) -> bool:
    try:
        return parse_number(written) == value
    except ValueError:
        return False


def _restated(
    text: str, match: regex.Match, restated: regex.Match, value: float, end: int
) -> _Found | None:
    """A number written twice, in words and in digits ("một (01) tuyến", "02 (hai)
    trường"): one figure, its unit after the parenthesis.

    >>> [(f.text, f.value, f.unit) for f in find_figures("bổ sung thêm một (01) tuyến cáp")]
    [('một (01) tuyến', 1.0, 'tuyến')]
    """
    unit = _unit_after(text, restated.end(), end, listed_only=False)
    return _Found(match.start(), unit[1], value, unit[0]) if unit else None


def _spaced_decimal(text: str, lower: int, match: regex.Match, end: int) -> _Found | None:
    """A percentage whose decimal comma is followed by a space ("đạt 75, 42%"), read as
    one figure where no list of numbers stands around it ("5, 10, 15%" is a list).

    >>> [(f.text, f.value) for f in find_figures("tỷ lệ đạt 75, 42% dân số")]
    [('75, 42%', 75.42)]
    >>> [f.value for f in find_figures("lần lượt 5, 10 và 15%")]
    [15.0]
    """
    patterns = _patterns()
    found = patterns["spaced_decimal"].match(text, match.start(), min(end, match.start() + 16))
    if found is None or patterns["listed_before"].search(
        text, max(lower, match.start() - _LOOK), match.start()
    ):
        return None
    value = float(Decimal(found.group("whole") + "." + found.group("fraction")))
    return _Found(match.start(), found.end("unit"), value, _unit_of(found.group("unit")).unit)


def _fraction(
    text: str, match: regex.Match, whole: regex.Match, value: float, end: int
) -> _Found | None:
    try:
        total = parse_number(whole.group("whole"))
    except ValueError:
        return None
    unit = _unit_after(text, whole.end(), end, listed_only=False)
    if (
        unit is None
        or value > total
        or _patterns()["code_after"].match(text, whole.end(), whole.end() + _LOOK)
    ):
        return None
    return _Found(match.start(), unit[1], value, unit[0], whole=total)


def _range(
    text: str, match: regex.Match, ranged: regex.Match, value: float, end: int
) -> _Found | None:
    try:
        high = parse_number(ranged.group("num"))
    except ValueError:
        return None
    unit = _unit_after(text, ranged.end(), end, listed_only=False)
    first_unit = ranged.group("u1")
    if unit is None or (first_unit and _unit_of(first_unit).unit != unit[0]):
        return None
    if len(match.group().split()) == 1:
        value *= _scale_of(ranged.group("num"))
    if high <= value:
        return None
    start = match.start()
    before = _patterns()["from_before"].search(text, max(0, start - 12), start)
    return _Found(before.start() if before else start, unit[1], value, unit[0], value_max=high)


def _comparator(text: str, lower: int, found: _Found) -> str:
    patterns = _patterns()
    before = patterns["cmp_before"].search(text, max(lower, found.start - _LOOK), found.start)
    if before:
        return _comparators()[" ".join(before.group("cmp").casefold().split())][0]
    after = patterns["cmp_after"].match(text, found.end, found.end + _LOOK)
    if after:
        return _comparators()[" ".join(after.group("cmp").casefold().split())][0]
    return "="


def find_figures(
    text: str, start: int = 0, end: int | None = None, times: TimeIndex | None = None
) -> list[models.Figure]:
    """Every number with a unit in ``text[start:end]``, role "reported", in text order.

    >>> [(f.text, f.value, f.unit, f.comparator) for f in find_figures(
    ...     "doanh thu ước đạt trên 1,9 triệu tỷ đồng, tăng 26% so với cùng kỳ")]
    [('1,9 triệu tỷ đồng', 1900000000000000.0, 'VND', '>'), ('26%', 26.0, '%', '=')]
    >>> [(f.value, f.whole, f.unit) for f in find_figures("đã đơn giản hóa 828/1.084 thủ tục")]
    [(828.0, 1084.0, 'thủ tục')]
    """
    end = len(text) if end is None else end
    times = (times or TimeIndex.scan(text)).unanchored()  # a figure's year needs no anchor
    spans = None  # the times' spans, asked for at the first number (many spans hold none)
    figures: list[models.Figure] = []
    reach = start
    for match in _patterns()["number"].finditer(text, start, end):
        if match.start() < reach:
            continue
        spans = times.spans(start, end) if spans is None else spans
        if _in_spans(match.start(), spans) or _is_name(text, start, match):
            continue
        found = _spaced_decimal(text, start, match, end) or _read(text, match, end)
        if found is None:
            continue
        reach = found.end
        figures.append(_figure(text, start, found, times))
    return figures


def _figure(text: str, lower: int, found: _Found, times: TimeIndex) -> models.Figure:
    before = _segment_before(text, lower, found.start)  # read for the year and the subject
    return models.Figure(
        text=text[found.start : found.end],
        start=found.start,
        end=found.end,
        value=found.value,
        value_max=found.value_max,
        unit=found.unit,
        comparator=_comparator(text, lower, found),
        year=_year(text, before, found.start, times),
        subject=_subject(text, before, found),
        whole=found.whole,
    )


# --------------------------------------------------------------------------- context


_BOUNDARY = regex.compile(r"[,;:.!?\n\"(]")
_PARENTHESIS = regex.compile(r"\([^()\n]*+\)")


def _segment_before(text: str, lower: int, position: int) -> tuple[int, str]:
    """The clause part right before ``position``, parentheses blanked, and where it starts."""
    window_start = max(lower, position - 4 * _LOOK)
    window = _PARENTHESIS.sub(lambda m: " " * len(m.group()), text[window_start:position])
    cut = 0
    for boundary in _BOUNDARY.finditer(window):
        cut = boundary.end()
    return window_start + cut, window[cut:]


def _year(text: str, before: tuple[int, str], position: int, times: TimeIndex) -> int | None:
    """The year the clause gives the figure: "năm 2023 là 97.000 tỷ đồng"; ``before`` is
    the clause part before it (``_segment_before``)."""
    segment_start, segment = before
    if not _PLAIN_YEAR.search(segment):
        return None
    found = times.within(segment_start, position)
    if not found or _DIGIT.search(text[found[-1].end : position]):
        return None
    return found[-1].due.year


@cache
def _subject_patterns() -> dict[str, regex.Pattern]:
    def words(kind: str) -> str:
        return alternation(_words_of("number_subject", kind))

    comparators = alternation(_comparators())
    return {
        "trailing": regex.compile(
            rf"(?:\s++(?:{words('link')}|{comparators}|{words('place')}))++\s*+\Z", _FLAGS
        ),
        "link_end": regex.compile(
            rf"(?<!\w)(?:{words('link')}|{comparators})\s*+\Z", _FLAGS | _BACKWARD
        ),
        "head": regex.compile(rf"(?<!\w){words('head')}(?!\w)", _FLAGS),
        "place": regex.compile(rf"\s++{words('place')}\s*+\Z", _FLAGS),
        "after": regex.compile(
            rf" ++(?P<phrase>(?:(?!(?:{words('stop')}|{words('link')})(?!\w))\p{{L}}++ *+)++)",
            _FLAGS,
        ),
    }


def _short(phrase: str) -> str | None:
    words = phrase.split()[:_MAX_SUBJECT_WORDS]
    return " ".join(words) or None


def _subject(text: str, before: tuple[int, str], found: _Found) -> str | None:
    """What the figure measures: the noun phrase before it (``before``, the clause part
    ``_segment_before`` gives), or after a percentage."""
    patterns = _subject_patterns()
    _, segment = before
    segment = " " + segment
    if patterns["link_end"].search(segment):
        phrase = patterns["trailing"].sub("", segment)
        head = patterns["head"].search(phrase)
        phrase = phrase[head.start() :] if head else phrase
        phrase = patterns["place"].sub("", phrase)
        measured = head or _unit_of(found.unit) is None or _unit_of(found.unit).kind != "count"
        if phrase.strip() and measured and not _DIGIT.search(phrase):
            return _short(phrase)
    if found.unit == "%":
        after = patterns["after"].match(text, found.end, found.end + 4 * _LOOK)
        if after:
            return _short(after.group("phrase"))
    return None

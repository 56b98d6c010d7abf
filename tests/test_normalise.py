"""The canonical form: NFC, one tone-mark convention, whitespace and quotes."""

import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from directive_extract.read.normalise import (
    FOLDS_APART,
    TONE_MARKS,
    _origin_map,
    canonical_form,
    fold,
    normalise,
    place_tone,
    plain_form,
)

# Old ("hoà", "uỷ") and new ("hòa", "ủy") placements of the same syllables.
TONE_PAIRS = [
    ("hoà", "hòa"),
    ("Hoà Bình", "Hòa Bình"),
    ("Khánh Hoà", "Khánh Hòa"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("hoá đơn", "hóa đơn"),
    ("đơn giản hoá", "đơn giản hóa"),
    ("khoẻ", "khỏe"),
    ("Uỷ ban", "Ủy ban"),
    ("uỷ quyền", "ủy quyền"),
    ("thuỷ lợi", "thủy lợi"),
    ("luỹ kế", "lũy kế"),
    ("tuỳ", "tùy"),
    ("hoạ", "họa"),
    ("loè", "lòe"),
    ("xoá bỏ", "xóa bỏ"),
    ("thoả thuận", "thỏa thuận"),
    ("Quỹ", "Quỹ"),
    ("quý II", "quý II"),
    ("hoàn thành", "hoàn thành"),
    ("thuyền", "thuyền"),
    ("khuyến khích", "khuyến khích"),
    ("toà án", "tòa án"),
]


@pytest.mark.parametrize(("written", "canonical"), TONE_PAIRS)
def test_tone_marks_take_one_placement(written, canonical):
    assert canonical_form(written) == canonical
    assert canonical_form(canonical) == canonical


def test_decomposed_text_is_composed():
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Khánh Hòa")
    assert canonical_form(decomposed) == "Ủy ban nhân dân tỉnh Khánh Hòa"


def test_windows_1258_style_combining_marks_compose():
    # Windows-1258 writes tone marks as separate combining characters after the vowel.
    legacy = "Thu\u0309 tu\u031bo\u031b\u0301ng giao Bo\u0302\u0323 Y te\u0302\u0301"
    assert canonical_form(legacy) == "Thủ tướng giao Bộ Y tế"


def test_whitespace_is_normalised_and_quotes_kept_as_written():
    raw = "\ufeff  “5 không”\u00a0–  chỉ\tbàn làm\r\n\r\n\r\n\r\nTin khác  \n"
    canonical = canonical_form(raw)
    assert canonical == "“5 không” – chỉ bàn làm\n\nTin khác"
    # The rules read ASCII quotes and dashes, at the same offsets.
    assert plain_form(canonical) == '"5 không" - chỉ bàn làm\n\nTin khác'
    assert len(plain_form(canonical)) == len(canonical)


def test_original_span_recovers_the_written_text():
    raw = "Uỷ  ban\u00a0nhân dân\r\ntỉnh Hoà Bình"
    result = normalise(raw)
    start = result.text.index("Hòa")
    original_start, original_end = result.original_span(start, start + len("Hòa Bình"))
    assert raw[original_start:original_end] == "Hoà Bình"


def test_fold_ignores_case_and_tone_placement():
    assert fold("UỶ BAN Nhân dân") == fold("ủy ban nhân dân")
    assert fold("Bộ Y tế") == "bô y tê" != fold("Bo Y te")  # only tones fold, not ô or ê


@given(st.text())
def test_normalise_is_idempotent_and_maps_every_character(text):
    result = normalise(text)
    assert canonical_form(result.text) == result.text
    # The map is made by a second, tracking pass over the same steps: same text.
    assert _origin_map(text)[0] == result.text
    assert len(result.origin) == len(result.text)
    assert all(0 <= index < max(1, len(text)) for index in result.origin)


@given(st.text() | st.text(alphabet="“”‘’–—-\"' \nuỷoà", max_size=20))
def test_the_plain_form_of_a_canonical_text_is_canonical(text):
    # header._beside_motto reads a line's plain key as its plain form casefolded.
    plain = plain_form(canonical_form(text))
    assert canonical_form(plain) == plain


@given(st.text(alphabet="oaeuyqhOAUYàáảãạèéẻẽẹỳýỷỹỵ \n", max_size=40))
def test_tone_placement_matches_between_the_fast_and_the_tracking_pass(text):
    assert _origin_map(text)[0] == canonical_form(text)


@given(st.text(alphabet="oaeuyhkqàáảãạèéẻẽẹỳýỷỹỵòóỏõọùúủũụ", max_size=6))
def test_place_tone_keeps_letters_and_tone_count(word):
    placed = place_tone(word)
    strip = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    assert sorted(strip(placed)) == sorted(strip(word))


@pytest.mark.parametrize(
    ("written", "canonical"), [("Uy\u00ad\u0309 ban", "Ủy ban"), ("o\u200b\u0300", "ò")]
)
def test_invisible_characters_between_a_letter_and_its_tone_mark(written, canonical):
    # Found by review: a soft hyphen or zero-width space left the pair uncomposed.
    assert canonical_form(written) == canonical


def test_casefolding_keeps_what_a_case_blind_pattern_matches_but_one_letter():
    # The standing clauses and the time rules' needed words are looked for in casefolded
    # text before their patterns search it: every character a case-blind pattern matches
    # to a Vietnamese letter must casefold to that letter, FOLDS_APART alone excepted.
    marks = ["", *sorted(TONE_MARKS)]
    letters = "bcdđghklmnpqrstvx" + "".join(
        unicodedata.normalize("NFC", vowel + mark) for vowel in "aăâeêioôơuưy" for mark in marks
    )
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    apart = {
        found.group()
        for letter in letters
        for found in regex.finditer(regex.escape(letter), every, regex.IGNORECASE)
        if found.group().casefold() != letter
    }
    assert apart == {FOLDS_APART}

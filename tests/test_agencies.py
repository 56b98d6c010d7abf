"""Agency mentions: gazetteer rows, abbreviations, provinces, titles, groups, negatives.

Cases marked "seed" were taken from phrases in the seed articles; the rest are common
phrasing of Vietnamese government news and official documents.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directive_extract import extract, lexicon
from directive_extract.mentions.agencies import (
    bare_subjects,
    canonical,
    expand_abbreviations,
    find_agencies,
    resolve_references,
)
from directive_extract.mentions.agencies.tokens import prepare
from directive_extract.models import Agency
from directive_extract.read.normalise import TONE_MARKS, canonical_form

GAZETTEER = lexicon.load("agencies")
PROVINCES = lexicon.load("provinces")
ABBREVIATIONS = lexicon.load("agency_abbreviations")
PROVINCE_BY_NAME = {row["name"]: row for row in PROVINCES}
TYPES = {
    "ministry",
    "government",
    "province",
    "committee",
    "enterprise",
    "group",
    "position",
    "other",
}


def old_style(text: str) -> str:
    """The same words with tone marks in the new placement ("hòa" -> "hoà", "ủy" -> "uỷ")."""
    return " ".join(_old_style_word(word) for word in text.split(" "))


def _old_style_word(word: str) -> str:
    letters = list(unicodedata.normalize("NFD", word))
    # an open syllable ending in o+tone+a/e or u+tone+y (not after q): move the tone
    if len(letters) >= 3 and letters[-2] in TONE_MARKS:
        pair = (letters[-3].lower(), letters[-1].lower())
        after_q = len(letters) > 3 and letters[-4].lower() == "q"
        if pair in {("o", "a"), ("o", "e"), ("u", "y")} and not after_q:
            letters[-2], letters[-1] = letters[-1], letters[-2]
    return unicodedata.normalize("NFC", "".join(letters))


def found_in(sentence: str, surface: str):
    """The agency whose mention is ``surface`` in ``sentence``."""
    text = canonical_form(sentence)
    mention = canonical_form(surface)
    agencies = find_agencies(text)
    for agency in agencies:
        assert text[agency.start : agency.end] == agency.mention
    matching = [a for a in agencies if a.mention == mention]
    assert matching, f"{surface!r} not found in {[a.mention for a in agencies]}"
    return matching[0]


def in_sentence(surface: str) -> str:
    return f"Đề nghị {surface} khẩn trương thực hiện."


def contracted(name: str) -> str | None:
    """``name`` with the first expansion inside it written as its abbreviation."""
    for row in ABBREVIATIONS:
        spelling = lexicon.split_variants(row["abbreviation"])[0]
        if row["expansion"] in name and row["expansion"] != name:
            return name.replace(row["expansion"], spelling, 1)
    return None


# --- the gazetteer, row by row ----------------------------------------------------------


def test_old_style_helper():
    assert old_style("Ủy ban Khánh Hòa thủy lợi hoàn") == "Uỷ ban Khánh Hoà thuỷ lợi hoàn"
    assert canonical_form(old_style("Thanh Hóa")) == "Thanh Hóa"


@pytest.mark.parametrize("row", GAZETTEER, ids=[row["name"] for row in GAZETTEER])
def test_gazetteer_full_name(row):
    agency = found_in(in_sentence(row["name"]), row["name"])
    assert (agency.name, agency.type) == (row["name"], row["type"])
    assert agency.successor == (row["successor"] or None)
    assert row["type"] in TYPES


VARIANTS = [(row, v) for row in GAZETTEER for v in lexicon.split_variants(row["variants"])]


@pytest.mark.parametrize("row,variant", VARIANTS, ids=[v for _, v in VARIANTS])
def test_gazetteer_variant(row, variant):
    agency = found_in(in_sentence(variant), variant)
    assert (agency.name, agency.type) == (row["name"], row["type"])
    assert canonical(variant) == (row["name"], row["type"])


CONTRACTED = [(row, contracted(row["name"])) for row in GAZETTEER if contracted(row["name"])]


@pytest.mark.parametrize("row,short", CONTRACTED, ids=[s for _, s in CONTRACTED])
def test_gazetteer_abbreviated(row, short):
    agency = found_in(in_sentence(short), short)
    assert agency.name == row["name"]


OLD_STYLE = [(row, old_style(row["name"])) for row in GAZETTEER]
OLD_STYLE = [(row, old) for row, old in OLD_STYLE if old != row["name"]]


@pytest.mark.parametrize("row,old", OLD_STYLE, ids=[old for _, old in OLD_STYLE])
def test_gazetteer_old_tone_marks(row, old):
    agency = found_in(in_sentence(old), old)
    assert agency.name == row["name"]


def test_gazetteer_is_consistent():
    names = {row["name"] for row in GAZETTEER}
    assert len(names) == len(GAZETTEER)
    for row in GAZETTEER:
        assert not row["successor"] or row["successor"] in names, row["successor"]
    assert len(OLD_STYLE) >= 10  # rows with "ủy", "hòa", "hóa" are many


# --- ministries: full name, abbreviation, old spelling, successor -------------------------

MINISTRIES = [
    ("Bộ Thông tin và Truyền thông", "Bộ TT&TT", "Bộ Khoa học và Công nghệ"),
    ("Bộ Thông tin và Truyền thông", "Bộ TTTT", "Bộ Khoa học và Công nghệ"),
    ("Bộ Kế hoạch và Đầu tư", "Bộ KH&ĐT", "Bộ Tài chính"),
    ("Bộ Kế hoạch và Đầu tư", "Bộ KHĐT", "Bộ Tài chính"),
    ("Bộ Lao động - Thương binh và Xã hội", "Bộ LĐ-TB&XH", "Bộ Nội vụ"),
    ("Bộ Lao động - Thương binh và Xã hội", "Bộ LĐTBXH", "Bộ Nội vụ"),
    ("Bộ Tài nguyên và Môi trường", "Bộ TN&MT", "Bộ Nông nghiệp và Môi trường"),
    ("Bộ Nông nghiệp và Phát triển nông thôn", "Bộ NN&PTNT", "Bộ Nông nghiệp và Môi trường"),
    ("Bộ Giao thông vận tải", "Bộ GTVT", "Bộ Xây dựng"),
    ("Ủy ban Dân tộc", "Uỷ ban Dân tộc", "Bộ Dân tộc và Tôn giáo"),
    ("Bộ Khoa học và Công nghệ", "Bộ KH&CN", None),
    ("Bộ Giáo dục và Đào tạo", "Bộ GD&ĐT", None),
    ("Bộ Văn hóa, Thể thao và Du lịch", "Bộ VH,TT&DL", None),
    ("Bộ Văn hóa, Thể thao và Du lịch", "Bộ VHTTDL", None),
    ("Bộ Văn hóa, Thể thao và Du lịch", "Bộ Văn hoá, Thể thao và Du lịch", None),
    ("Bộ Nông nghiệp và Môi trường", "Bộ NN&MT", None),
    ("Ngân hàng Nhà nước Việt Nam", "NHNN", None),
    ("Văn phòng Chính phủ", "VPCP", None),
    ("Thanh tra Chính phủ", "TTCP", None),
    ("Bộ Công Thương", "Bộ Công thương", None),
]


@pytest.mark.parametrize("name,short,successor", MINISTRIES, ids=[m[1] for m in MINISTRIES])
def test_ministry_abbreviations(name, short, successor):
    agency = found_in(f"Giao {short} chủ trì, phối hợp.", short)
    assert (agency.name, agency.type, agency.successor) == (name, "ministry", successor)


# --- provinces --------------------------------------------------------------------------


def test_province_counts():
    assert sum(row["era"] in ("before", "both") for row in PROVINCES) == 63
    assert sum(row["era"] in ("after", "both") for row in PROVINCES) == 34
    for row in PROVINCES:
        successor = PROVINCE_BY_NAME.get(row["successor"])
        assert not row["successor"] or successor["era"] in ("after", "both")


def _place(row):
    return f"{row['kind']} {row['name']}"


def _successor_place(row):
    successor = PROVINCE_BY_NAME.get(row["successor"])
    return f"{successor['kind']} {successor['name']}" if successor else None


def _province_forms(row):
    place, succ = _place(row), _successor_place(row)
    return [
        (
            f"Ủy ban nhân dân {place}",
            f"Ủy ban nhân dân {place}",
            succ and f"Ủy ban nhân dân {succ}",
        ),
        (f"UBND {place}", f"Ủy ban nhân dân {place}", succ and f"Ủy ban nhân dân {succ}"),
        (
            f"Hội đồng nhân dân {place}",
            f"Hội đồng nhân dân {place}",
            succ and f"Hội đồng nhân dân {succ}",
        ),
        (f"HĐND {place}", f"Hội đồng nhân dân {place}", succ and f"Hội đồng nhân dân {succ}"),
        (place, place, succ),
    ]


PROVINCE_CASES = [(row, *form) for row in PROVINCES for form in _province_forms(row)]


@pytest.mark.parametrize(
    "row,surface,name,successor", PROVINCE_CASES, ids=[c[1] for c in PROVINCE_CASES]
)
def test_province_forms(row, surface, name, successor):
    agency = found_in(in_sentence(surface), surface)
    assert (agency.name, agency.type, agency.successor) == (name, "province", successor)


PROVINCE_OLD = [(row, old_style(f"Uỷ ban nhân dân {_place(row)}")) for row in PROVINCES]


@pytest.mark.parametrize("row,old", PROVINCE_OLD, ids=[old for _, old in PROVINCE_OLD])
def test_province_old_tone_marks(row, old):
    assert found_in(in_sentence(old), old).name == f"Ủy ban nhân dân {_place(row)}"


PROVINCE_VARIANTS = [
    (row, f"UBND {row['kind']} {v}")
    for row in PROVINCES
    for v in lexicon.split_variants(row["variants"])
]


@pytest.mark.parametrize("row,surface", PROVINCE_VARIANTS, ids=[s for _, s in PROVINCE_VARIANTS])
def test_province_variants(row, surface):
    assert found_in(in_sentence(surface), surface).name == f"Ủy ban nhân dân {_place(row)}"


PLACES = [
    ("UBND TP.HCM", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "province"),
    ("UBND TP. Hồ Chí Minh", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "province"),
    ("UBND TPHCM", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "province"),
    ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "province"),
    ("TP.HCM", "Thành phố Hồ Chí Minh", "province"),
    ("UBND Hà Nội", "Ủy ban nhân dân thành phố Hà Nội", "province"),
    ("UBND TP Hà Nội", "Ủy ban nhân dân thành phố Hà Nội", "province"),
    ("Uỷ ban nhân dân tỉnh Thanh Hoá", "Ủy ban nhân dân tỉnh Thanh Hóa", "province"),
    ("UBND tỉnh Khánh Hoà", "Ủy ban nhân dân tỉnh Khánh Hòa", "province"),
    ("tỉnh Hoà Bình", "tỉnh Hòa Bình", "province"),
    ("UBND tỉnh Bà Rịa-Vũng Tàu", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "province"),
    ("UBND huyện Mê Linh", "Ủy ban nhân dân huyện Mê Linh", "province"),
    ("UBND TP Thủ Đức", "Ủy ban nhân dân thành phố Thủ Đức", "province"),
    ("Công an tỉnh Gia Lai", "Công an tỉnh Gia Lai", "other"),
    ("Công an quận 5", "Công an quận 5", "other"),  # seed
    ("Tỉnh ủy Hưng Yên", "Tỉnh ủy Hưng Yên", "other"),  # seed
    ("Sở Y tế tỉnh Gia Lai", "Sở Y tế tỉnh Gia Lai", "other"),
    ("Sở Y tế Hà Nội", "Sở Y tế Hà Nội", "other"),  # the place as written (dev gold)
    ("Sở KH&ĐT TP.HCM", "Sở Kế hoạch và Đầu tư Thành phố Hồ Chí Minh", "other"),  # seed
    ("Cục Thuế tỉnh Bình Dương", "Cục Thuế tỉnh Bình Dương", "other"),
    ("BHXH tỉnh Nghệ An", "Bảo hiểm xã hội tỉnh Nghệ An", "other"),
]


@pytest.mark.parametrize("surface,name,kind", PLACES, ids=[p[0] for p in PLACES])
def test_local_bodies(surface, name, kind):
    agency = found_in(in_sentence(surface), surface)
    assert (agency.name, agency.type) == (name, kind)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # official/717159673033f644.md (dev): a list item's verb kept its capital after a
        # body named for its city
        ("Giao Công an Thành phố Chỉ đạo Công an các phường phối hợp.", ["Công an thành phố"]),
        # written apart: a place name may hold a stop word ("giao") followed by a capital
        ("Giao Công an huyện Giao Thủy kiểm tra.", ["Công an huyện Giao Thủy"]),
        # written apart: a place name may end on a one-word stop ("Thuận Giao")
        ("Công an phường Thuận Giao phối hợp kiểm tra.", ["Công an phường Thuận Giao"]),
    ],
    ids=[
        "verb-in-capitals-ends-the-place",
        "stop-word-inside-a-place-name",
        "stop-word-ends-a-place-name",
    ],
)
def test_a_local_unit_name_ends_before_a_verb_in_capitals(text, names):
    assert [agency.name for agency in find_agencies(text)][: len(names)] == names


def test_local_successor():
    agency = found_in(in_sentence("Sở TT&TT tỉnh Hà Giang"), "Sở TT&TT tỉnh Hà Giang")
    assert agency.name == "Sở Thông tin và Truyền thông tỉnh Hà Giang"
    assert agency.successor == "Sở Khoa học và Công nghệ tỉnh Tuyên Quang"


# --- titles -----------------------------------------------------------------------------

TITLES = [
    ("Bộ trưởng Bộ Tài chính", "Bộ Tài chính", "ministry"),
    ("Chủ tịch UBND tỉnh Sóc Trăng", "Ủy ban nhân dân tỉnh Sóc Trăng", "province"),
    ("Giám đốc Sở Y tế", "Sở Y tế", "other"),
    ("Thủ tướng", "Thủ tướng Chính phủ", "position"),
    ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "position"),
    ("Thủ tướng Phạm Minh Chính", "Thủ tướng Chính phủ", "position"),  # seed
    ("Thủ tướng Chính phủ Phạm Minh Chính", "Thủ tướng Chính phủ", "position"),  # seed
    ("Phó Thủ tướng Trần Lưu Quang", "Phó Thủ tướng Trần Lưu Quang", "position"),  # seed
    ("Phó Thủ tướng", "Phó Thủ tướng Chính phủ", "position"),
    ("Bộ trưởng Nguyễn Chí Dũng", "Bộ trưởng", "position"),  # seed
    ("Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng", "Bộ Kế hoạch và Đầu tư", "ministry"),
    ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn", "Văn phòng Chính phủ", "ministry"),
    ("Chủ tịch Ủy ban Quốc gia về chuyển đổi số", "Ủy ban Quốc gia về chuyển đổi số", "committee"),
    (
        "Chủ tịch UBND thành phố Hà Nội Trần Sỹ Thanh",
        "Ủy ban nhân dân thành phố Hà Nội",
        "province",
    ),
    ("Thống đốc NHNN", "Ngân hàng Nhà nước Việt Nam", "ministry"),
    ("Tổng Giám đốc EVN", "Tập đoàn Điện lực Việt Nam", "enterprise"),
    ("Thứ trưởng Bộ Y tế", "Bộ Y tế", "ministry"),
    ("Phó Chủ tịch UBND tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai", "province"),
    ("Chủ tịch nước Tô Lâm", "Chủ tịch nước", "position"),  # seed
    ("Tổng Thanh tra Chính phủ", "Thanh tra Chính phủ", "ministry"),
]


@pytest.mark.parametrize("surface,name,kind", TITLES, ids=[t[0] for t in TITLES])
def test_titles(surface, name, kind):
    agency = found_in(f"Theo {surface} cho biết", surface)
    assert (agency.name, agency.type) == (name, kind)


# --- groups -----------------------------------------------------------------------------

GROUPS = [
    ("các bộ, ngành, địa phương", "bộ, ngành, địa phương"),  # seed
    ("các bộ, ngành liên quan", "bộ, ngành liên quan"),  # seed
    ("các bộ, ngành, có liên quan", "bộ, ngành, có liên quan"),  # seed
    ("các địa phương", "địa phương"),
    ("7 địa phương", "7 địa phương"),  # seed
    ("12 bộ, ngành và 20 địa phương", "12 bộ, ngành và 20 địa phương"),  # seed
    (
        "Bộ trưởng, trưởng ngành, Chủ tịch UBND các tỉnh, thành phố",
        "Bộ trưởng, trưởng ngành, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố",
    ),  # seed
    ("các cơ quan liên quan", "cơ quan liên quan"),
    ("các doanh nghiệp viễn thông", "doanh nghiệp viễn thông"),  # seed
    (
        "UBND các tỉnh, thành phố trực thuộc Trung ương",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    ),
    ("các sở, ban, ngành", "sở, ban, ngành"),
    (
        "Ban Chỉ đạo chuyển đổi số các bộ, ngành, địa phương",
        "Ban Chỉ đạo chuyển đổi số các bộ, ngành, địa phương",
    ),  # seed
    ("Mỗi bộ, ngành, địa phương", "bộ, ngành, địa phương"),  # seed
    (
        "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, "
        "thành phố trực thuộc Trung ương",
        "bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, "
        "thành phố trực thuộc Trung ương",
    ),
    ("UBND các cấp", "Ủy ban nhân dân các cấp"),
    ("các DN viễn thông", "doanh nghiệp viễn thông"),
    # alternatives with a slash are listed (dev: official/646f0a00d4174382.md's table)
    ("UBND các tỉnh/thành phố", "Ủy ban nhân dân các tỉnh, thành phố"),
    ("UBND các tỉnh/ thành phố", "Ủy ban nhân dân các tỉnh, thành phố"),
    ("các xã/phường", "xã, phường"),
    # an item closed by "liên quan" and the next joined by "và" are listed (dev:
    # official/646f0a00d4174382.md's partner cells)
    (
        "các bộ, ngành liên quan và UBND các tỉnh",
        "bộ, ngành liên quan, Ủy ban nhân dân các tỉnh",
    ),
    (
        "các cơ quan có liên quan và chính quyền địa phương",
        "cơ quan có liên quan, chính quyền địa phương",
    ),
]


def test_a_verb_of_making_way_ends_a_name_that_runs_on():
    """Written apart (probes): "tạo thuận lợi", "tạo điều kiện" (agency_stops.tsv) end an
    unseen name whose words would go on."""
    for verb in ("tạo thuận lợi", "tạo điều kiện"):
        text = f"Giao Ban Quản lý dự án {verb} cho nhà đầu tư."
        assert [a.name for a in find_agencies(text)] == ["Ban Quản lý dự án"]


@pytest.mark.parametrize("surface,name", GROUPS, ids=[g[0] for g in GROUPS])
def test_groups(surface, name):
    agency = found_in(f"Yêu cầu {surface} khẩn trương triển khai.", surface)
    assert (agency.name, agency.type) == (name, "group")


def test_group_stops_before_verb():
    agencies = find_agencies("Văn bản do các bộ ban hành và các bộ tổ chức thực hiện.")
    assert [(a.mention, a.name) for a in agencies] == [("các bộ", "bộ"), ("các bộ", "bộ")]


# --- grammar for unseen names and near misses ------------------------------------------

UNSEEN = [
    ("Bộ Thông tin Truyền thông", "Bộ Thông tin và Truyền thông", "ministry"),
    ("Bộ Kế hoạch Đầu tư", "Bộ Kế hoạch và Đầu tư", "ministry"),
    ("Bộ Tai chinh", "Bộ Tài chính", "ministry"),
    ("Cục Công nghệ thông tin", "Cục Công nghệ thông tin", "other"),
    ("Sở Quy hoạch - Kiến trúc", "Sở Quy hoạch - Kiến trúc", "other"),
    ("Tập đoàn Vingroup", "Tập đoàn Vingroup", "enterprise"),
    ("Tổng công ty Điện lực Dầu khí", "Tổng công ty Điện lực Dầu khí", "enterprise"),
    ("Ban Chỉ đạo quốc gia về du lịch", "Ban Chỉ đạo quốc gia về du lịch", "committee"),
    ("Ủy ban Quốc gia về CĐS", "Ủy ban Quốc gia về chuyển đổi số", "committee"),  # seed
    (
        "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Hà Tĩnh",
        "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Hà Tĩnh",
        "committee",
    ),
    ("Tổng cục trưởng Tổng cục Hải quan Nguyễn Văn Cẩn", "Tổng cục Hải quan", "other"),
    ("BỘ TÀI CHÍNH", "Bộ Tài chính", "ministry"),
]


@pytest.mark.parametrize("surface,name,kind", UNSEEN, ids=[u[0] for u in UNSEEN])
def test_unseen_and_near_miss(surface, name, kind):
    agency = found_in(f"Giao {surface} chủ trì thực hiện.", surface)
    assert (agency.name, agency.type) == (name, kind)


CANONICAL = [
    ("UBND tỉnh Gia Lai", ("Ủy ban nhân dân tỉnh Gia Lai", "province")),
    ("Bộ TT&TT", ("Bộ Thông tin và Truyền thông", "ministry")),
    ("NHNN", ("Ngân hàng Nhà nước Việt Nam", "ministry")),
    ("Uỷ ban Dân tộc", ("Ủy ban Dân tộc", "ministry")),
    ("Bo Tai chinh", ("Bộ Tài chính", "ministry")),
    ("các bộ, ngành, địa phương", ("bộ, ngành, địa phương", "group")),
    ("chính phủ số", None),
    ("phát triển kinh tế", None),
    ("", None),
]


@pytest.mark.parametrize("mention,expected", CANONICAL, ids=[c[0] or "empty" for c in CANONICAL])
def test_canonical(mention, expected):
    assert canonical(mention) == expected


EXPANSIONS = [
    ("UBND tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai"),
    ("Sở KH&ĐT TP. Hồ Chí Minh", "Sở Kế hoạch và Đầu tư thành phố Hồ Chí Minh"),
    ("Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội"),
    ("Ủy ban Quốc gia về CĐS", "Ủy ban Quốc gia về chuyển đổi số"),
    ("HĐND các cấp", "Hội đồng nhân dân các cấp"),
    # an abbreviation in capitals is read only in capitals: "Tư" of "Tư pháp" is no "TƯ"
    # (seen in dev news/194cc3744a8a5d05.md by the support helper)
    ("Ban Chấp hành TƯ Đảng", "Ban Chấp hành Trung ương Đảng"),
    ("Đảng ủy Bộ Tư pháp", "Đảng ủy Bộ Tư pháp"),
    # words of names shortened in the customs and banking news of ../shared/real (dev
    # news/tu-1-7-trien-khai-mo-rong-nsw-tai-cang-bien-cang-dau-khi-ngoai-khoi.md: "Trung
    # tâm CNTT"; dev news/hai-quan-da-nang-...: "Chi cục Hải quan KCN ..."); the rest
    # written apart
    ("Trung tâm CNTT", "Trung tâm Công nghệ thông tin"),
    ("Chi cục Hải quan KCN Hòa Khánh", "Chi cục Hải quan khu công nghiệp Hòa Khánh"),
    ("Ngân hàng TMCP Ngoại thương Việt Nam", "Ngân hàng Thương mại cổ phần Ngoại thương Việt Nam"),
    ("Phòng Quản lý XNK", "Phòng Quản lý xuất nhập khẩu"),
    ("", ""),
]


@pytest.mark.parametrize("text,expected", EXPANSIONS, ids=[e[0] or "empty" for e in EXPANSIONS])
def test_expand_abbreviations(text, expected):
    assert expand_abbreviations(text) == expected


# --- negatives --------------------------------------------------------------------------

NEGATIVES = [
    "kết nối với Đề án 06",  # seed
    "phát triển Chính phủ số, chính phủ điện tử",
    "Chính phủ điện tử hướng tới Chính phủ số",
    "cấp tỉnh, cấp huyện",
    "Cổng Dịch vụ công quốc gia",
    "hệ thống chính phủ, thủ tướng",
    "tại trụ sở Chính phủ",  # seed
    "dịch vụ CĐS quốc gia",
    "tại địa phương",
    "Hà Nội, ngày 03 tháng 3 năm 2025",
    "một bộ phận cán bộ",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negatives(text):
    assert find_agencies(canonical_form(text)) == []


def test_chinh_phu_alone_and_in_text_order():
    text = "Chính phủ giao Bộ Công an, các bộ, ngành và UBND tỉnh Gia Lai"
    found = [(a.name, a.type) for a in find_agencies(text)]
    assert found == [
        ("Chính phủ", "government"),
        ("Bộ Công an", "ministry"),
        ("bộ, ngành", "group"),
        ("Ủy ban nhân dân tỉnh Gia Lai", "province"),
    ]


def test_window_offsets_are_absolute():
    text = "Mở đầu. Bộ Y tế chủ trì, phối hợp với Bộ Tài chính. Kết thúc Bộ Công an."
    window = find_agencies(text, 8, text.index(" Kết"))
    assert [(a.name, a.start) for a in window] == [
        ("Bộ Y tế", 8),
        ("Bộ Tài chính", text.index("Bộ Tài")),
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Bộ",
                "Tài chính",
                "UBND",
                "tỉnh",
                "Gia Lai",
                "các",
                "bộ",
                ",",
                "ngành",
                "TP.",
                "HCM",
                "Thủ tướng",
                "Phạm",
                "Minh",
                "Chính",
                "và",
                "Sở",
                "Y tế",
                "&",
                "TT",
                "-",
                "số",
                "7",
            ]
        )
        | st.text(max_size=6),
        max_size=25,
    ),
    st.integers(0, 10),
)
def test_offsets_invariant(parts, cut):
    text = canonical_form(" ".join(parts))
    start = min(cut, len(text))
    previous_end = start
    for agency in find_agencies(text, start):
        assert text[agency.start : agency.end] == agency.mention
        assert agency.start >= previous_end
        assert agency.name and agency.type in TYPES
        previous_end = agency.end


def _phrase_words() -> list[str]:
    """Words of the agency lexicon's phrases (first, inner and last), and other words."""
    phrases = [row["name"] for row in GAZETTEER] + [row["abbreviation"] for row in ABBREVIATIONS]
    phrases += [row["phrase"] for row in lexicon.load("agency_groups")]
    phrases += [row["title"] for row in lexicon.load("agency_titles")]
    words = {word for phrase in phrases for word in phrase.replace("|", " ").split()}
    return sorted(words | {"7", "63", ",", ":", "giao", "Hà", "chủ trì"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_phrase_words()), max_size=8), st.sampled_from([" ", ", "]))
def test_tokens_that_may_open_nothing_have_no_opening(words, glue):
    # find_agencies stops at once where may_open says no phrase may start.
    from directive_extract.mentions.agencies.matcher import Matcher
    from directive_extract.mentions.agencies.openings import may_open
    from directive_extract.mentions.agencies.tokens import prepare

    tokens = prepare(canonical_form(glue.join(words)))
    assert may_open(tokens) or Matcher(tokens).openings() == []


# --- lists under one head, group modifiers, unseen names, local forces -------------------
# Official phrasing of công điện, chỉ thị, thông báo kết luận and provincial kế hoạch
# (addressee lists, task paragraphs).  Cases marked "official" follow the documents in
# corpora/official; none was tuned on the seeds.


MINISTRY = "ministry"
PROVINCE = "province"

LISTS = [
    (
        "Bộ trưởng các Bộ: Quốc phòng, Công an chỉ đạo các lực lượng đóng quân trên địa bàn.",
        [
            ("Bộ trưởng các Bộ: Quốc phòng", "Bộ Quốc phòng", MINISTRY),
            ("Công an", "Bộ Công an", MINISTRY),
            ("các lực lượng", "lực lượng", "group"),
        ],
    ),  # official
    (
        "Giao các Bộ: Tài chính, Kế hoạch và Đầu tư, Công Thương theo dõi.",
        [
            ("các Bộ: Tài chính", "Bộ Tài chính", MINISTRY),
            ("Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư", MINISTRY),
            ("Công Thương", "Bộ Công Thương", MINISTRY),
        ],
    ),
    (
        "Bộ trưởng các Bộ Quốc phòng, Công an chỉ đạo lực lượng hỗ trợ.",
        [
            ("Bộ trưởng các Bộ Quốc phòng", "Bộ Quốc phòng", MINISTRY),
            ("Công an", "Bộ Công an", MINISTRY),
        ],
    ),
    (
        "- Các Bộ trưởng: Nông nghiệp và Phát triển nông thôn, Quốc phòng, Giao thông vận tải;",
        [
            (
                "Các Bộ trưởng: Nông nghiệp và Phát triển nông thôn",
                "Bộ Nông nghiệp và Phát triển nông thôn",
                MINISTRY,
            ),
            ("Quốc phòng", "Bộ Quốc phòng", MINISTRY),
            ("Giao thông vận tải", "Bộ Giao thông vận tải", MINISTRY),
        ],
    ),  # official
    (
        "- Các Bộ: KH&ĐT, TC, GTVT, XD;",
        [
            ("Các Bộ: KH&ĐT", "Bộ Kế hoạch và Đầu tư", MINISTRY),
            ("TC", "Bộ Tài chính", MINISTRY),
            ("GTVT", "Bộ Giao thông vận tải", MINISTRY),
            ("XD", "Bộ Xây dựng", MINISTRY),
        ],
    ),  # official
    (
        "Mưa lớn tại các tỉnh Hà Giang, Cao Bằng và Lào Cai.",
        [
            ("các tỉnh Hà Giang", "tỉnh Hà Giang", PROVINCE),
            ("Cao Bằng", "tỉnh Cao Bằng", PROVINCE),
            ("Lào Cai", "tỉnh Lào Cai", PROVINCE),
        ],
    ),
    (
        "Ủy ban nhân dân các tỉnh: Quảng Nam, Quảng Ngãi khẩn trương sơ tán dân.",
        [
            ("Ủy ban nhân dân các tỉnh: Quảng Nam", "Ủy ban nhân dân tỉnh Quảng Nam", PROVINCE),
            ("Quảng Ngãi", "Ủy ban nhân dân tỉnh Quảng Ngãi", PROVINCE),
        ],
    ),
    (
        "- Chủ tịch UBND các tỉnh, thành phố: Hà Tĩnh, Quảng Bình, Đà Nẵng;",
        [
            (
                "Chủ tịch UBND các tỉnh, thành phố: Hà Tĩnh",
                "Ủy ban nhân dân tỉnh Hà Tĩnh",
                PROVINCE,
            ),
            ("Quảng Bình", "Ủy ban nhân dân tỉnh Quảng Bình", PROVINCE),
            ("Đà Nẵng", "Ủy ban nhân dân thành phố Đà Nẵng", PROVINCE),
        ],
    ),  # official
    (
        "Tổng Giám đốc các cơ quan: Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, "
        "Thông tấn xã Việt Nam tăng cường thông tin.",
        [
            (
                "Tổng Giám đốc các cơ quan: Đài Truyền hình Việt Nam",
                "Đài Truyền hình Việt Nam",
                "government",
            ),
            ("Đài Tiếng nói Việt Nam", "Đài Tiếng nói Việt Nam", "government"),
            ("Thông tấn xã Việt Nam", "Thông tấn xã Việt Nam", "government"),
        ],
    ),  # official
    (
        "- Tổng Giám đốc: Đài Truyền hình Việt Nam, Thông tấn xã Việt Nam.",
        [
            ("Đài Truyền hình Việt Nam", "Đài Truyền hình Việt Nam", "government"),
            ("Thông tấn xã Việt Nam", "Thông tấn xã Việt Nam", "government"),
        ],
    ),  # official
    (
        "Giao Bộ Quốc phòng, Công an hỗ trợ địa phương.",
        [
            ("Bộ Quốc phòng", "Bộ Quốc phòng", MINISTRY),
            ("Công an", "Bộ Công an", MINISTRY),
        ],
    ),
    (
        "UBND tỉnh Quảng Nam, Quảng Ngãi chủ động sơ tán.",
        [
            ("UBND tỉnh Quảng Nam", "Ủy ban nhân dân tỉnh Quảng Nam", PROVINCE),
            ("Quảng Ngãi", "Ủy ban nhân dân tỉnh Quảng Ngãi", PROVINCE),
        ],
    ),
    (
        "Tham dự có lãnh đạo các Bộ: Kế hoạch và Đầu tư, Tài chính; Ngân hàng Nhà nước Việt Nam.",
        [
            ("lãnh đạo các Bộ: Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư", MINISTRY),
            ("Tài chính", "Bộ Tài chính", MINISTRY),
            ("Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước Việt Nam", MINISTRY),
        ],
    ),  # official
    # a bare item that heads a longer name is no item of the list
    (
        "Phối hợp với Bộ Y tế, Công an tỉnh Gia Lai kiểm tra.",
        [
            ("Bộ Y tế", "Bộ Y tế", MINISTRY),
            ("Công an tỉnh Gia Lai", "Công an tỉnh Gia Lai", "other"),
        ],
    ),
    # without a determiner or a colon, a unit word opens no list of full names
    (
        "Các cơ quan Bộ Tài chính triển khai.",
        [("Các cơ quan", "cơ quan", "group"), ("Bộ Tài chính", "Bộ Tài chính", MINISTRY)],
    ),
]


@pytest.mark.parametrize("sentence,expected", LISTS, ids=[case[0][:50] for case in LISTS])
def test_lists_under_one_head(sentence, expected, mentions):
    assert mentions(sentence) == expected


GROUP_MODIFIERS = [
    (
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên chủ động chỉ đạo.",
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên",
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên",
    ),  # official
    (
        "Giao UBND các tỉnh, thành phố trực thuộc TW thực hiện.",
        "UBND các tỉnh, thành phố trực thuộc TW",
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    ),  # official
    ("Yêu cầu các bộ, ngành liên quan theo dõi.", "các bộ, ngành liên quan", "bộ, ngành liên quan"),
    (
        "Đề nghị các cơ quan, đơn vị có liên quan phối hợp.",
        "các cơ quan, đơn vị có liên quan",
        "cơ quan, đơn vị có liên quan",
    ),
    (
        "Hỗ trợ các địa phương bị ảnh hưởng khắc phục hậu quả.",
        "các địa phương bị ảnh hưởng",
        "địa phương bị ảnh hưởng",
    ),
    (
        "Yêu cầu các tỉnh, thành phố từ Quảng Bình đến Bình Định chủ động ứng phó.",
        "các tỉnh, thành phố từ Quảng Bình đến Bình Định",
        "tỉnh, thành phố từ Quảng Bình đến Bình Định",
    ),
    (
        "Giao các sở, ban, ngành, UBND các huyện, thị xã, thành phố thực hiện.",
        "các sở, ban, ngành, UBND các huyện, thị xã, thành phố",
        "sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố",
    ),
    (
        "Mưa lũ tại các tỉnh Trung Bộ gây thiệt hại.",
        "các tỉnh Trung Bộ",
        "tỉnh Trung Bộ",
    ),  # official
    (
        "Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện căn cứ Kế hoạch.",
        "Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện",
        "Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch Ủy ban nhân dân các huyện",
    ),  # official
    (
        "Các ngân hàng thương mại cổ phần quyết liệt triển khai hiệu quả.",
        "Các ngân hàng thương mại cổ phần",
        "ngân hàng thương mại cổ phần",
    ),  # dev official/74e2ddc7b11340da
]


@pytest.mark.parametrize(
    "sentence,mention,name", GROUP_MODIFIERS, ids=[case[1] for case in GROUP_MODIFIERS]
)
def test_group_modifiers(sentence, mention, name, mentions):
    assert (mention, name, "group") in mentions(sentence)


NAMES_IN_SENTENCES = [
    (
        "Tổng công ty Điện lực miền Bắc bảo đảm cấp điện.",
        [("Tổng công ty Điện lực miền Bắc", "Tổng công ty Điện lực miền Bắc", "enterprise")],
    ),
    (
        "Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, bão di chuyển nhanh.",
        [
            (
                "Trung tâm Dự báo khí tượng thủy văn quốc gia",
                "Trung tâm Dự báo khí tượng thủy văn quốc gia",
                "other",
            )
        ],
    ),  # official
    (
        "Ban Chỉ đạo Trung ương về phòng, chống thiên tai theo dõi sát tình hình.",
        [
            (
                "Ban Chỉ đạo Trung ương về phòng, chống thiên tai",
                "Ban Chỉ đạo quốc gia về phòng, chống thiên tai",
                "committee",
            )
        ],
    ),
    (
        "Ban Chỉ đạo phòng, chống dịch bệnh tỉnh theo dõi sát tình hình.",
        [
            (
                "Ban Chỉ đạo phòng, chống dịch bệnh tỉnh",
                "Ban Chỉ đạo phòng, chống dịch bệnh tỉnh",
                "committee",
            )
        ],
    ),
    (
        "Phối hợp với Cục Quản lý thị trường tỉnh Gia Lai kiểm tra.",
        [
            (
                "Cục Quản lý thị trường tỉnh Gia Lai",
                "Cục Quản lý thị trường tỉnh Gia Lai",
                "other",
            )
        ],
    ),
    (
        "Sở Giáo dục và Đào tạo tỉnh Gia Lai chủ trì.",
        [("Sở Giáo dục và Đào tạo tỉnh Gia Lai", "Sở Giáo dục và Đào tạo tỉnh Gia Lai", "other")],
    ),
    (
        "Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc.",
        [("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "other")],
    ),  # official
    (
        "Chỉ đạo Trung tâm Phục vụ hành chính công tỉnh nâng cao chất lượng.",
        [
            (
                "Trung tâm Phục vụ hành chính công tỉnh",
                "Trung tâm Phục vụ hành chính công tỉnh",
                "other",
            )
        ],
    ),  # official
    (
        "Tổng cục Phòng, chống thiên tai (Bộ NN&PTNT) cho biết.",
        [
            ("Tổng cục Phòng, chống thiên tai", "Tổng cục Phòng, chống thiên tai", "other"),
            ("Bộ NN&PTNT", "Bộ Nông nghiệp và Phát triển nông thôn", MINISTRY),
        ],
    ),
    (
        "Cục Công nghệ thông tin hỗ trợ kỹ thuật.",
        [("Cục Công nghệ thông tin", "Cục Công nghệ thông tin", "other")],
    ),
    # capitals tell nothing: "NHIỆM VỤ ..." is no department ("Vụ")
    ("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025", []),  # official
    # a signature's name is on the next line
    (
        "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nTrần Hồng Hà",
        [
            ("THỦ TƯỚNG", "Thủ tướng Chính phủ", "position"),
            ("PHÓ THỦ TƯỚNG", "Phó Thủ tướng Chính phủ", "position"),
        ],
    ),  # official
    # a chain of titles stands for the body only when a body ends it
    (
        "báo cáo Thủ tướng Chính phủ, Phó Thủ tướng Chính phủ phụ trách",
        [
            ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "position"),
            ("Phó Thủ tướng Chính phủ", "Phó Thủ tướng Chính phủ", "position"),
        ],
    ),  # official
    (
        "Cuộc họp Ban Chỉ đạo quốc gia chiều 2/4.",
        [("Ban Chỉ đạo quốc gia", "Ban Chỉ đạo quốc gia", "committee")],
    ),  # a near miss with another number is another body ("Ban Chỉ đạo 389 quốc gia")
]


@pytest.mark.parametrize(
    "sentence,expected", NAMES_IN_SENTENCES, ids=[case[0][:50] for case in NAMES_IN_SENTENCES]
)
def test_names_in_sentences(sentence, expected, mentions):
    assert mentions(sentence) == expected


LOCAL_FORCES = [
    ("Công an tỉnh Gia Lai", "Công an tỉnh Gia Lai", "other"),
    ("Công an tỉnh", "Công an tỉnh", "other"),  # official
    ("Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "other"),
    ("Bộ Chỉ huy Quân sự tỉnh Quảng Trị", "Bộ Chỉ huy Quân sự tỉnh Quảng Trị", "other"),
    ("Bộ đội Biên phòng tỉnh", "Bộ đội Biên phòng tỉnh", "other"),
    ("Bộ đội Biên phòng tỉnh Quảng Ninh", "Bộ đội Biên phòng tỉnh Quảng Ninh", "other"),
    ("Quân khu 4", "Quân khu 4", "other"),
    ("Bộ Tư lệnh Quân khu 5", "Quân khu 5", "other"),
    ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", PROVINCE),  # official
    ("UBND huyện", "Ủy ban nhân dân huyện", PROVINCE),
    ("Chủ tịch UBND tỉnh Gia Lai Phạm Anh Tuấn", "Ủy ban nhân dân tỉnh Gia Lai", PROVINCE),
    ("Chủ tịch UBND tỉnh Phạm Anh Tuấn", "Ủy ban nhân dân tỉnh", PROVINCE),
]


@pytest.mark.parametrize("surface,name,kind", LOCAL_FORCES, ids=[c[0] for c in LOCAL_FORCES])
def test_local_forces_and_bare_units(surface, name, kind, mentions):
    assert mentions(f"Giao {surface} chủ trì, phối hợp.") == [(surface, name, kind)]


# --- gaps seen in real documents: tails, groups of places, shared places, local lists,
# regions, whole groups, verbs after groups, compounds, local offices, associations ----
# Cases marked "official" follow phrasing of the documents in corpora/official and
# corpora/hard; none was tuned on the seeds.

OTHER = "other"
GROUP = "group"

GAPS = [
    # 1. a "của + body" tail belongs to a committee's name
    (
        "Các Tổ công tác của Thủ tướng Chính phủ tiếp tục kiểm tra, đôn đốc.",
        [
            (
                "Tổ công tác của Thủ tướng Chính phủ",
                "Tổ công tác của Thủ tướng Chính phủ",
                "committee",
            )
        ],
    ),  # official
    (
        "Ban Chỉ đạo cải cách hành chính của Chính phủ theo dõi.",
        [
            (
                "Ban Chỉ đạo cải cách hành chính của Chính phủ",
                "Ban Chỉ đạo cải cách hành chính của Chính phủ",
                "committee",
            )
        ],
    ),
    # a head alone with nothing after it names no body
    ("Ban Chỉ đạo thống nhất giao Bộ Y tế", [("Bộ Y tế", "Bộ Y tế", MINISTRY)]),
    # 2. a local body of a group of local units is one group
    (
        "Giao Sở Y tế các tỉnh, thành phố chuẩn bị thuốc.",
        [("Sở Y tế các tỉnh, thành phố", "Sở Y tế các tỉnh, thành phố", GROUP)],
    ),
    (
        "Công an các tỉnh, thành phố tăng cường tuần tra.",
        [("Công an các tỉnh, thành phố", "Công an các tỉnh, thành phố", GROUP)],
    ),
    (
        "Giám đốc Sở Y tế các tỉnh, thành phố báo cáo.",
        [
            (
                "Giám đốc Sở Y tế các tỉnh, thành phố",
                "Giám đốc Sở Y tế các tỉnh, thành phố",
                GROUP,
            )
        ],
    ),
    # 3. short titles stand for their body; "CT" inside a document number is nothing
    ("Giao PCT UBND tỉnh chỉ đạo.", [("PCT UBND tỉnh", "Ủy ban nhân dân tỉnh", PROVINCE)]),
    (
        "CT UBND tỉnh Gia Lai yêu cầu các sở thực hiện.",
        [
            ("CT UBND tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai", PROVINCE),
            ("các sở", "sở", GROUP),
        ],
    ),
    (
        "Theo Chỉ thị số 05/CT-TTg của Thủ tướng.",
        [("Thủ tướng", "Thủ tướng Chính phủ", "position")],
    ),
    # 4. heads joined before one place share it
    (
        "HĐND, UBND tỉnh Gia Lai thống nhất chủ trương.",
        [
            ("HĐND", "Hội đồng nhân dân tỉnh Gia Lai", PROVINCE),
            ("UBND tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai", PROVINCE),
        ],
    ),
    (
        "Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành nghị quyết.",
        [
            ("Hội đồng nhân dân", "Hội đồng nhân dân tỉnh", PROVINCE),
            ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", PROVINCE),
        ],
    ),  # official
    (
        "HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương chỉ đạo.",
        [
            (
                "HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương",
                "Hội đồng nhân dân, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                GROUP,
            )
        ],
    ),  # official
    # 5. local units listed under one head: one body each
    (
        "UBND các huyện: A Lưới, Nam Đông, Phong Điền cắm biển cảnh báo.",
        [
            ("UBND các huyện: A Lưới", "Ủy ban nhân dân huyện A Lưới", PROVINCE),
            ("Nam Đông", "Ủy ban nhân dân huyện Nam Đông", PROVINCE),
            ("Phong Điền", "Ủy ban nhân dân huyện Phong Điền", PROVINCE),
        ],
    ),
    (
        "UBND các huyện A Lưới, Nam Đông cắm biển cảnh báo.",
        [
            ("UBND các huyện A Lưới", "Ủy ban nhân dân huyện A Lưới", PROVINCE),
            ("Nam Đông", "Ủy ban nhân dân huyện Nam Đông", PROVINCE),
        ],
    ),
    # a region after the unit is no local name
    (
        "Ủy ban nhân dân các huyện Tây Nguyên chủ động.",
        [
            (
                "Ủy ban nhân dân các huyện Tây Nguyên",
                "Ủy ban nhân dân các huyện Tây Nguyên",
                GROUP,
            )
        ],
    ),
    # 6. regions stay in the group
    (
        "Hỗ trợ các địa phương vùng Đồng bằng sông Cửu Long khắc phục hạn mặn.",
        [
            (
                "các địa phương vùng Đồng bằng sông Cửu Long",
                "địa phương vùng Đồng bằng sông Cửu Long",
                GROUP,
            )
        ],
    ),
    (
        "Giao Ủy ban nhân dân các tỉnh, thành phố vùng Đồng bằng sông Cửu Long vận hành.",
        [
            (
                "Ủy ban nhân dân các tỉnh, thành phố vùng Đồng bằng sông Cửu Long",
                "Ủy ban nhân dân các tỉnh, thành phố vùng Đồng bằng sông Cửu Long",
                GROUP,
            )
        ],
    ),  # official
    (
        "Hỗ trợ các địa phương vùng lũ ổn định.",
        [("các địa phương vùng lũ", "địa phương vùng lũ", GROUP)],
    ),
    # a region word with no region after it is not the group's
    ("Các địa phương vùng này chủ động.", [("Các địa phương", "địa phương", GROUP)]),
    # 7. more groups
    (
        "Yêu cầu ngành giáo dục và chính quyền các xã, phường khẩn trương chuẩn bị.",
        [
            ("ngành giáo dục", "ngành giáo dục", GROUP),
            ("chính quyền các xã, phường", "chính quyền các xã, phường", GROUP),
        ],
    ),
    (
        "Chính quyền địa phương phải chủ động.",
        [("Chính quyền địa phương", "Chính quyền địa phương", GROUP)],
    ),
    ("Ngành y tế khẩn trương triển khai.", [("Ngành y tế", "Ngành y tế", GROUP)]),
    ("Các bệnh viện bố trí giường bệnh.", [("Các bệnh viện", "bệnh viện", GROUP)]),
    (
        "Chỉ đạo các tổ chức tín dụng giảm lãi suất.",
        [("các tổ chức tín dụng", "tổ chức tín dụng", GROUP)],
    ),
    ("Các doanh nghiệp chủ động nguồn hàng.", [("Các doanh nghiệp", "doanh nghiệp", GROUP)]),
    ("Đề nghị các hội, hiệp hội phối hợp.", [("các hội, hiệp hội", "hội, hiệp hội", GROUP)]),
    (
        "UBND các xã, thị trấn thực hiện.",
        [("UBND các xã, thị trấn", "Ủy ban nhân dân các xã, thị trấn", GROUP)],
    ),  # official
    # "hội" inside a word opens no group
    (
        "Tham dự hội nghị có đại diện Quốc hội.",
        [("Quốc hội", "Quốc hội", OTHER)],
    ),
    # 8. a group stops before a verb that is also a unit word
    (
        "Yêu cầu các địa phương tổ chức thi công đúng tiến độ.",
        [("các địa phương", "địa phương", GROUP)],
    ),
    (
        "Các cơ quan, tổ chức liên quan phối hợp.",
        [("Các cơ quan, tổ chức liên quan", "cơ quan, tổ chức liên quan", GROUP)],
    ),
    (
        "Các địa phương tổ chức, cá nhân liên quan.",
        [("Các địa phương", "địa phương", GROUP)],
    ),
    # a unit word closing a name opens no group
    (
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể chính trị - xã hội tuyên truyền.",
        [
            (
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                OTHER,
            ),
            ("các đoàn thể chính trị - xã hội", "đoàn thể chính trị - xã hội", GROUP),
        ],
    ),  # official
    # 9. a verb inside a word ("giao" in "giao thông") ends no name
    (
        "Ban Quản lý dự án giao thông tỉnh phối hợp.",
        [("Ban Quản lý dự án giao thông tỉnh", "Ban Quản lý dự án giao thông tỉnh", OTHER)],
    ),  # official
    (
        "Giao Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Nghệ An thực hiện.",
        [
            (
                "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Nghệ An",
                "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Nghệ An",
                OTHER,
            )
        ],
    ),
    (
        "duy trì kết nối với Trung tâm Giám sát an toàn không gian mạng quốc gia",
        [
            (
                "Trung tâm Giám sát an toàn không gian mạng quốc gia",
                "Trung tâm Giám sát an toàn không gian mạng quốc gia",
                OTHER,
            )
        ],
    ),
    # 10. district and commune offices
    (
        "Phòng Văn hóa và Thông tin chủ trì.",
        [("Phòng Văn hóa và Thông tin", "Phòng Văn hóa và Thông tin", OTHER)],
    ),  # official
    (
        "Phòng Tài chính - Kế hoạch bố trí kinh phí.",
        [("Phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch", OTHER)],
    ),
    (
        "Phòng TC-KH bố trí kinh phí.",
        [("Phòng TC-KH", "Phòng Tài chính - Kế hoạch", OTHER)],
    ),  # official
    ("Phòng Nội vụ huyện tổng hợp.", [("Phòng Nội vụ huyện", "Phòng Nội vụ huyện", OTHER)]),
    (
        "Văn phòng HĐND và UBND huyện theo dõi.",
        [
            (
                "Văn phòng HĐND và UBND huyện",
                "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
                OTHER,
            )
        ],
    ),  # official
    (
        "Trung tâm Văn hóa - Thể thao và Truyền thông huyện tuyên truyền.",
        [
            (
                "Trung tâm Văn hóa - Thể thao và Truyền thông huyện",
                "Trung tâm Văn hóa - Thể thao và Truyền thông huyện",
                OTHER,
            )
        ],
    ),
    ("Phòng, chống thiên tai là nhiệm vụ của các cấp.", []),
    # a table's cells are lines: no name runs on into the next cell
    (
        "UBND huyện\nPhòng Nội vụ\nQuý II/2022",
        [
            ("UBND huyện", "Ủy ban nhân dân huyện", PROVINCE),
            ("Phòng Nội vụ", "Phòng Nội vụ", OTHER),
        ],
    ),  # official
    (
        "Trung tâm Chính trị huyện\nNăm 2022",
        [("Trung tâm Chính trị huyện", "Trung tâm Chính trị huyện", OTHER)],
    ),  # official
    (
        "ỦY BAN NHÂN DÂN\nHUYỆN NAM ĐÀN",
        [("ỦY BAN NHÂN DÂN\nHUYỆN NAM ĐÀN", "Ủy ban nhân dân huyện Nam Đàn", PROVINCE)],
    ),  # official
    # 11. associations and unions
    (
        "Hiệp hội Doanh nghiệp tỉnh Đồng Tháp phối hợp.",
        [("Hiệp hội Doanh nghiệp tỉnh Đồng Tháp", "Hiệp hội Doanh nghiệp tỉnh Đồng Tháp", OTHER)],
    ),  # official
    (
        "Liên minh Hợp tác xã tỉnh Đồng Tháp phối hợp.",
        [("Liên minh Hợp tác xã tỉnh Đồng Tháp", "Liên minh Hợp tác xã tỉnh Đồng Tháp", OTHER)],
    ),  # official
    (
        "Hội Nông dân tỉnh, Liên đoàn Lao động tỉnh tuyên truyền.",
        [
            ("Hội Nông dân tỉnh", "Hội Nông dân tỉnh", OTHER),
            ("Liên đoàn Lao động tỉnh", "Liên đoàn Lao động tỉnh", OTHER),
        ],
    ),
    (
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh phát động.",
        [
            (
                "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
                "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
                OTHER,
            )
        ],
    ),
    (
        "Đoàn TNCS Hồ Chí Minh tỉnh Gia Lai ra quân.",
        [
            (
                "Đoàn TNCS Hồ Chí Minh tỉnh Gia Lai",
                "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Gia Lai",
                OTHER,
            )
        ],
    ),
    (
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì.",
        [
            (
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                OTHER,
            )
        ],
    ),
    # a head that needs a capital opens nothing at a lowercase word
    ("hoàn thành nhiệm vụ được giao", []),
]


@pytest.mark.parametrize("sentence,expected", GAPS, ids=[case[0][:50] for case in GAPS])
def test_gaps_in_real_documents(sentence, expected, mentions):
    assert mentions(sentence) == expected


# --- the development set corpora/more ---------------------------------------------------
# Cases marked "more" follow phrases of corpora/more (a công văn of Bộ Y tế, a chỉ thị of
# a provincial chair, news of a provincial meeting); the rest are common official phrasing.

DEPARTMENTS = [
    # 1. ministry departments whose names hold a comma or lowercase words
    (
        "Giao Cục Quản lý Khám, chữa bệnh chủ trì, phối hợp với Cục Y tế dự phòng theo dõi.",
        [
            ("Cục Quản lý Khám, chữa bệnh", "Cục Quản lý Khám, chữa bệnh", OTHER),
            ("Cục Y tế dự phòng", "Cục Y tế dự phòng", OTHER),
        ],
    ),  # more
    (
        "Báo cáo về Bộ Y tế (qua Cục Quản lý Khám, chữa bệnh) trước ngày 15/10/2020.",
        [
            ("Bộ Y tế", "Bộ Y tế", MINISTRY),
            ("Cục Quản lý Khám, chữa bệnh", "Cục Quản lý Khám, chữa bệnh", OTHER),
        ],
    ),  # more
    (
        "Cục Quản lý đê điều và Phòng, chống thiên tai theo dõi sát diễn biến.",
        [
            (
                "Cục Quản lý đê điều và Phòng, chống thiên tai",
                "Cục Quản lý đê điều và Phòng, chống thiên tai",
                OTHER,
            )
        ],
    ),
    (
        "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ hướng dẫn.",
        [
            (
                "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                OTHER,
            )
        ],
    ),
    (
        "Tổng cục Phòng, chống thiên tai, Cục Kiểm lâm và Cục Quản lý Dược theo dõi.",
        [
            ("Tổng cục Phòng, chống thiên tai", "Tổng cục Phòng, chống thiên tai", OTHER),
            ("Cục Kiểm lâm", "Cục Kiểm lâm", OTHER),
            ("Cục Quản lý Dược", "Cục Quản lý Dược", OTHER),
        ],
    ),
    (
        "Cục An toàn thông tin phối hợp với Cục Chuyển đổi số quốc gia kiểm tra.",
        [
            ("Cục An toàn thông tin", "Cục An toàn thông tin", OTHER),
            ("Cục Chuyển đổi số quốc gia", "Cục Chuyển đổi số quốc gia", OTHER),
        ],
    ),
    (
        "Chi cục Kiểm lâm tỉnh Gia Lai tăng cường tuần tra.",
        [("Chi cục Kiểm lâm tỉnh Gia Lai", "Chi cục Kiểm lâm tỉnh Gia Lai", OTHER)],
    ),
    (
        "Ban Quản lý các khu công nghiệp tỉnh tập trung xúc tiến đầu tư.",
        [
            (
                "Ban Quản lý các khu công nghiệp tỉnh",
                "Ban Quản lý các khu công nghiệp tỉnh",
                OTHER,
            )
        ],
    ),  # more
    # 2. a name stops before a verb: stop words and the verbs of the cue lexicon
    (
        "Chỉ đạo Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ phối hợp với Chi cục"
        " Kiểm lâm xây dựng phương án chữa cháy rừng.",
        [
            (
                "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                OTHER,
            ),
            ("Chi cục Kiểm lâm", "Chi cục Kiểm lâm", OTHER),
        ],
    ),  # more
    (
        "Trung tâm Dịch vụ nông nghiệp đẩy mạnh tuyên truyền.",
        [("Trung tâm Dịch vụ nông nghiệp", "Trung tâm Dịch vụ nông nghiệp", OTHER)],
    ),
    (
        "Chi cục Phát triển nông thôn nghiên cứu, đề xuất giải pháp.",
        [("Chi cục Phát triển nông thôn", "Chi cục Phát triển nông thôn", OTHER)],
    ),
    # a compound that holds a verb goes on ("giao" in "giao thông")
    (
        "Trung tâm Quản lý giao thông công cộng điều chỉnh lộ trình xe buýt.",
        [
            (
                "Trung tâm Quản lý giao thông công cộng",
                "Trung tâm Quản lý giao thông công cộng",
                OTHER,
            )
        ],
    ),
]


@pytest.mark.parametrize("sentence,expected", DEPARTMENTS, ids=[c[0][:50] for c in DEPARTMENTS])
def test_departments_and_verb_stops(sentence, expected, mentions):
    assert mentions(sentence) == expected


GROUP_SPLITS = [
    # 3. a group splits before a unit of another kind after "và (các)"
    (
        "Sở Y tế các tỉnh, thành phố và các bệnh viện trực thuộc Bộ tổng hợp tình hình.",
        [
            ("Sở Y tế các tỉnh, thành phố", "Sở Y tế các tỉnh, thành phố", GROUP),
            ("các bệnh viện trực thuộc Bộ", "bệnh viện trực thuộc Bộ", GROUP),
        ],
    ),  # more
    (
        "Kính gửi Sở Y tế các tỉnh, thành phố trực thuộc Trung ương.",
        [
            (
                "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương",
                "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương",
                GROUP,
            )
        ],
    ),  # more
    (
        "Đề nghị UBND các tỉnh, thành phố và các bộ, ngành liên quan phối hợp.",
        [
            ("UBND các tỉnh, thành phố", "Ủy ban nhân dân các tỉnh, thành phố", GROUP),
            ("các bộ, ngành liên quan", "bộ, ngành liên quan", GROUP),
        ],
    ),
    # units of one kind stay one group
    (
        "Các bộ, ngành và địa phương theo dõi.",
        [("Các bộ, ngành và địa phương", "bộ, ngành và địa phương", GROUP)],
    ),
    (
        "Các bộ, ngành, tỉnh, thành phố theo dõi.",
        [("Các bộ, ngành, tỉnh, thành phố", "bộ, ngành, tỉnh, thành phố", GROUP)],
    ),
    # 4. groups written as in the text, without a leading "các"
    (
        "Các cấp, ngành phải quyết tâm cao hơn.",
        [("Các cấp, ngành", "cấp, ngành", GROUP)],
    ),  # more
    ("Yêu cầu các cấp, các ngành triển khai.", [("các cấp, các ngành", "cấp, các ngành", GROUP)]),
    ("Yêu cầu các chủ đầu tư khẩn trương.", [("các chủ đầu tư", "chủ đầu tư", GROUP)]),  # more
    ("Theo đó, chủ đầu tư cần rà soát lại tiến độ.", [("chủ đầu tư", "chủ đầu tư", GROUP)]),  # more
    ("Các nhà thầu phải huy động thêm máy móc.", [("Các nhà thầu", "nhà thầu", GROUP)]),  # more
    ("Bàn giao mặt bằng cho nhà thầu.", [("nhà thầu", "nhà thầu", GROUP)]),
    (
        "Chỉ đạo các đơn vị trực thuộc sẵn sàng lực lượng.",
        [("các đơn vị trực thuộc", "đơn vị trực thuộc", GROUP)],
    ),  # more
    (
        "Hướng dẫn các cơ sở khám bệnh, chữa bệnh mở rộng hình thức thanh toán.",
        [("các cơ sở khám bệnh, chữa bệnh", "cơ sở khám bệnh, chữa bệnh", GROUP)],
    ),  # more
    (
        "Các bệnh viện hạng đặc biệt, hạng I chủ trì.",
        [("Các bệnh viện hạng đặc biệt, hạng I", "bệnh viện hạng đặc biệt, hạng I", GROUP)],
    ),  # more
    (
        "Các cấp ủy, chính quyền địa phương lãnh đạo.",
        [("Các cấp ủy, chính quyền địa phương", "cấp ủy, chính quyền địa phương", GROUP)],
    ),
    # a stop word still ends a group
    ("Các địa phương tổ chức thực hiện.", [("Các địa phương", "địa phương", GROUP)]),
    # 6. a local body before unit words without places is one group
    (
        "Chủ trì, phối hợp với Bảo hiểm xã hội tỉnh, thành phố hướng dẫn.",
        [("Bảo hiểm xã hội tỉnh, thành phố", "Bảo hiểm xã hội tỉnh, thành phố", GROUP)],
    ),  # more
    (
        "Giao Trung tâm Kiểm soát bệnh tật tỉnh, thành phố theo dõi.",
        [
            (
                "Trung tâm Kiểm soát bệnh tật tỉnh, thành phố",
                "Trung tâm Kiểm soát bệnh tật tỉnh, thành phố",
                GROUP,
            )
        ],
    ),  # more
    (
        "Công an tỉnh, Sở Y tế theo dõi.",
        [("Công an tỉnh", "Công an tỉnh", OTHER), ("Sở Y tế", "Sở Y tế", OTHER)],
    ),
]


@pytest.mark.parametrize("sentence,expected", GROUP_SPLITS, ids=[c[0][:50] for c in GROUP_SPLITS])
def test_group_splits_and_written_groups(sentence, expected, mentions):
    assert mentions(sentence) == expected


TITLE_BODIES = [
    # 5. a title stands for its body; the mention covers the title
    (
        "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh chỉ đạo các đơn vị trực thuộc.",
        [
            ("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh", OTHER),
            ("các đơn vị trực thuộc", "đơn vị trực thuộc", GROUP),
        ],
    ),  # more
    (
        "Chánh Văn phòng UBND tỉnh theo dõi.",
        [("Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", OTHER)],
    ),
    (
        "Cục trưởng Cục Quản lý thị trường tỉnh Gia Lai chỉ đạo.",
        [
            (
                "Cục trưởng Cục Quản lý thị trường tỉnh Gia Lai",
                "Cục Quản lý thị trường tỉnh Gia Lai",
                OTHER,
            )
        ],
    ),
    (
        "Vụ trưởng Vụ Pháp chế tham mưu.",
        [("Vụ trưởng Vụ Pháp chế", "Vụ Pháp chế", OTHER)],
    ),
    (
        "Tổng Giám đốc Tập đoàn Điện lực Việt Nam chỉ đạo.",
        [
            (
                "Tổng Giám đốc Tập đoàn Điện lực Việt Nam",
                "Tập đoàn Điện lực Việt Nam",
                "enterprise",
            )
        ],
    ),
    (
        "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm.",
        [("Thủ trưởng các cơ quan, đơn vị", "Thủ trưởng các cơ quan, đơn vị", GROUP)],
    ),
    (
        "1. Giám đốc các sở, Thủ trưởng các ban, ngành; Chủ tịch UBND các huyện, thị xã:",
        [
            (
                "Giám đốc các sở, Thủ trưởng các ban, ngành",
                "Giám đốc các sở, Thủ trưởng các ban, ngành",
                GROUP,
            ),
            (
                "Chủ tịch UBND các huyện, thị xã",
                "Chủ tịch Ủy ban nhân dân các huyện, thị xã",
                GROUP,
            ),
        ],
    ),  # more
]


@pytest.mark.parametrize("sentence,expected", TITLE_BODIES, ids=[c[0][:50] for c in TITLE_BODIES])
def test_titles_standing_for_bodies(sentence, expected, mentions):
    assert mentions(sentence) == expected


def _agency(name: str, mention: str, start: int, kind: str = PROVINCE) -> Agency:
    return Agency(name=name, mention=mention, start=start, end=start + len(mention), type=kind)


VINH_LONG = "Ủy ban nhân dân tỉnh Vĩnh Long"
REFERENCES = [
    # 7. a local body without its place takes the nearest earlier mention's place
    (
        [(VINH_LONG, "UBND tỉnh Vĩnh Long"), ("Ủy ban nhân dân tỉnh", "UBND tỉnh")],
        [VINH_LONG, VINH_LONG],
    ),  # more
    (
        [
            ("Ủy ban nhân dân tỉnh Gia Lai", "UBND tỉnh Gia Lai"),
            (VINH_LONG, "Ủy ban nhân dân tỉnh Vĩnh Long"),
            ("Hội đồng nhân dân tỉnh", "HĐND tỉnh"),
            ("Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh"),
        ],
        ["Ủy ban nhân dân tỉnh Gia Lai", VINH_LONG, "Hội đồng nhân dân tỉnh", VINH_LONG],
    ),
    (
        [
            ("Ủy ban nhân dân huyện Mê Linh", "UBND huyện Mê Linh"),
            ("Ủy ban nhân dân huyện", "UBND huyện"),
        ],
        ["Ủy ban nhân dân huyện Mê Linh", "Ủy ban nhân dân huyện Mê Linh"],
    ),
    # only earlier mentions count; another unit is no match
    (
        [("Ủy ban nhân dân tỉnh", "UBND tỉnh"), (VINH_LONG, "UBND tỉnh Vĩnh Long")],
        ["Ủy ban nhân dân tỉnh", VINH_LONG],
    ),
    (
        [(VINH_LONG, "UBND tỉnh Vĩnh Long"), ("Ủy ban nhân dân huyện", "UBND huyện")],
        [VINH_LONG, "Ủy ban nhân dân huyện"],
    ),
    ([], []),
]


@pytest.mark.parametrize("given,expected", REFERENCES, ids=[str(i) for i in range(len(REFERENCES))])
def test_resolve_references(given, expected):
    mentions_in = [_agency(name, mention, 10 * n) for n, (name, mention) in enumerate(given)]
    resolved = resolve_references(mentions_in)
    assert [a.name for a in resolved] == expected
    assert [(a.mention, a.start, a.end, a.type) for a in resolved] == [
        (a.mention, a.start, a.end, a.type) for a in mentions_in
    ]


def test_resolve_references_leaves_groups_and_others():
    group = _agency("Sở Y tế các tỉnh, thành phố", "Sở Y tế các tỉnh, thành phố", 40, GROUP)
    police = _agency("Công an tỉnh", "Công an tỉnh", 80, OTHER)
    given = [_agency("Công an tỉnh Gia Lai", "Công an tỉnh Gia Lai", 0, OTHER), group, police]
    assert [a.name for a in resolve_references(given)] == [
        "Công an tỉnh Gia Lai",
        "Sở Y tế các tỉnh, thành phố",
        "Công an tỉnh Gia Lai",
    ]


def test_resolve_references_in_a_text():
    text = canonical_form(
        "Thông báo ý kiến về đề nghị của UBND tỉnh Vĩnh Long. Giao Ủy ban nhân dân tỉnh chủ"
        " trì, phối hợp với Bộ Tài chính."
    )
    resolved = resolve_references(find_agencies(text))
    assert [(a.mention, a.name) for a in resolved] == [
        ("UBND tỉnh Vĩnh Long", VINH_LONG),
        ("Ủy ban nhân dân tỉnh", VINH_LONG),
        ("Bộ Tài chính", "Bộ Tài chính"),
    ]


# --- every "whole" row of agency_groups.tsv is a group by itself ---------------------------
# ("cơ quan Hải quan tập trung nghiên cứu ...", dev news/tiep-tuc-trien-khai-he-thong-mien-
# giam-hoan-khong-thu-thue: a kind of body the text names without a determiner)

WHOLE = [row["phrase"] for row in lexicon.load("agency_groups") if row["role"] == "whole"]


@pytest.mark.parametrize("phrase", WHOLE)
def test_every_whole_group_is_found_alone(phrase, mentions):
    assert mentions(f"Yêu cầu {phrase} kiểm tra ngay.") == [(phrase, phrase, GROUP)]


UNITS = [
    row["phrase"]
    for row in lexicon.load("agency_groups")
    if row["role"] == "unit" and not row["flag"]
]


@pytest.mark.parametrize("phrase", UNITS)
def test_every_unit_after_a_determiner_is_a_group(phrase, mentions):
    # "... yêu cầu các hãng tàu tái xuất số phế liệu ..." (dev news/yeu-cau-tai-xuat-gan-1-
    # 200-container-phe-lieu-nhap-khau-khong-dat-chat-luong): the addressee is the lead
    found = mentions(f"Yêu cầu các {phrase} kiểm tra ngay.")
    assert found == [(f"các {phrase}", phrase, GROUP)]


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        # dev news/hai-quan-da-nang-khan-truong-tien-hanh-cac-bien-phap-ung-pho-voi-bao-so-9
        # (the form): an unnamed team set to work leads as written
        ("Đội xung kích theo dõi sát tình hình diễn biến của cơn bão.", ["Đội xung kích"]),
        ("Giao Tổ công tác rà soát các dự án chậm triển khai.", ["Tổ công tác"]),
        # a named one stays the body it is
        (
            "Giao Tổ công tác đặc biệt của Thủ tướng kiểm tra tiến độ.",
            ["Tổ công tác đặc biệt của Thủ tướng Chính phủ"],
        ),
    ],
)
def test_a_team_set_to_work_leads_its_task(text, lead):
    found = extract(f"Thủ tướng yêu cầu các bộ hoàn thành nhiệm vụ.\n\n{text}").directives
    assert [a.name for a in found[-1].lead] == lead


def test_a_team_told_of_in_a_visit_sets_no_task():
    # a second read's probe: "đoàn công tác" narrates a visit (no group row)
    text = (
        "Thủ tướng yêu cầu các bộ hoàn thành nhiệm vụ.\n\n"
        "Tại công trường, đoàn công tác kiểm tra tiến độ thi công gói thầu XL01."
    )
    assert len(extract(text).directives) == 1


MODIFIERS = [row["phrase"] for row in lexicon.load("agency_groups") if row["role"] == "modifier"]


@pytest.mark.parametrize("phrase", MODIFIERS)
def test_every_modifier_narrows_the_unit_before_it(phrase, mentions):
    # "các lực lượng chống buôn lậu của An Giang đã phát hiện ..." (dev news/an-giang-trien-
    # khai-8-chot-chong-buon-lau-tren-tuyen-bien-gioi): the modifier is the group's, so the
    # clause's verb is the one after it, told in the past
    found = mentions(f"Yêu cầu các đơn vị {phrase} kiểm tra ngay.")
    assert found == [(f"các đơn vị {phrase}", f"đơn vị {phrase}", GROUP)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # dev (the Prime Minister asks the Ministry of Finance to report "..., đồng thời
        # phối hợp với các bộ liên quan chuyển đổi số trong giao dịch"): "liên quan" ends
        # its item, so "chuyển đổi số" is the task's, not the group's
        (
            "Đồng thời phối hợp với các bộ liên quan chuyển đổi số trong giao dịch.",
            [("các bộ liên quan", "bộ liên quan", GROUP)],
        ),
        # written apart: a separator may still follow it
        (
            "Giao các bộ, ngành liên quan, địa phương thực hiện.",
            [("các bộ, ngành liên quan, địa phương", "bộ, ngành liên quan, địa phương", GROUP)],
        ),
    ],
)
def test_a_last_modifier_ends_its_item(sentence, expected, mentions):
    assert mentions(sentence) == expected


_SPAN_TEXT = (
    "Giao UBND TP.HCM và Bộ TT&TT chủ trì.\nSở Y tế các tỉnh, thành phố: Gia Lai, Đắk Lắk"
    " phối hợp với HĐND, UBND tỉnh Gia Lai; Phó Thủ tướng Trần Lưu Quang"
)
_BEFORE_SPAN = "Trước đó. Bộ Tài chính\n"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, len(_SPAN_TEXT)), min_size=2, max_size=2).map(sorted))
def test_a_span_is_read_as_its_text_anywhere(edges):
    # find_agencies remembers the mentions of a span's text (boilerplate recurs across
    # documents): that holds while the finder reads only the span's tokens, which are
    # those of its text alone, shifted
    start, end = edges
    text, moved = _BEFORE_SPAN + _SPAN_TEXT, len(_BEFORE_SPAN) + start
    alone, within = prepare(_SPAN_TEXT[start:end]), prepare(text, moved, moved + end - start)
    assert (alone.words, alone.keys, alone.breaks) == (within.words, within.keys, within.breaks)
    assert [start + moved for start in alone.starts] == within.starts
    assert [end + moved for end in alone.ends] == within.ends
    assert alone.expansions == within.expansions
    found = find_agencies(text, moved, moved + end - start)
    assert [(a.mention, a.start - moved) for a in found] == [
        (a.mention, a.start) for a in find_agencies(_SPAN_TEXT[start:end])
    ]


NUMBERED = lexicon.column("agency_numbered", "word")


@pytest.mark.parametrize("word", NUMBERED)
def test_a_units_number_after_the_words_that_number_it_ends_its_name(word):
    """Written apart: since 2025 many bodies are numbered units ("Chi cục Thuế khu vực
    3"); news/hai-quan-tphcm-8-chi-cuc-duoc-giao-chi-tieu-thu-nghin-ty.md (dev, tuned on)
    names "Chi cục Hải quan cửa khẩu cảng Sài Gòn khu vực 1"."""
    found = find_agencies(f"Giao Trung tâm Dữ liệu {word} 2 và Chi cục Kiểm lâm {word} 13 rà soát")
    assert [a.name for a in found] == [
        f"Trung tâm Dữ liệu {word} 2",
        f"Chi cục Kiểm lâm {word} 13",
    ]


def test_a_year_after_the_word_for_number_is_no_units_number():
    assert [a.name for a in find_agencies("Chi cục Kiểm lâm số 2025 năm")] == ["Chi cục Kiểm lâm"]


def test_a_head_word_alone_as_subject_is_the_body_of_that_head_named_last():
    """news/pho-thu-tuong-trinh-dinh-dung-evn-phai-dam-bao-vung-chac-an-ninh-cung-ung-dien.md
    (dev, tuned on), shortened: "Tập đoàn" alone leads as the group named before it; a
    head word before a name ("Bộ Xây dựng") or a noun ("Bộ tiêu chí") is none."""
    text = (
        "Theo Phó Thủ tướng, EVN cần phát triển hạ tầng ngành Điện đồng bộ.\n"
        "Đặc biệt, Tập đoàn cần khai thác và sử dụng có hiệu quả nguồn tài nguyên năng lượng "
        "trong nước; triệt để thực hành tiết kiệm năng lượng.\n"
        "Bộ tiêu chí cần được công bố."
    )
    leads = [[a.name for a in d.lead] for d in extract(text, published="2021-01-05").directives]
    assert leads == [["Tập đoàn Điện lực Việt Nam"]] * 3


def test_a_head_word_alone_with_no_body_of_that_head_before_it_names_none():
    assert resolve_references(find_agencies("Bộ Y tế báo cáo.")) and not resolve_references(
        bare_subjects("Đặc biệt, Bộ phải báo cáo.", 0, 26)
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ban Chỉ đạo 389 tỉnh Quảng Ninh chỉ đạo", ["Ban Chỉ đạo 389 tỉnh Quảng Ninh"]),
        ("BCĐ 389 Bộ Công Thương yêu cầu", ["Ban Chỉ đạo 389 Bộ Công Thương"]),
        ("Ban Chỉ đạo 389 Bộ Tài chính có nhiệm vụ", ["Ban Chỉ đạo 389 Bộ Tài chính"]),
        (
            "Ban Chỉ đạo 389 các bộ, ngành, địa phương thực hiện",
            ["Ban Chỉ đạo 389 các bộ, ngành, địa phương"],
        ),
        (
            "Ban Chỉ đạo 389 yêu cầu",
            ["Ban Chỉ đạo quốc gia chống buôn lậu, gian lận thương mại và hàng giả"],
        ),
    ],
)
def test_a_committee_by_its_number_before_a_place_or_a_body_is_their_own(text, names):
    """news/ban-chi-dao-389-quoc-gia-mo-dot-cao-diem-chong-buon-lau-diptet.md (dev, tuned
    on) gives the ministry's committee ("Ban Chỉ đạo 389 Bộ Tài chính có nhiệm vụ chỉ đạo
    ..."); the others are written apart. Alone, the number names the national one."""
    assert [a.name for a in find_agencies(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Thuế cơ sở 3 tỉnh Đồng Nai khẩn trương rà soát", ["Thuế cơ sở 3 tỉnh Đồng Nai"]),
        ("Giao Thuế cơ sở 3 chủ trì", ["Thuế cơ sở 3"]),
        ("Giao KBNN khu vực XII khẩn trương", ["Kho bạc Nhà nước khu vực XII"]),
        (
            "Bảo hiểm xã hội khu vực XXVII phối hợp với Sở Y tế",
            ["Bảo hiểm xã hội khu vực XXVII", "Sở Y tế"],
        ),
        ("Chi cục Kiểm lâm vùng I phối hợp", ["Chi cục Kiểm lâm vùng I"]),
        ("TCHQ chỉ đạo", ["Tổng cục Hải quan"]),
        ("Giao Bộ Chỉ huy BĐBP tỉnh khẩn trương", ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]),
        (
            "Ủy ban QLVNN tại doanh nghiệp chỉ đạo",
            ["Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"],
        ),
        ("Bộ LĐ-TB-XH phối hợp", ["Bộ Lao động - Thương binh và Xã hội"]),
        ("Giao UBMTTQ Việt Nam tỉnh Nghệ An", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An"]),
        ("Ủy ban MTTQVN tỉnh Nghệ An chủ trì", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Nghệ An"]),
        (
            "BQL các KCN tỉnh Bình Dương chủ trì",
            ["Ban Quản lý các khu công nghiệp tỉnh Bình Dương"],
        ),
        (
            "Ban Quản lý các khu kinh tế tỉnh Hà Tĩnh chủ trì",
            ["Ban Quản lý Khu kinh tế tỉnh Hà Tĩnh"],
        ),
    ],
)
def test_numbered_units_and_abbreviations_of_bodies_since_2025(text, names):
    """Written apart by a helper probing bodies after the 2025 reorganisation (Roman
    numerals, a numbered unit before its place, abbreviations that had no row)."""
    assert [a.name for a in find_agencies(text)] == names


def test_a_documents_number_after_a_body_is_no_units_number():
    """A second read's probe (written apart): "số 125/BTC-NSNN" numbers a letter."""
    text = "Thực hiện Công văn của Bộ Tài chính số 125/BTC-NSNN, Sở Y tế phải báo cáo."
    assert [a.name for a in find_agencies(text)] == ["Bộ Tài chính", "Sở Y tế"]


def test_a_head_word_alone_stands_for_a_body_of_the_heads_usual_kind():
    """A second read's probe (written apart): "Bộ" alone is a ministry, not "Bộ đội Biên
    phòng" named in between."""
    text = "Bộ Công an giao Bộ đội Biên phòng tỉnh tuần tra. Bộ phải báo cáo trước ngày 15/12/2025."
    leads = [[a.name for a in d.lead] for d in extract(text, published="2025-11-20").directives]
    assert leads == [["Bộ đội Biên phòng tỉnh"], ["Bộ Công an"]]

"""Numbers with units: separators, scales, units, comparators, ranges, fractions.

Phrases are from government news, công điện, kế hoạch and báo cáo. Cases marked "seed"
were tuned on corpora/seeds/.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from directive_extract.mentions.figures import (
    _comparators,
    _patterns,
    _subject_patterns,
    _words_of,
    find_figures,
    parse_number,
)

PARSED = [
    ("1.084", 1084.0),
    ("64,8", 64.8),
    ("1.234,5", 1234.5),
    ("12.900", 12900.0),
    ("05", 5.0),
    ("87,08", 87.08),
    ("2.398", 2398.0),
    ("12.900.000", 12900000.0),
    ("64.8", 64.8),
    ("1,234,567", 1234567.0),
    ("1,234.5", 1234.5),
    ("0,5", 0.5),
    ("1,9 triệu tỷ", 1.9e15),
    ("2 nghìn tỷ", 2e12),
    ("3 ngàn", 3000.0),
    ("5 tỉ", 5e9),
    ("3 triệu 500 nghìn", 3500000.0),
    ("8,2 triệu", 8200000.0),
    ("hai mươi lăm", 25.0),
    ("ba trăm", 300.0),
    ("mười", 10.0),
    ("một trăm", 100.0),
]


@pytest.mark.parametrize(("written", "expected"), PARSED)
def test_parse_number(written: str, expected: float) -> None:
    assert parse_number(written) == expected


@pytest.mark.parametrize("written", ["024.3823.4567", "1.2.3", "", "abc", "1,23,4"])
def test_parse_number_rejects(written: str) -> None:
    with pytest.raises(ValueError):
        parse_number(written)


# phrase -> [(text, value, value_max, whole, unit, comparator)]
FIGURES = [
    ("tăng 26% so với cùng kỳ", [("26%", 26, None, None, "%", "=")]),  # seed
    # "lớp" after its number counts classes; before it, it names a grade (NOT_FIGURES)
    ("mở thêm ít nhất 03 lớp học", [("03 lớp", 3, None, None, "lớp", ">=")]),
    # a length of time is a figure too; "số 6" reads as a name (no figure)
    (
        "doanh thu 6 tháng ước đạt trên 1,9 triệu tỷ đồng",  # seed
        [
            ("6 tháng", 6, None, None, "tháng", "="),
            ("1,9 triệu tỷ đồng", 1.9e15, None, None, "VND", ">"),
        ],
    ),
    (
        "xuất khẩu sản phẩm số 6 tháng ước đạt 64,8 tỷ USD",  # seed
        [("64,8 tỷ USD", 6.48e10, None, None, "USD", "~")],
    ),
    (
        "đã đơn giản hóa 828/1.084 thủ tục hành chính",  # seed
        [("828/1.084 thủ tục", 828, None, 1084, "thủ tục", "=")],
    ),
    (
        "63/63 địa phương đã ban hành Nghị quyết",
        [("63/63 địa phương", 63, None, 63, "địa phương", "=")],
    ),  # seed
    (
        "hoàn thành triển khai 12/53 dịch vụ công thiết yếu",  # seed
        [("12/53 dịch vụ", 12, None, 53, "dịch vụ", "=")],
    ),
    ("duy trì tốc độ tăng trưởng 45-55%", [("45-55%", 45, 55, None, "%", "=")]),  # seed
    (
        "giá dao động 74,98 - 76,98 triệu đồng/lượng",  # seed
        [("74,98 - 76,98 triệu đồng", 74.98e6, 76.98e6, None, "VND", "=")],
    ),
    ("tỷ lệ từ 45 đến 55%", [("từ 45 đến 55%", 45, 55, None, "%", "=")]),
    ("tăng ít nhất 5 bậc", [("5 bậc", 5, None, None, "bậc", ">=")]),  # seed
    ("thuộc nhóm 30 nước dẫn đầu", [("30 nước", 30, None, None, "nước", "=")]),  # seed
    ("tốc độ đạt 93,31 Mbps", [("93,31 Mbps", 93.31, None, None, "Mbps", "=")]),  # seed
    ("bổ sung 05 mã ngành mới", [("05 mã ngành", 5, None, None, "mã ngành", "=")]),  # seed
    ("đạt 70.000 lượt tuyển sinh", [("70.000 lượt", 70000, None, None, "lượt", "=")]),  # seed
    (
        "cấp trên 45 triệu tài khoản định danh",
        [("45 triệu tài khoản", 45e6, None, None, "tài khoản", ">")],
    ),  # seed
    (
        "hơn 1 triệu đối tượng chính sách",
        [("1 triệu đối tượng", 1e6, None, None, "đối tượng", ">")],
    ),  # seed
    ("đạt gần 36,3 tỷ USD", [("36,3 tỷ USD", 3.63e10, None, None, "USD", "~")]),  # seed
    ("Trên 80% hộ gia đình sử dụng cáp quang", [("80%", 80, None, None, "%", ">")]),  # seed
    ("tỷ lệ tối thiểu 30%", [("30%", 30, None, None, "%", ">=")]),
    ("bội chi không quá 4% GDP", [("4%", 4, None, None, "%", "<=")]),
    ("nợ xấu dưới 3%", [("3%", 3, None, None, "%", "<")]),
    ("giảm tối đa 20 ngày", [("20 ngày", 20, None, None, "ngày", "<=")]),
    ("vượt 15% kế hoạch", [("15%", 15, None, None, "%", ">")]),
    ("xấp xỉ 2 triệu lao động", [("2 triệu lao động", 2e6, None, None, "lao động", "~")]),
    ("khoảng 50 phần trăm", [("50 phần trăm", 50, None, None, "%", "~")]),
    ("ước tính 1.200 tỷ đồng", [("1.200 tỷ đồng", 1.2e12, None, None, "VND", "~")]),
    ("không vượt quá 10 nghìn tỷ đồng", [("10 nghìn tỷ đồng", 1e13, None, None, "VND", "<=")]),
    ("doanh nghiệp nhận 500.000 VNĐ", [("500.000 VNĐ", 500000, None, None, "VND", "=")]),
    ("vốn 300 triệu đô la Mỹ", [("300 triệu đô la Mỹ", 3e8, None, None, "USD", "=")]),
    ("khoản vay 50 triệu EUR", [("50 triệu EUR", 5e7, None, None, "EUR", "=")]),
    ("xây dựng 120 km đường cao tốc", [("120 km", 120, None, None, "km", "=")]),
    ("công suất 500 MW điện mặt trời", [("500 MW", 500, None, None, "MW", "=")]),
    ("đường dây 500 kV mạch 3", [("500 kV", 500, None, None, "kV", "=")]),
    ("trồng mới 1.000 ha rừng", [("1.000 ha", 1000, None, None, "ha", "=")]),
    ("sản lượng 2,5 triệu tấn", [("2,5 triệu tấn", 2.5e6, None, None, "tấn", "=")]),
    ("cấp 84,7 triệu thẻ căn cước", [("84,7 triệu thẻ", 84.7e6, None, None, "thẻ", "=")]),
    ("lắp đặt 1.200 trạm phát sóng", [("1.200 trạm", 1200, None, None, "trạm", "=")]),
    ("tiếp nhận 1,5 tỷ yêu cầu xác thực", [("1,5 tỷ yêu cầu", 1.5e9, None, None, "yêu cầu", "=")]),
    ("rà soát ba dự án trọng điểm", [("ba dự án", 3, None, None, "dự án", "=")]),
    ("dân số từ 15 tuổi trở lên", [("15 tuổi", 15, None, None, "tuổi", ">=")]),
    ("tăng 2,2 lần so với cùng kỳ", [("2,2 lần", 2.2, None, None, "lần", "=")]),
    ("kết nối 53 DVCTT thiết yếu", [("53 DVCTT", 53, None, None, "DVCTT", "=")]),
    ("tỷ lệ đạt 42%.", [("42%", 42, None, None, "%", "=")]),
    (
        "tăng 58,2% về số lượng và 36,7% về giá trị",  # seed
        [("58,2%", 58.2, None, None, "%", "="), ("36,7%", 36.7, None, None, "%", "=")],
    ),
]


@pytest.mark.parametrize(("phrase", "expected"), FIGURES)
def test_find_figures(phrase: str, expected: list[tuple]) -> None:
    found = [
        (f.text, f.value, f.value_max, f.whole, f.unit, f.comparator) for f in find_figures(phrase)
    ]
    assert found == [tuple(float(x) if isinstance(x, int) else x for x in e) for e in expected]


NOT_FIGURES = [
    "Kế hoạch chuyển đổi số năm 2024",
    "ngày 20/7/2024",
    "sửa đổi Nghị định số 73/2019/NĐ-CP",
    "theo Quyết định 06/QĐ-TTg",
    "phiên họp lần thứ 9 của Ủy ban",  # seed
    "xếp thứ 42 thế giới",  # seed
    "Thứ nhất, ưu tiên các nguồn lực",
    "triển khai Đề án 06 của Chính phủ",  # seed
    "Lúc 14:02 hôm nay",
    "Đường dây nóng 0912 345 678",
    "Điện thoại: 024.3823.4567",
    "1. Ủy ban nhân dân các tỉnh",
    "2) Bộ Tài chính chủ trì",
    "Kỳ họp thứ 5, Quốc hội khóa XV",  # seed
    "giai đoạn 2026-2030",
    "trong 6 tháng đầu năm 2024",
    "Điều 5. Hiệu lực thi hành",
    "mạng 5G và COVID-19",
    "thủ tục một cửa",
    "Chiều 10/7, Thủ tướng chủ trì",  # seed
    "xét tuyển vào lớp 6 THCS phù hợp",  # dev: news/6039b2ba72da76e4.md, a school grade
    "kỳ thi tuyển sinh vào Lớp 10 năm 2025",  # written apart
]


@pytest.mark.parametrize("phrase", NOT_FIGURES)
def test_not_figures(phrase: str) -> None:
    assert find_figures(phrase) == []


SUBJECTS = [
    # seed
    (
        "tỷ lệ hồ sơ trực tuyến toàn trình (trên tổng số hồ sơ) cả nước đạt 42%",
        "tỷ lệ hồ sơ trực tuyến toàn trình",
    ),
    (
        "Phấn đấu đến năm 2025, 100% dịch vụ công trực tuyến được thực hiện toàn trình",
        "dịch vụ công trực tuyến",
    ),
    ("50% dân số trưởng thành sử dụng dịch vụ công trực tuyến", "dân số trưởng thành"),
    ("tỷ trọng kinh tế số trong GDP ước đạt 18,3%", "tỷ trọng kinh tế số trong GDP"),
    ("tăng 23%, nhập khẩu", None),
    ("kim ngạch xuất khẩu đạt 31 tỷ USD", "kim ngạch xuất khẩu"),
]


@pytest.mark.parametrize(("phrase", "subject"), SUBJECTS)
def test_subject(phrase: str, subject: str | None) -> None:
    assert find_figures(phrase)[0].subject == subject


YEARS = [
    ("doanh thu năm 2023 là 97.000 tỷ đồng", 2023),  # seed
    ("địa phương đạt 17% (cuối năm 2023 là 9%)", None),  # seed: the first figure
    ("(cuối năm 2023 là 9%)", 2023),  # seed
    ("nếu năm 2019 đạt 11% thì nay là 55%", 2019),
    ("tăng 16% so với năm 2021", None),
]


@pytest.mark.parametrize(("phrase", "year"), YEARS)
def test_year(phrase: str, year: int | None) -> None:
    assert find_figures(phrase)[0].year == year


def test_offsets_absolute_within_window() -> None:
    text = "Mở đầu 10%. Sau đó đạt 42% và 5 bậc."
    figures = find_figures(text, start=12)
    assert [f.text for f in figures] == ["42%", "5 bậc"]
    assert all(text[f.start : f.end] == f.text for f in figures)


# --------------------------------------------------------------------------- properties


def _vietnamese(value: int, decimals: str) -> str:
    grouped = f"{value:,}".replace(",", ".")
    return grouped + ("," + decimals if decimals else "")


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 10**12),
    st.text(alphabet="0123456789", max_size=3),
)
def test_formatted_numbers_round_trip(value: int, decimals: str) -> None:
    written = _vietnamese(value, decimals)
    expected = float(f"{value}.{decimals}" if decimals else value)
    assert parse_number(written) == expected


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10**9), st.sampled_from(["%", " tỷ đồng", " USD", " thủ tục", " km"]))
def test_formatted_figures_round_trip(value: int, unit: str) -> None:
    written = _vietnamese(value, "") + unit
    (figure,) = find_figures(f"đạt {written}.")
    assert figure.text == written
    scale = 1e9 if "tỷ" in unit else 1
    assert figure.value == value * scale


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list('0123456789.,/-:% tỷđồngUSDthủụcnăm\n"')), max_size=80)
)
def test_never_raises_and_offsets_hold(text: str) -> None:
    for figure in find_figures(text):
        assert text[figure.start : figure.end] == figure.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text(text: str) -> None:
    for figure in find_figures(text):
        assert text[figure.start : figure.end] == figure.text


def test_digits_of_other_scripts_are_no_figures():
    # Found by hypothesis: a digit the regex module knows but Decimal does not read.
    assert find_figures("\U00011bf0 %") == []


# Sentences of ../shared/real pages (none of the "test" split of corpora/real/SPLIT.tsv),
# each with its page; the figures as (text, value, value_max, unit).
REAL_FIGURES = [
    (  # outside the splits: a rate per unit of volume keeps its power
        "official/646f0a00d4174382.md",
        "nồng độ bụi PM2.5 trung bình năm vào năm 2030 đạt dưới 40 μg/m3",
        [("40 μg/m3", 40.0, None, "μg/m3")],
    ),
    (
        "news/phan-dau-tang-truong-gdp-7-nam-trong-10-nam-toi.md",
        "tổng mức đầu tư xã hội bình quân đạt 33-35% GDP",
        [("33-35%", 33.0, 35.0, "%")],
    ),
    (
        "news/san-giao-dich-no-con-khoang-cach-tu-ky-vong-toi-thuc-thi.md",
        "kế hoạch hàng năm hoàn thành vượt chỉ tiêu 5-10%",
        [("5-10%", 5.0, 10.0, "%")],
    ),
    (
        "official/7650ecce3d20626b.md",
        "Nhà trẻ (từ 24 tháng đến 36 tháng tuổi)",
        [("24 tháng", 24.0, None, "tháng"), ("36 tháng tuổi", 36.0, None, "tháng tuổi")],
    ),
    ("official/c93728206e91346c.md", "TBA 220 kV Nghĩa Lộ", [("220 kV", 220.0, None, "kV")]),
    (
        "news/ssi-vuot-33-ke-hoach-loi-nhuan-nam-2017.md",
        "SSI tiếp tục đạt tăng trưởng ở mức hai con số",
        [("hai con số", 2.0, None, "con số")],
    ),
    (  # dev
        "news/c985fa1d05d37940.md",
        "triển khai Chiến lược phát triển cáp quang quốc tế, bổ sung thêm một (01) tuyến cáp"
        " quang biển quốc tế",
        [("một (01) tuyến", 1.0, None, "tuyến")],
    ),
    (
        "news/cach-tinh-thue-tncn-thoi-vu-thu-viec-giao-khoan.md",
        "có tổng mức thu nhập từ hai triệu (2.000.000) đồng/lần trở lên",
        [("hai triệu (2.000.000) đồng", 2e6, None, "VND")],
    ),
    (
        "news/c985fa1d05d37940.md",
        "giữ vững top 10 toàn cầu",
        [("top 10", 10.0, None, "top")],
    ),  # dev
    (
        "written apart: a counted noun after a rank is its unit",
        "lọt vào Top 10 doanh nghiệp ICT và top 3 thế giới",
        [("10 doanh nghiệp", 10.0, None, "doanh nghiệp"), ("top 3", 3.0, None, "top")],
    ),
    (
        "written apart: digits first, words in the parenthesis",
        "xây dựng mới 02 (hai) trường học",
        [("02 (hai) trường", 2.0, None, "trường")],
    ),
]


@pytest.mark.parametrize(("page", "sentence", "expected"), REAL_FIGURES)
def test_real_sentences_figures(page: str, sentence: str, expected: list[tuple]) -> None:
    found = [(f.text, f.value, f.value_max, f.unit) for f in find_figures(sentence)]
    assert found == expected, page


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("tỷ lệ hộ nghèo giảm còn 75, 42% dân số", [("75, 42%", 75.42, "%")]),
        ("lần lượt đạt 5, 10 và 15%", [("15%", 15.0, "%")]),  # a list, no decimal
        ("từ 45 đến 55% dân số", [("từ 45 đến 55%", 45.0, "%")]),
        ("tăng 1,5 điểm phần trăm", [("1,5 điểm phần trăm", 1.5, "điểm phần trăm")]),
    ],
)
def test_decimal_comma_spaces_and_percentage_points(sentence: str, expected: list) -> None:
    assert [(f.text, f.value, f.unit) for f in find_figures(sentence)] == expected


def _words_before_numbers() -> list[str]:
    links = _words_of("number_subject", "link")
    return [*_words_of("number_identifiers"), *links, *_comparators()]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(_words_before_numbers())
        | st.sampled_from(["Số", " ", "  ", ":", ".", "\n", "-", "a", "ở", '"']),
        max_size=8,
    ),
)
def test_the_backward_searches_find_what_a_forward_search_finds(pieces: list[str]) -> None:
    # The patterns of text before a number are searched from the window's end
    # (figures._BACKWARD): a match is found exactly where a forward search finds one.
    text = "".join(pieces)
    patterns = {**_patterns(), **_subject_patterns()}
    for name in ("identifier", "quoted", "link_end"):
        backward = patterns[name]
        forward = regex.compile(backward.pattern, backward.flags & ~regex.REVERSE)
        assert bool(backward.search(text)) == bool(forward.search(text)), name


# Written apart: units of area and volume keep their power, and one written with a
# superscript is recorded as written.
POWERS = [
    ("mật độ 1.200 người/km2.", [("1.200 người/km2", 1200.0, "người/km2")]),
    ("giảm còn 25 µg/m³ vào năm 2030", [("25 µg/m³", 25.0, "μg/m³")]),
    ("dưới 40μg/m3", [("40μg/m3", 40.0, "μg/m3")]),
    ("xây 500.000 m³ nhà ở", [("500.000 m³", 500000.0, "m³")]),
    ("đạt 2 m²/người", [("2 m²/người", 2.0, "m²/người")]),
    ("đạt 30 m2/người, tăng", [("30 m2/người", 30.0, "m2/người")]),
    ("1.000 người/km2025", [("1.000 người/km", 1000.0, "người/km")]),  # no power: a number
]


@pytest.mark.parametrize(("phrase", "expected"), POWERS)
def test_units_of_area_and_volume_keep_their_power(phrase: str, expected: list[tuple]) -> None:
    assert [(f.text, f.value, f.unit) for f in find_figures(phrase)] == expected

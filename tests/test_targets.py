"""Targets: the figures a directive clause sets out to reach, with year and comparator.

Sentences are directive clauses as they appear in kế hoạch, nghị quyết, kết luận and
news of them. Each row is one sentence; its clauses are split at ';' (as the pipeline
does). Cases marked "seed" were tuned on corpora/seeds/.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directive_extract import extract, lexicon, models
from directive_extract.discourse.target_years import target_year
from directive_extract.discourse.targets import (
    _States,
    mark_targets,
    reports_state,
    with_roles,
)
from directive_extract.mentions.figures import find_figures
from directive_extract.mentions.times import RefDate


@dataclass
class Clause:
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    is_directive: bool = True
    sets_quantities: bool = False
    period: object = None
    plans_own: bool = False
    indicator: bool = False


def _clauses(sentence: str, directive: bool = True) -> list[Clause]:
    clauses, start = [], 0
    for part in sentence.split(";"):
        clauses.append(Clause(start, start + len(part), 0, len(sentence), directive))
        start += len(part) + 1
    return clauses


def _targets(sentence: str, directive: bool = True, ref: RefDate | None = None) -> list[tuple]:
    found = mark_targets(sentence, _clauses(sentence, directive), find_figures(sentence), ref)
    return [
        (f.text, f.value, f.value_max, f.unit, f.year, f.comparator)
        for targets in found
        for f in targets
    ]


GOLD = (
    "Phấn đấu đến năm 2025, 100% dịch vụ công trực tuyến được thực hiện toàn trình; 50% dân "
    "số trưởng thành sử dụng dịch vụ công trực tuyến; 100% hồ sơ giải quyết thủ tục hành chính "
    "được gắn định danh cá nhân; 90% người dân, doanh nghiệp hài lòng trong giải quyết thủ tục "
    "hành chính; 50% thủ tục, giấy tờ của người dân liên quan đến dữ liệu dân cư được cắt giảm"
)

# sentence -> [(text, value, value_max, unit, year, comparator)]
TARGETS = [
    (
        GOLD,
        [  # seed
            ("100%", 100, None, "%", 2025, "="),
            ("50%", 50, None, "%", 2025, "="),
            ("100%", 100, None, "%", 2025, "="),
            ("90%", 90, None, "%", 2025, "="),
            ("50%", 50, None, "%", 2025, "="),
        ],
    ),
    (
        "Triển khai đồng bộ các giải pháp để chỉ số phát triển Chính phủ điện tử tăng ít nhất "
        "5 bậc và chỉ số an toàn an ninh mạng thuộc nhóm 30 nước dẫn đầu",  # seed
        [("5 bậc", 5, None, "bậc", None, ">="), ("30 nước", 30, None, "nước", None, "=")],
    ),
    (
        "hoàn thành triển khai 12/53 dịch vụ công thiết yếu còn lại theo Quyết định 06/QĐ-TTg "
        "và 20 dịch vụ công ưu tiên theo Quyết định số 206/QĐ-TTg",  # seed
        [
            ("12/53 dịch vụ", 12, None, "dịch vụ", None, "="),
            ("20 dịch vụ", 20, None, "dịch vụ", None, "="),
        ],
    ),
    (
        "Thủ tướng yêu cầu sớm hoàn thành triển khai 30 dịch vụ công thiết yếu còn lại",  # seed
        [("30 dịch vụ", 30, None, "dịch vụ", None, "=")],
    ),
    (
        "Phấn đấu tốc độ tăng trưởng GRDP năm 2025 đạt 8% trở lên",
        [("8%", 8, None, "%", 2025, ">=")],
    ),
    ("Mục tiêu đến năm 2030, tỷ trọng kinh tế số đạt 30% GDP", [("30%", 30, None, "%", 2030, "=")]),
    ("Đến hết năm 2024 đạt tỷ lệ 80% hồ sơ được số hóa", [("80%", 80, None, "%", 2024, "=")]),
    (
        "Phấn đấu giải ngân 100% kế hoạch vốn đầu tư công năm 2024",
        [("100%", 100, None, "%", 2024, "=")],
    ),
    ("Bảo đảm tỷ lệ che phủ rừng đạt 42% vào năm 2025", [("42%", 42, None, "%", 2025, "=")]),
    (
        "giảm ít nhất 30% thời gian giải quyết thủ tục hành chính",
        [("30%", 30, None, "%", None, ">=")],
    ),
    ("cắt giảm tối thiểu 20% chi phí tuân thủ", [("20%", 20, None, "%", None, ">=")]),
    (
        "Bộ Công an cấp ít nhất 40 triệu tài khoản định danh điện tử trong năm 2024",
        [("40 triệu tài khoản", 40e6, None, "tài khoản", 2024, ">=")],
    ),
    (
        "Phấn đấu năm 2025 thu ngân sách nhà nước đạt 1,7 triệu tỷ đồng",
        [("1,7 triệu tỷ đồng", 1.7e15, None, "VND", 2025, "=")],
    ),
    (
        "nâng tỷ lệ dân số trưởng thành có tài khoản thanh toán lên 80% vào năm 2025",
        [("80%", 80, None, "%", 2025, "=")],
    ),
    (
        "Phấn đấu đến năm 2030 có ít nhất 100.000 doanh nghiệp công nghệ số",
        [("100.000 doanh nghiệp", 100000, None, "doanh nghiệp", 2030, ">=")],
    ),
    ("Phấn đấu kim ngạch xuất khẩu năm 2024 tăng 6-8%", [("6-8%", 6, 8, "%", 2024, "=")]),
    ("Phấn đấu tỷ lệ hộ nghèo giảm 1-1,5% mỗi năm", [("1-1,5%", 1, 1.5, "%", None, "=")]),
    (
        "Chủ tịch UBND tỉnh yêu cầu bảo đảm 100% học sinh được đến trường",
        [("100%", 100, None, "%", None, "=")],
    ),
    (
        "đến năm 2025 xây dựng hoàn thành 3.000 km đường bộ cao tốc",
        [("3.000 km", 3000, None, "km", 2025, "=")],
    ),
    ("Phấn đấu chỉ số PCI thuộc nhóm 10 tỉnh dẫn đầu", [("10 tỉnh", 10, None, "tỉnh", None, "=")]),
    (  # corpora/hard/2018_nghi_quyet_chinh_phu.txt: "giữ" with what it keeps sets a target
        "Đẩy mạnh xử lý nợ xấu, giữ tỷ lệ nợ xấu nội bảng dưới 3% đến hết năm 2018",
        [("3%", 3, None, "%", 2018, "<")],
    ),
    ("tiếp tục tuần tra, bắt giữ 1.793 vụ vi phạm", []),  # "bắt giữ" keeps nothing
    (
        "huy động tối thiểu 500 tỷ đồng cho chương trình",
        [("500 tỷ đồng", 5e11, None, "VND", None, ">=")],
    ),
    (
        "giải ngân vốn đầu tư công năm 2025 đạt trên 95% kế hoạch",
        [("95%", 95, None, "%", 2025, ">")],
    ),
    (
        "Phấn đấu đến năm 2025, 80% dân số có danh tính số; "
        "70% doanh nghiệp sử dụng hóa đơn điện tử",
        [("80%", 80, None, "%", 2025, "="), ("70%", 70, None, "%", 2025, "=")],
    ),
    ("tỷ lệ tiêm chủng phải đạt trên 95%", [("95%", 95, None, "%", None, ">")]),
    (
        "hoàn thành 1 triệu căn hộ nhà ở xã hội giai đoạn 2021-2030",
        [("1 triệu căn hộ", 1e6, None, "căn hộ", 2030, "=")],
    ),
    (
        "Phấn đấu thu hút 2 tỷ USD vốn FDI trong năm 2025",
        [("2 tỷ USD", 2e9, None, "USD", 2025, "=")],
    ),
    (
        "Mục tiêu GRDP bình quân đầu người đạt 150 triệu đồng vào năm 2030",
        [("150 triệu đồng", 150e6, None, "VND", 2030, "=")],
    ),
    ("rút ngắn thời gian thông quan xuống còn 24 giờ", [("24 giờ", 24, None, "giờ", None, "=")]),
    (
        "Bảo đảm 100% xã, phường có kết nối internet băng rộng",
        [("100%", 100, None, "%", None, "=")],
    ),
    ("đến năm 2030, tỷ lệ đô thị hóa đạt 50%", [("50%", 50, None, "%", 2030, "=")]),
    ("phủ sóng 5G tới 100% khu công nghiệp", [("100%", 100, None, "%", None, "=")]),
    (
        "Phấn đấu đến năm 2025, giảm 10% biên chế so với năm 2021",
        [("10%", 10, None, "%", 2025, "=")],
    ),
    ("Mục tiêu năm 2024 tăng trưởng tín dụng khoảng 15%", [("15%", 15, None, "%", 2024, "~")]),
    ("giảm tỷ lệ nợ xấu xuống dưới 3% trong năm 2025", [("3%", 3, None, "%", 2025, "<")]),
    ("bội chi ngân sách bảo đảm không quá 4% GDP", [("4%", 4, None, "%", None, "<=")]),
    (  # dev: official/7f6efa59099bb33b.md
        "- Tập trung số hóa 100% hồ sơ, tài liệu, kết quả giải quyết TTHC còn hiệu lực, hoàn"
        " thành trước 30/11/2025.",
        [("100%", 100, None, "%", 2025, "=")],
    ),
    ("Số hóa 100% hồ sơ đất đai trong năm 2026", [("100%", 100, None, "%", 2026, "=")]),
    (  # dev: news/c985fa1d05d37940.md
        "triển khai Chiến lược phát triển cáp quang quốc tế, bổ sung thêm một (01) tuyến cáp"
        " quang biển quốc tế",
        [("một (01) tuyến", 1, None, "tuyến", None, "=")],
    ),
    (  # dev: news/c985fa1d05d37940.md
        "phấn đấu tỷ lệ chuyển đổi Internet sang IPv6 đạt 70%, giữ vững top 10 toàn cầu",
        [("70%", 70, None, "%", None, "="), ("top 10", 10, None, "top", None, "=")],
    ),
    # the task's own cue sets the figure: "so với cùng kỳ" is its base, nothing achieved
    ("Thủ tướng yêu cầu doanh thu tăng 26% so với cùng kỳ", [("26%", 26, None, "%", None, "=")]),
    # not targets: reported figures, addressees, past results
    ("Thủ tướng cho biết doanh thu đã tăng 26% so với cùng kỳ", []),
    (
        "Yêu cầu 12 bộ, ngành và 20 địa phương chưa ban hành Kế hoạch khẩn trương ban hành",
        [],
    ),  # seed
    ("7 địa phương khẩn trương trình HĐND ban hành nghị quyết về miễn, giảm phí", []),  # seed
    ("Thủ tướng biểu dương các bộ đã đạt 42% hồ sơ trực tuyến", []),
    ("Thủ tướng ghi nhận các bộ đã được số hóa 60% hồ sơ", []),
    ("Mỗi bộ, ngành, địa phương phải có 1 đề án chuyển đổi số", []),  # seed
    ("Giao 5 bộ xây dựng kế hoạch", []),
    ("Thủ tướng yêu cầu hoàn thành trước ngày 20/7/2024", []),
]


@pytest.mark.parametrize(("sentence", "expected"), TARGETS)
def test_mark_targets(sentence: str, expected: list[tuple]) -> None:
    assert _targets(sentence) == [
        (text, float(value), value_max, unit, year, comparator)
        for text, value, value_max, unit, year, comparator in expected
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "tỷ lệ hồ sơ trực tuyến toàn trình cả nước đạt 42%",  # seed
        "doanh thu 6 tháng ước đạt trên 1,9 triệu tỷ đồng, tăng 26% so với cùng kỳ",  # seed
        "Phấn đấu đến năm 2025, 100% dịch vụ công trực tuyến được thực hiện toàn trình",
    ],
)
def test_reported_clauses_hold_no_targets(sentence: str) -> None:
    assert _targets(sentence, directive=False) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Phấn đấu đến năm 2025, 100% dịch vụ công", 2025),
        ("đến hết năm 2024 đạt tỷ lệ 80%", 2024),
        ("Mục tiêu năm 2030, kinh tế số chiếm 30% GDP", 2030),
        ("trong giai đoạn 2026-2030 hoàn thành 5.000 km", 2030),
        ("Chiến lược phát triển ngành bán dẫn đến năm 2030", None),  # seed: a title
        ("phấn đấu trong năm nay đạt 100%", 2024),
        ("không có năm nào", None),
    ],
)
def test_target_year(text: str, year: int | None) -> None:
    assert target_year(text, 0, len(text), RefDate(2024, 7, 10)) == year


def test_with_roles_marks_document_figures() -> None:
    figures = find_figures(GOLD)
    targets = mark_targets(GOLD, _clauses(GOLD), figures, None)
    marked = with_roles(figures, targets)
    assert [f.role for f in marked] == ["target"] * 5
    assert [f.year for f in marked] == [2025] * 5
    assert [f.role for f in figures] == ["reported"] * 5


def test_non_directive_clauses_give_empty_lists() -> None:
    sentence = "tăng 26% so với cùng kỳ; phấn đấu đạt 30%"
    clauses = _clauses(sentence)
    clauses[0].is_directive = False
    found = mark_targets(sentence, clauses, find_figures(sentence))
    assert [[f.text for f in targets] for targets in found] == [[], ["30%"]]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789%;, phấnđấuđạtnăm2025bậc")), max_size=80))
def test_targets_are_copies_of_clause_figures(text: str) -> None:
    figures = find_figures(text)
    for clause, targets in zip(
        _clauses(text), mark_targets(text, _clauses(text), figures), strict=True
    ):
        for target in targets:
            assert clause.start <= target.start < clause.end
            assert text[target.start : target.end] == target.text
            assert target.role == "target"
            assert isinstance(target, models.Figure)


# --------------------------------------------------------------------------- real pages
# Sentences of ../shared/real pages (none of the "test" split of corpora/real/SPLIT.tsv),
# each with the page it comes from. Rows: page, sentence, sets_quantities (the clause is
# in a zone of targets), the targets as (text, value, unit, year).

REAL_TARGETS = [
    (
        "news/tphcm-phan-dau-toi-thieu-90-nguoi-dan-va-doanh-nghiep-hai-long-ve-giai-quyet"
        "-thu-tuc-hanh-chinh.md",
        "Cụ thể, đến năm 2025, 100% dịch vụ công trực tuyến mức độ 3, 4 phổ biến, liên quan"
        " tới nhiều người dân, doanh nghiệp được tích hợp lên Cổng Dịch vụ công quốc gia",
        True,  # in the zone of the page's goal ("Phấn đấu đến năm 2030, ...")
        [("100%", 100.0, "%", 2025)],  # "4 phổ biến" names a level, it is no quantity
    ),
    (
        "news/tphcm-phan-dau-toi-thieu-90-nguoi-dan-va-doanh-nghiep-hai-long-ve-giai-quyet"
        "-thu-tuc-hanh-chinh.md",
        "Đến năm 2030, 100% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương"
        " tiện truy cập khác nhau, bao gồm cả thiết bị di động, 100% hồ sơ công việc ở cấp"
        " thành phố, 100% hồ sơ công việc ở cấp quận-huyện và 95% hồ sơ công việc ở cấp"
        " phường-xã được xử lý trên môi trường mạng",
        True,
        [
            ("100%", 100.0, "%", 2030),
            ("100%", 100.0, "%", 2030),
            ("100%", 100.0, "%", 2030),
            ("95%", 95.0, "%", 2030),
        ],
    ),
    (
        "news/huy-thuong-vu-mua-avg-4-ngay-sau-khi-co-chi-dao-cua-ban-bi-thu.md",
        "khẩn trương tiến hành thanh tra toàn diện về Dự án Mobifone mua 95% cổ phần của AVG",
        True,
        [],  # the topic of the inspection, not a quantity to reach
    ),
    (
        "official/265ff514762b4c47.md",
        "về tình hình, kết quả hoạt động của bộ máy hệ thống chính trị và chính quyền địa"
        " phương 2 cấp",
        True,
        [],
    ),
    (
        "official/7f6efa59099bb33b.md",
        "ban hành từ giờ đến cuối năm là rất lớn với 02 Luật, 12 Nghị định, 25 Thông tư",
        True,
        [],  # the workload described, no figure to reach
    ),
    ("official/c93728206e91346c.md", "TBA 220 kV Nghĩa Lộ và ĐD 220 kV Nghĩa Lộ - Việt", True, []),
    ("official/7650ecce3d20626b.md", "Nhà trẻ (từ 24 tháng đến 36 tháng tuổi)", True, []),
    (
        "news/ssi-vuot-33-ke-hoach-loi-nhuan-nam-2017.md",
        "SSI tiếp tục đạt tăng trưởng ở mức hai con số",
        True,
        [],
    ),
    (
        "news/phan-dau-tang-truong-gdp-7-nam-trong-10-nam-toi.md",
        "phấn đấu tổng mức đầu tư xã hội bình quân đạt 33-35% GDP",
        False,
        [("33-35%", 33.0, "%", None)],
    ),
    # outside the splits: spans of time that are time limits or periods, not to reach
    ("official/5a80798bbf985e87.md", "Thời gian thực hiện: Không quá 08 ngày làm việc.", True, []),
    (
        "official/edc6fac0e3b32fd3.md",
        "thời gian thực hiện không quá 24 tháng kể từ ngày Nghị quyết này có hiệu lực thi hành",
        True,
        [],
    ),
    (
        "official/5a80798bbf985e87.md",
        "phải có văn bản thông báo cụ thể trong thời gian tối đa 02 ngày",
        True,
        [],
    ),
    (
        "news/thu-tuong-nang-muc-phan-dau-xuat-khau-nong-san-len-44-ty-usd.md",
        "phấn đấu đạt chỉ tiêu 5 năm sau cao gấp đôi 5 năm trước",
        False,
        [],
    ),
    (  # team set corpora/more/2020_cong_van_bo_y_te: a span of time to reach
        "corpora/more/2020_cong_van_bo_y_te.txt",
        "bảo đảm thời gian chờ khám trung bình dưới 60 phút",
        False,
        [("60 phút", 60.0, "phút", None)],
    ),
    (  # outside the splits: what is left undone, counted ("còn" alone reaches nothing)
        "news/bo-truong-bo-tai-chinh-dinh-tien-dung-tao-dot-pha-trong-thuc-hien-nsw-va-tao"
        "-thuan-loi-thuong-mai.md",
        "Bộ Y tế còn 7 danh mục và Bộ Nông nghiệp và Phát triển nông thôn còn 3 danh mục",
        True,
        [],
    ),
    (  # dev: how many targets a task holds is no quantity to reach
        "news/bo-truong-chu-nhiem-vpcp-mai-tien-dung-nganh-hai-quan-da-cai-cach-vo-cung-lon.md",
        "thực hiện mục tiêu hoàn thành toàn diện 12 chỉ tiêu chủ yếu được Quốc hội giao",
        False,
        [],
    ),
    (  # dev: "cung ứng", as "cung cấp", sets the quantity it supplies
        "news/chinh-phuc-thi-truong-eu-tu-lien-ket-nong-dan-doanh-nghiep-ngan-hang.md",
        "Thủ tướng giao các ngân hàng cung ứng nguồn vốn lên tới 100.000 tỷ đồng cho nông nghiệp",
        False,
        [("100.000 tỷ đồng", 1e14, "VND", None)],
    ),
    (
        "news/doanh-nghiep-thuy-san-len-ke-hoach-xuat-khau-vao-eu.md",
        "hết năm nay sẽ phấn đấu đạt kim ngạch 8,9 tỷ USD",
        False,
        [("8,9 tỷ USD", 8.9e9, "USD", 2016)],  # a period already running: the page's year
    ),
]


@pytest.mark.parametrize(("page", "sentence", "quantities", "expected"), REAL_TARGETS)
def test_real_sentences_set_only_quantities_to_reach(
    page: str, sentence: str, quantities: bool, expected: list[tuple]
) -> None:
    clauses = [Clause(0, len(sentence), 0, len(sentence), True, quantities)]
    found = mark_targets(sentence, clauses, find_figures(sentence), RefDate(2016, 9, 1))
    assert [(f.text, f.value, f.unit, f.year) for f in found[0]] == expected, page


def test_a_goal_lead_in_dates_the_targets_of_the_paragraphs_after_it() -> None:
    """news/tphcm-phan-dau-toi-thieu-90-...: "Cụ thể, đến năm 2025, ..." and the targets
    in the next paragraphs, which name no year of their own."""
    lead = "Cụ thể, đến năm 2025, 40% số lượng người dân được xác thực định danh điện tử."
    after = "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt từ 50% trở lên"
    text = f"{lead}\n{after}"
    clauses = [
        Clause(0, len(lead), 0, len(lead), True, True),
        Clause(len(lead) + 1, len(text), len(lead) + 1, len(text), True, True),
    ]
    found = mark_targets(text, clauses, find_figures(text))
    assert [[(f.value, f.year) for f in targets] for targets in found] == [
        [(40.0, 2025)],
        [(50.0, 2025)],
    ]


def _item_clauses(text: str) -> list[Clause]:
    """One clause per ';'-part of each line, every one in a zone of targets."""
    clauses, start = [], 0
    for line in text.split("\n"):
        part_start = start
        for part in line.split(";"):
            clauses.append(Clause(part_start, part_start + len(part), start, start + len(line)))
            clauses[-1].sets_quantities = True
            part_start += len(part) + 1
        start += len(line) + 1
    return clauses


RUNNING_YEAR = [
    (  # dev: news/tphcm-phan-dau-toi-thieu-90-... (shortened)
        "Cụ thể, đến năm 2025, 40% số lượng người dân được xác thực định danh điện tử.\n"
        "Tỷ lệ hồ sơ giải quyết trực tuyến đạt từ 50% trở lên; 80% thủ tục hành chính được"
        " triển khai dịch vụ công trực tuyến; tối thiểu 90% người dân hài lòng\n"
        "Đảm bảo 80% báo cáo định kỳ được cập nhật, chia sẻ trên Hệ thống thông tin báo cáo",
        [[(40.0, 2025)], [(50.0, 2025)], [(80.0, 2025)], [(90.0, 2025)], [(80.0, 2025)]],
    ),
    (  # written apart: a new lead-in takes over
        "Đến năm 2026, 70% xã có trạm y tế đạt chuẩn; 60% hộ dân dùng nước sạch\n"
        "Đến năm 2030, 100% xã có trạm y tế đạt chuẩn; 95% hộ dân dùng nước sạch",
        [[(70.0, 2026)], [(60.0, 2026)], [(100.0, 2030)], [(95.0, 2030)]],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RUNNING_YEAR)
def test_the_year_of_a_lead_in_runs_on_over_every_target_after_it(
    text: str, expected: list[list[tuple]]
) -> None:
    """Targets that took the running goal's year pass it on to the targets after them."""
    found = mark_targets(text, _item_clauses(text), find_figures(text))
    assert [[(f.value, f.year) for f in targets] for targets in found] == expected


def test_an_items_own_year_does_not_run_on() -> None:
    """A list item dated after its figure leads nothing ("Hằng năm tổ chức ít nhất 03 lớp")."""
    first = "- Có ít nhất 150 sản phẩm OCOP được giới thiệu đến năm 2025."
    second = "- Hằng năm tổ chức ít nhất 03 lớp tập huấn kỹ năng kinh doanh trực tuyến."
    text = f"{first}\n{second}"
    clauses = [
        Clause(0, len(first), 0, len(first), True, True),
        Clause(len(first) + 1, len(text), len(first) + 1, len(text), True, True),
    ]
    found = mark_targets(text, clauses, find_figures(text))
    assert [[(f.value, f.year) for f in targets] for targets in found] == [
        [(150.0, 2025)],
        [(3.0, None)],
    ]


_PHRASES = [
    "Phấn đấu đến năm 2025, ",
    "UBND tỉnh giao Sở Y tế ",
    "đạt ",
    "tăng ít nhất ",
    "100% dịch vụ công",
    "75, 42% hồ sơ",
    "2,5-3% GDP",
    "từ 45 đến 55% dân số",
    "1,5 điểm phần trăm",
    "Chương trình 1.000 trạm sạc",
    "220 kV",
    "03 trường học",
    " so với năm 2020",
    " đã được cấp",
    "; ",
    ". ",
    "\n",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES), max_size=14))
def test_a_figures_role_agrees_with_its_membership_in_targets(phrases: list[str]) -> None:
    """Through the whole pipeline: a figure is a target exactly when a directive holds it
    among its targets, and a target always carries the target role."""
    from directive_extract.pipeline import extract

    document = extract("".join(phrases), published="2024-05-01")
    held = {(t.start, t.end) for d in document.directives for t in d.targets}
    assert all(t.role == "target" for d in document.directives for t in d.targets)
    for figure in document.figures:
        assert (figure.role == "target") == ((figure.start, figure.end) in held)


RUNNING_PERIOD = [
    (  # corpora/official/qd_2022_ke_hoach.txt, a plan of 2022-08-12
        "Doanh số thương mại điện tử B2C tăng trưởng bình quân 20%/năm trong giai đoạn 2022-2025.",
        RefDate(2022, 8, 12),
        [(20.0, 2025)],
    ),
    (  # written apart: a period of years still running dates the target by its end
        "Phấn đấu tỷ lệ hộ nghèo giảm bình quân 1,5%/năm trong giai đoạn 2021-2025",
        RefDate(2023, 3, 1),
        [(1.5, 2025)],
    ),
    (  # written apart: a period that ended before the article dates nothing
        "Phấn đấu tỷ lệ hộ nghèo giảm bình quân 1,5%/năm trong giai đoạn 2016-2020",
        RefDate(2023, 3, 1),
        [(1.5, None)],
    ),
]


@pytest.mark.parametrize(("sentence", "ref", "expected"), RUNNING_PERIOD)
def test_a_period_still_running_dates_its_targets(
    sentence: str, ref: RefDate, expected: list[tuple]
) -> None:
    """The time index reads "trong giai đoạn 2022-2025" in a 2022 text as a fact (it began
    before the article); as a target's period it still gives the year the target is due."""
    clauses = [Clause(0, len(sentence), 0, len(sentence), True, True)]
    found = mark_targets(sentence, clauses, find_figures(sentence), ref)
    assert [(f.value, f.year) for f in found[0]] == expected


# --------------------------------------------------------------------------- comparisons
# Written apart (no dev page holds these shapes): "so với" reports a figure only when it
# compares an achieved figure with a past one.

COMPARED = [
    # the base is a plan: what is measured against it is not told as achieved
    (
        "Thủ tướng yêu cầu các bộ giải ngân đạt 95% so với kế hoạch được giao",
        [("95%", 95.0, "%", None)],
    ),
    (
        "yêu cầu ngành thuế tăng thu 10% so với dự toán năm 2025",
        [("10%", 10.0, "%", 2025)],
    ),
    # the task's own cue sets the figure: the past year is the target's base
    (
        "yêu cầu các địa phương giảm 20% số vụ tai nạn giao thông so với năm 2023",
        [("20%", 20.0, "%", None)],
    ),
    # a fact set beside the task after a comma stays reported
    (
        "yêu cầu các bộ tháo gỡ khó khăn, trong bối cảnh xuất khẩu tăng 26% so với cùng kỳ",
        [],
    ),
    ("yêu cầu các bộ, xuất khẩu đã tăng 26% so với năm 2023", []),
]


@pytest.mark.parametrize(("sentence", "expected"), COMPARED)
def test_a_comparison_reports_only_an_achieved_figure_against_a_past_one(
    sentence: str, expected: list[tuple]
) -> None:
    clauses = [Clause(0, len(sentence), 0, len(sentence))]
    found = mark_targets(sentence, clauses, find_figures(sentence), RefDate(2024, 3, 1))
    assert [(f.text, f.value, f.unit, f.year) for f in found[0]] == expected


# Written apart: a year written without "năm" after a word of when ("đến 2030") dates the
# targets as "đến năm 2030" does; inside a name or already past it dates nothing.
BARE_YEARS = [
    ("Phấn đấu đến 2030, tỷ lệ đô thị hóa đạt 50%", 2030),
    ("các bộ phấn đấu trong 2025 giải ngân 95% kế hoạch vốn", 2025),
    ("thực hiện Chiến lược phát triển ngành đến 2030, phấn đấu đạt 50%", None),
    ("Phấn đấu đến 2020, tỷ lệ đô thị hóa đạt 50%", None),  # past at the article's date
    ("Phấn đấu đến 2030/2031, tỷ lệ đô thị hóa đạt 50%", None),  # no year: a fraction's form
]


@pytest.mark.parametrize(("sentence", "year"), BARE_YEARS)
def test_a_bare_year_after_a_word_of_when_dates_the_targets(
    sentence: str, year: int | None
) -> None:
    clauses = [Clause(0, len(sentence), 0, len(sentence))]
    found = mark_targets(sentence, clauses, find_figures(sentence), RefDate(2024, 3, 1))
    assert [f.year for f in found[0]] == [year]
    assert target_year(sentence, 0, len(sentence), RefDate(2024, 3, 1)) == year


# A list of quantities of one unit after a quantity to reach: every item shares its role,
# in its clause and in the ';'-clauses after it in the sentence (the items name no word of
# reaching of their own). Rows: page (or "written apart"), sentence, sets_quantities,
# the targets of each clause as (value, unit).
LISTED = [
    (  # dev: news/hai-quan-tphcm-8-chi-cuc-duoc-giao-chi-tieu-thu-nghin-ty.md (shortened)
        "Chi cục A được giao chỉ tiêu 21.000 tỷ đồng; Chi cục Hải quan cửa khẩu cảng Hiệp"
        " Phước 14.500 tỷ đồng; Chi cục B được giao 12.400 tỷ đồng",
        True,
        [[(21e12, "VND")], [(14.5e12, "VND")], [(12.4e12, "VND")]],
    ),
    (  # dev: the same page, the breakdown of the Cục's target
        "Trong đó, thuế Giá trị giá tăng 73.400 tỷ đồng, thuế xuất khẩu 300 tỷ đồng, thuế"
        " nhập khẩu 21.990 tỷ đồng, thuế tiêu thụ đặc biệt 12.130 tỷ đồng",
        True,
        [[(73.4e12, "VND"), (300e9, "VND"), (21.99e12, "VND"), (12.13e12, "VND")]],
    ),
    (  # written apart: another unit is no item of the list
        "phấn đấu đạt 500 tỷ đồng, trong đó 20 dự án",
        False,
        [[(500e9, "VND")]],
    ),
    (  # written apart: a figure that is no quantity ends the list
        "phấn đấu đạt 500 tỷ đồng; vận hành chính quyền 2 cấp; huyện B 300 tỷ đồng",
        False,
        [[(500e9, "VND")], [], []],
    ),
    (  # written apart (second read): a clause that tells its own date and verb reports
        "Cục Hải quan phấn đấu thu 300.000 tỷ đồng; năm 2020 thu được 280.000 tỷ đồng",
        False,
        [[(300e12, "VND")], []],
    ),
    (  # dev: news/mobifone-dat-ke-hoach-doanh-thu-nam-2021-dat-tren-30-000-ty-dong.md:
        # an item's own copula or verb of reaching does not stop the list
        "MobiFone được giao doanh thu Công ty mẹ đạt trên 30.000 tỷ đồng; lợi nhuận sau thuế"
        " Công ty mẹ là 3.928 tỷ đồng; tỷ suất lợi nhuận sau thuế trên vốn sở hữu của Công"
        " ty mẹ là 17,29%",
        False,
        [[(30e12, "VND")], [(3.928e12, "VND")], [(17.29, "%")]],
    ),
]


@pytest.mark.parametrize(("sentence", "quantities", "expected"), LISTED)
def test_the_items_of_a_list_of_quantities_share_its_role(
    sentence: str, quantities: bool, expected: list[list[tuple]]
) -> None:
    clauses = [
        Clause(c.start, c.end, 0, len(sentence), True, quantities) for c in _clauses(sentence)
    ]
    found = mark_targets(sentence, clauses, find_figures(sentence), RefDate(2021, 1, 20))
    assert [[(f.value, f.unit) for f in targets] for targets in found] == expected


# A percentage of a plan ("đạt 95,5% chỉ tiêu", "bằng 96% kế hoạch") that restates an
# amount told before it in its sentence is how much of the plan is done: a result, unless
# a goal word before it sets it or a comparator makes it a floor. Rows: page, sentence
# (its ';'-clauses all directive clauses), the targets of each clause as (text, value).
SHARES = [
    (  # dev: news/hai-quan-quang-ninh-phan-dau-thu-ngan-sach-dat-11-500-ty-dong.md
        "Đến hết 15/10, Hải quan Quảng Ninh thu nộp ngân sách đạt 10.037,6 tỷ đồng; đạt 95,5%"
        " chỉ tiêu Tổng cục Hải quan giao (10.500 tỷ đồng)",
        [[("10.037,6 tỷ đồng", 10.0376e12)], []],
    ),
    (  # written apart: no amount before it, the task sets the share
        "Chủ tịch yêu cầu các chủ đầu tư bảo đảm giải ngân 100% kế hoạch vốn được giao",
        [[("100%", 100.0)]],
    ),
    (  # written apart: a goal word before it sets it
        "phấn đấu thu ngân sách đạt 10.000 tỷ đồng, vượt 5% dự toán",
        [[("10.000 tỷ đồng", 1e13), ("5%", 5.0)]],
    ),
    (  # written apart: a comparator makes it a floor
        "thu ngân sách đạt 10.000 tỷ đồng, cần vượt tối thiểu 5% dự toán",
        [[("10.000 tỷ đồng", 1e13), ("5%", 5.0)]],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SHARES)
def test_a_share_of_a_plan_that_restates_an_amount_is_a_result(
    sentence: str, expected: list[list[tuple]]
) -> None:
    found = mark_targets(
        sentence, _clauses(sentence), find_figures(sentence), RefDate(2020, 10, 20)
    )
    assert [[(f.text, f.value) for f in targets] for targets in found] == expected


@given(
    st.lists(
        st.sampled_from(
            ["Hiện nay", "hiện nay", "phấn đấu", "đạt", "tỉnh", "60.000 MW", "90%", ","]
        ),
        max_size=12,
    )
)
def test_states_read_once_agree_with_reports_state(words: list[str]) -> None:
    """_States answers reports_state(text, 0, at) for every ``at`` of a clause from words
    it found once (asked per figure, reports_state scanned the clause each time)."""
    text = " ".join(words)
    states = _States(text, 0, len(text))
    assert [states.reports(at) for at in range(len(text) + 1)] == [
        reports_state(text, 0, at) for at in range(len(text) + 1)
    ]


# ------------------------------------------------------------------ the title's plan year
# Tuned on dev news/phe-duyet-ke-hoach-nam-2021-cua-vnpt and news/mobifone-dat-ke-hoach-
# doanh-thu-nam-2021-dat-tren-30-000-ty-dong (their form; the sentences written apart): a
# news title naming the plan's year dates the targets its body gives without one; a
# period in the title ("giai đoạn 2026-2030") dates nothing (dev official/646f0a00d4174382).

PLAN_TITLES = [
    ("Phê duyệt kế hoạch năm 2022 của Tổng công ty Bưu điện", 2022),
    ("Kế hoạch hành động về phát triển đô thị giai đoạn 2026 - 2030", None),
    # a second read's probes: a year already past, and a title naming two years
    ("Tổng công ty Bưu điện hoàn thành kế hoạch năm 2021", None),
    ("Tổng kết công tác năm 2021, triển khai nhiệm vụ năm 2022", None),
]


@pytest.mark.parametrize(("title", "year"), PLAN_TITLES)
def test_a_title_naming_its_plans_year_dates_the_targets_of_its_body(title, year):
    body = (
        "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp giao Tổng công ty Bưu điện phấn đấu "
        "doanh thu đạt 9.500 tỷ đồng."
    )
    document = extract(f"{title}\n\n{body}", published="2022-01-10")
    found = [(t.value, t.year) for d in document.directives for t in d.targets]
    assert found == [(9_500_000_000_000, year)]


def test_a_target_dated_in_its_own_phrase_keeps_its_year_under_a_plan_title():
    body = (
        "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp giao Tổng công ty Bưu điện phấn đấu "
        "đến năm 2025 doanh thu đạt 9.500 tỷ đồng."
    )
    document = extract(f"{PLAN_TITLES[0][0]}\n\n{body}", published="2022-01-10")
    assert [t.year for d in document.directives for t in d.targets] == [2025]


# ------------------------------------------- a list of quantities where no authority speaks
# Tuned on dev news/mobifone-dat-ke-hoach-doanh-thu-nam-2021-dat-tren-30-000-ty-dong and
# news/cong-ty-me-tkv-duoc-giao-chi-tieu-loi-nhuan-sau-thue-1-600-ty-dong (their form; the
# sentences written apart): the items after a quantity a body is assigned go on with it,
# as directives with its lead, on a page where no authority speaks too.


def test_the_items_after_an_assigned_quantity_are_its_targets_too():
    text = (
        "Tổng công ty Bưu điện được giao doanh thu đạt 9.500 tỷ đồng; lợi nhuận trước thuế là"
        " 300 tỷ đồng; tỷ suất lợi nhuận trên vốn chủ sở hữu là 6,5%."
    )
    document = extract(text, published="2022-01-10")
    found = [([a.name for a in d.lead], [t.value for t in d.targets]) for d in document.directives]
    lead = ["Tổng công ty Bưu điện"]
    assert found == [(lead, [9_500_000_000_000]), (lead, [300_000_000_000]), (lead, [6.5])]


def test_a_list_of_results_after_no_directive_stays_reported():
    text = "Năm 2021, doanh thu của công ty đạt 9.000 tỷ đồng; lợi nhuận trước thuế là 300 tỷ đồng."
    document = extract(text, published="2022-01-10")
    assert document.directives == []
    assert {f.role for f in document.figures} == {"reported"}


# ------------------------------------------------- a plan named earlier in the paragraph
# Tuned on the same MobiFone page ("đã giao một số chỉ tiêu kế hoạch chủ yếu năm 2021 cho
# MobiFone. Theo đó, MobiFone được giao ..."; written apart here): the plan's year dates the
# undated targets after it in its paragraph, and their directive's deadline; not a year
# already past, not across paragraphs.
STATED_PLANS = [
    ("Bộ đã giao một số chỉ tiêu kế hoạch năm 2022 cho Tổng công ty Bưu điện. Theo đó, ", 2022),
    ("Bộ đã giao một số chỉ tiêu kế hoạch năm 2021 cho Tổng công ty Bưu điện. Theo đó, ", None),
    ("Bộ đã giao một số chỉ tiêu kế hoạch năm 2022 cho Tổng công ty Bưu điện.\n\n", None),
    ("Đối với các mục tiêu của ngành bưu chính năm 2022, Bộ trưởng nhấn mạnh nhiều việc. ", 2022),
]


@pytest.mark.parametrize(("before", "year"), STATED_PLANS)
def test_a_plan_named_with_its_year_dates_the_targets_after_it(before, year):
    text = f"{before}Tổng công ty Bưu điện được giao doanh thu đạt 9.500 tỷ đồng."
    (directive,) = extract(text, published="2022-01-10").directives
    assert [t.year for t in directive.targets] == [year]
    assert (directive.deadline.due if directive.deadline else None) == (
        f"{year}-12-31" if year else None
    )


# ---------------------------------------------- a list item that tells a state of its own
# A second read's probes (written apart): after an assigned quantity, an item with a past
# time, a word of the past or of the state now, or a comparison tells what stands; its
# figure is reported and, where no authority speaks, it is no directive.
STATES = [
    "năm 2020, doanh thu là 8.900 tỷ đồng",
    "doanh thu đã đạt 8.900 tỷ đồng",
    "doanh thu cùng kỳ là 8.900 tỷ đồng, giảm 3% so với năm 2019",
    *(
        f"{row['word']} doanh thu là 8.900 tỷ đồng"
        for row in lexicon.load("target_cues")
        if row["kind"] == "now"
    ),
]


@pytest.mark.parametrize("item", STATES)
def test_an_item_telling_a_state_of_its_own_stays_reported(item):
    text = f"Tổng công ty Bưu điện được giao doanh thu đạt 9.500 tỷ đồng; {item}."
    document = extract(text, published="2021-01-10")
    assert [[t.text for t in d.targets] for d in document.directives] == [["9.500 tỷ đồng"]]
    assert [f.text for f in document.figures if f.role == "target"] == ["9.500 tỷ đồng"]


def test_an_item_dated_by_a_goals_period_goes_on_with_the_list():
    """dev news/nghe-an-phan-dau-thanh-trung-tam-... (its form; written apart): a period
    still to come dates a goal, it tells no state."""
    text = (
        "Tỉnh phấn đấu tăng trưởng lĩnh vực nông nghiệp giai đoạn 2021 - 2025 đạt 4,5%; lĩnh "
        "vực công nghiệp giai đoạn 2021 - 2025 đạt 14,5%."
    )
    document = extract(text, published="2020-10-10")
    assert [[(t.value, t.year) for t in d.targets] for d in document.directives] == [
        [(4.5, 2025)],
        [(14.5, 2025)],
    ]


# A plan whose results are told, or that a comparison measures against, dates no target
# after it; nor does a goal's own year (a second read's probes, written apart).
TOLD_PLANS = [
    f"Hội nghị {row['word']} kế hoạch năm 2022 của ngành. "
    for row in lexicon.load("target_cues")
    if row["kind"] == "plan_told"
] + ["Nghị quyết nêu mục tiêu đến năm 2030 của ngành bưu chính. "]


@pytest.mark.parametrize("before", TOLD_PLANS)
def test_a_plan_told_of_dates_no_target_after_it(before):
    text = f"{before}Tổng công ty Bưu điện được giao doanh thu đạt 9.500 tỷ đồng."
    found = extract(text, published="2022-01-10").directives
    assert [t.year for d in found for t in d.targets] == [None]


@pytest.mark.parametrize(("title", "year"), PLAN_TITLES)
def test_a_title_naming_its_plans_year_dates_its_target_directives(title, year):
    """dev news/phe-duyet-ke-hoach-nam-2021-cua-vnpt (its form; written apart): the year
    that dates a target is its directive's deadline (ANNOTATION), read in the title."""
    body = "Tổng công ty Bưu điện được giao doanh thu đạt 9.500 tỷ đồng."
    (directive,) = extract(f"{title}\n\n{body}", published="2022-01-10").directives
    assert (directive.deadline.due if directive.deadline else None) == (
        f"{year}-12-31" if year else None
    )


# Written apart: a helper's target probes of 2026-12-08 (no real page read). Each row: the
# text, its date, every figure as (text, role, year, comparator: a target's only).
PROBED = [
    (  # each target takes the year right after it, not the one before, an earlier one's
        "Tỷ lệ đô thị hóa của tỉnh phấn đấu đạt 45% vào năm 2025 và 50% vào năm 2030.",
        "2021-06-10",
        [("45%", "target", 2025, "="), ("50%", "target", 2030, "=")],
    ),
    (  # a second read's probe: a year shared by the list dates a figure with none of its own
        "Phấn đấu tỷ lệ hộ nghèo giảm 1,5% giai đoạn 2026-2030, tỷ lệ lao động qua đào tạo"
        " đạt 75%.",
        "2025-06-10",
        [("1,5%", "target", 2030, "="), ("75%", "target", 2030, "=")],
    ),
    (  # a clause of a figure alone after its year goes on with the goal's list
        "Phấn đấu đến năm 2025, 45% dân số đô thị; đến năm 2030, 50%.",
        "2021-06-10",
        [("45%", "target", 2025, "="), ("50%", "target", 2030, "=")],
    ),
    (  # what a quantity is counted per may follow its noun's last words
        "Bộ Y tế đặt mục tiêu đến năm 2030 đạt 35 giường bệnh trên 10.000 dân.",
        "2025-01-06",
        [("35 giường", "target", 2030, "="), ("10.000 dân", "reported", None, None)],
    ),
    (  # a document's word before the goal names no document: the goal has its year
        "Nghị quyết đặt mục tiêu đến năm 2045, kinh tế số chiếm ít nhất 50% GDP.",
        "2024-12-22",
        [("50%", "target", 2045, ">=")],
    ),
    (  # a span of time cut down to is a quantity to reach, no time limit
        "Ủy ban nhân dân thành phố yêu cầu rút ngắn thời gian cấp giấy phép xây dựng xuống"
        " tối đa 15 ngày làm việc.",
        "2025-05-06",
        [("15 ngày", "target", None, "<=")],
    ),
    (  # the next item of a plan's list after a comma, with no word of reaching
        "Năm nay, Hòa Phát đặt kế hoạch sản lượng thép thô đạt 10 triệu tấn, lợi nhuận sau"
        " thuế 15.000 tỷ đồng.",
        "2025-04-18",
        [("10 triệu tấn", "target", 2025, "="), ("15.000 tỷ đồng", "target", 2025, "=")],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), PROBED)
def test_probed_targets_have_their_own_year_and_role(text, published, expected):
    document = extract(text, published=published)
    found = [
        (f.text, f.role, f.year, f.comparator if f.role == "target" else None)
        for f in document.figures
    ]
    assert found == expected

"""Support (and the names it is given) on sentences of the real development pages
(corpora/real/dev, tuned cases: marked "dev" with the page) and on sentences written
apart from them.  Each case gives the text and the exact (lead, support) of every
directive, in order."""

from __future__ import annotations

import pytest

from directive_extract import extract
from directive_extract.mentions.agencies import find_agencies, resolve_references
from directive_extract.read.normalise import canonical_form

BTT = "Bộ Thông tin và Truyền thông"


def roles(text: str, published: str = "2025-03-03") -> list[tuple[list[str], list[str]]]:
    document = extract(text, source="case.txt", published=published)
    return [
        (sorted(a.name for a in d.lead), sorted(a.name for a in d.support))
        for d in document.directives
    ]


CASES = [
    # the support of a sentence's opening task carries over its ";"-tasks
    pytest.param(
        "Bộ Thông tin và Truyền thông:\n"
        "- Chủ trì, phối hợp với các cơ quan, địa phương tiếp tục thực hiện các giải pháp "
        "phát triển hạ tầng băng rộng cố định; triển khai Chiến lược phát triển cáp quang "
        "quốc tế; tổ chức đấu giá băng tần 700 MHz trong quý I năm 2025. Tập trung xây "
        "dựng phương án bảo đảm thông tin liên lạc.",
        [
            ([BTT], ["cơ quan, địa phương"]),
            ([BTT], ["cơ quan, địa phương"]),
            ([BTT], ["cơ quan, địa phương"]),
            ([BTT], []),
        ],
        id="dev-news/c985fa1d05d37940-opening-support-carries",
    ),
    pytest.param(
        "Bộ Y tế:\n"
        "- Chủ trì, phối hợp với Bộ Tài chính rà soát định mức chi cho công tác phòng, "
        "chống dịch; xây dựng phương án bố trí kinh phí cho các tỉnh miền núi.",
        [(["Bộ Y tế"], ["Bộ Tài chính"]), (["Bộ Y tế"], ["Bộ Tài chính"])],
        id="apart-opening-support-carries",
    ),
    # partners named without "chủ trì": working with them is the opening task only
    pytest.param(
        "4. Sở Xây dựng các tỉnh:\n"
        "- Chủ động phối hợp với các cơ quan truyền thông trong việc thông tin cho người "
        "dân; rà soát, kiểm tra và cấm đường ở các tuyến có nguy cơ sạt lở; sẵn sàng ứng "
        "phó kịp thời khi xảy ra sự cố.",
        [
            (["Sở Xây dựng các tỉnh"], ["cơ quan truyền thông"]),
            (["Sở Xây dựng các tỉnh"], []),
            (["Sở Xây dựng các tỉnh"], []),
        ],
        id="dev-official/a8e9e9675ab618ee-working-with-is-the-opening-task",
    ),
    pytest.param(
        "Bộ Y tế:\n"
        "- Phối hợp với Bộ Tài chính rà soát định mức chi cho công tác phòng, chống dịch; "
        "xây dựng phương án bố trí kinh phí cho các tỉnh miền núi.",
        [(["Bộ Y tế"], ["Bộ Tài chính"]), (["Bộ Y tế"], [])],
        id="apart-working-with-is-the-opening-task",
    ),
    pytest.param(
        "Bộ Y tế:\n"
        "- Hoàn thiện hướng dẫn điều trị; chủ trì, phối hợp với Bộ Tài chính rà soát định "
        "mức chi; tổ chức tập huấn cho cán bộ y tế cơ sở.",
        [(["Bộ Y tế"], []), (["Bộ Y tế"], ["Bộ Tài chính"]), (["Bộ Y tế"], [])],
        id="apart-later-support-stays-its-own",
    ),
    # a body in brackets after another is the part that does the work
    pytest.param(
        "Điều 2. Giao các cơ quan, đơn vị:\n"
        "1. Sở Tài chính chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ hành "
        "chính công tỉnh) rà soát, xây dựng quy trình nội bộ, quy trình điện tử.",
        [
            (
                ["Sở Tài chính"],
                ["Trung tâm Phục vụ hành chính công tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"],
            )
        ],
        id="dev-official/43ce594e2a648040-body-in-brackets",
    ),
    pytest.param(
        "Giao Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng (Cục Cứu hộ - Cứu nạn) "
        "tăng cường tuần tra, kiểm soát trên biển.",
        [(["Bộ Công an"], ["Bộ Quốc phòng", "Cục Cứu hộ - Cứu nạn"])],
        id="apart-body-in-brackets",
    ),
    pytest.param(
        "Giao Bộ Thông tin và Truyền thông (Bộ TT&TT) chủ trì, phối hợp với Bộ Công an "
        "triển khai nền tảng định danh số.",
        [([BTT], ["Bộ Công an"])],
        id="apart-brackets-that-repeat-the-name",
    ),
    # a ";" between the groups of one list of assignees does not cut the subject
    pytest.param(
        "Thủ tướng Chính phủ yêu cầu:\n"
        "1. Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế; Chủ tịch Ủy ban nhân dân các "
        "tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm Đồng tổ chức theo dõi, cập nhật "
        "thường xuyên, sát diễn biến tình hình, chủ động chỉ đạo triển khai các biện pháp "
        "ứng phó bão số 15.",
        [
            (
                [
                    "Bộ Công an",
                    "Bộ Quốc phòng",
                    "Bộ Y tế",
                    "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm Đồng",
                ],
                [],
            )
        ],
        id="dev-official/cfef94bb5eaf59df-assignees-listed-over-a-semicolon",
    ),
    pytest.param(
        "2. Sở Tài chính; Sở Xây dựng khẩn trương rà soát, báo cáo Ủy ban nhân dân tỉnh "
        "trước ngày 15/12/2025.",
        [(["Sở Tài chính", "Sở Xây dựng"], [])],
        id="apart-assignees-listed-over-a-semicolon",
    ),
    # a body named again with "nêu trên" is the fuller mention before it
    pytest.param(
        "2. Đề nghị Ủy ban nhân dân các tỉnh tổ chức sơ tán dân.\n"
        "- Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng.\n"
        "3. Các Sở Xây dựng nêu trên\n"
        "- Chủ động phối hợp với các lực lượng chức năng của địa phương khắc phục sạt lở.\n"
        "- Bố trí nhân lực, phương tiện ứng trực đảm bảo tiêu thoát nước.",
        [
            (["Ủy ban nhân dân các tỉnh"], []),
            (
                ["Sở Xây dựng các tỉnh Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng"],
                ["lực lượng chức năng của địa phương"],
            ),
            (["Sở Xây dựng các tỉnh Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng"], []),
        ],
        id="dev-official/a8e9e9675ab618ee-named-again-above",
    ),
    pytest.param(
        "Yêu cầu Sở Y tế thành phố Hà Nội rà soát danh mục thuốc. Yêu cầu Sở Y tế nêu trên "
        "báo cáo kết quả trước ngày 30/6/2025.",
        [(["Sở Y tế thành phố Hà Nội"], []), (["Sở Y tế thành phố Hà Nội"], [])],
        id="apart-named-again-above",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_support(text: str, expected: list[tuple[list[str], list[str]]]) -> None:
    assert roles(text) == [(sorted(lead), sorted(support)) for lead, support in expected]


GROUPS = [
    (
        "phối hợp với các cơ quan truyền thông để thông tin cho người tham gia giao thông",
        ["cơ quan truyền thông"],
    ),  # dev, official/a8e9e9675ab618ee
    (
        "Chủ động phối hợp với các lực lượng chức năng của địa phương trong việc khắc phục",
        ["lực lượng chức năng của địa phương"],
    ),  # dev, official/a8e9e9675ab618ee
    (
        "Phối hợp chặt chẽ với các lực lượng chức năng trong địa bàn hải quan",
        ["lực lượng chức năng trong địa bàn hải quan"],
    ),  # dev, news/xay-dung-ke-hoach-chi-tiet-...
    (
        "Giao các Cục Hải quan tỉnh, thành phố tuyên truyền đến cộng đồng doanh nghiệp",
        ["Cục Hải quan tỉnh, thành phố"],
    ),
    ("phối hợp với các đơn vị hải quan cửa khẩu kiểm tra", ["đơn vị hải quan cửa khẩu"]),
    # a region named after "trong vùng" narrows the group; "KTTĐ" is written out
    (
        "Chính phủ yêu cầu các địa phương trong vùng KTTĐ quán triệt các quan điểm",
        ["Chính phủ", "địa phương trong vùng kinh tế trọng điểm"],
    ),  # dev, news/chinh-phu-dua-ra-nhieu-giai-phap-de-phat-trien-cac-vung-kinh-te-trong-diem
    (
        "Ủy ban nhân dân các tỉnh, thành phố trong vùng KTTĐ huy động đa dạng các nguồn lực",
        ["Ủy ban nhân dân các tỉnh, thành phố trong vùng kinh tế trọng điểm"],
    ),  # dev, same page
    (
        "Giao các tỉnh trong vùng Đồng bằng sông Cửu Long chủ động trữ nước ngọt",
        ["tỉnh trong vùng Đồng bằng sông Cửu Long"],
    ),
    (
        "phối hợp với các địa phương trong vùng kinh tế trọng điểm phía Nam",
        ["địa phương trong vùng kinh tế trọng điểm"],
    ),
    (
        "Trên cơ sở tổng kết bài học kinh nghiệm triển khai thí điểm tại Cục Hải quan Hà "
        "Nội, cơ quan Hải quan tập trung nghiên cứu để tiếp tục hoàn thiện hệ thống",
        ["Cục Hải quan Hà Nội", "cơ quan Hải quan"],
    ),  # dev, news/chinh-thuc-trien-khai-he-thong-quan-ly-giam-sat-hai-quan-tu-dong-...
    # a province named with its kind right after a group is whose bodies they are
    (
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội và các tổ chức chính trị - xã "
        "hội thành phố Hà Nội phối hợp tuyên truyền",
        [
            "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội",
            "tổ chức chính trị - xã hội thành phố Hà Nội",
        ],
    ),  # dev, official/8983091b5c6598d8
    ("Giao các sở, ban, ngành tỉnh Quảng Ninh rà soát", ["sở, ban, ngành tỉnh Quảng Ninh"]),
    ("phối hợp với các doanh nghiệp tỉnh Bình Dương", ["doanh nghiệp tỉnh Bình Dương"]),
    ("hỗ trợ các địa phương, tỉnh Gia Lai", ["địa phương", "tỉnh Gia Lai"]),
]

#: A body named by its kind alone ("cơ quan hải quan", "cơ quan thanh tra") is a group
#: by itself, with no "các" before it, and leads as the subject of its task.
SUBJECT_GROUPS = [
    pytest.param(
        "Thủ tướng Chính phủ yêu cầu:\n"
        "1. Cơ quan thanh tra khẩn trương hoàn thành việc thanh tra và ban hành kết luận.",
        [(["Cơ quan thanh tra"], [])],
        id="dev-official/fa0dcc139cec05de-inspection-body",
    ),
    pytest.param(
        "Cơ quan hải quan khẩn trương phối hợp với Công an tỉnh Lạng Sơn kiểm tra hàng "
        "hóa tồn đọng tại cửa khẩu.",
        [(["Cơ quan hải quan"], ["Công an tỉnh Lạng Sơn"])],
        id="apart-customs-body",
    ),
    # written apart (probe): a body under the Government joined by "và" to the last
    # partner is one more partner; after a bare comma it is not taken
    pytest.param(
        "Bộ Y tế chủ trì, phối hợp với Bộ Tài chính và Bảo hiểm xã hội Việt Nam nghiên cứu"
        " sửa đổi quy định.",
        [(["Bộ Y tế"], ["Bộ Tài chính", "Bảo hiểm xã hội Việt Nam"])],
        id="apart-partner-under-the-government",
    ),
    pytest.param(
        "Bộ Công an chủ trì, phối hợp với Bộ Giao thông vận tải và Ủy ban An toàn giao"
        " thông Quốc gia kiểm tra.",
        [(["Bộ Công an"], ["Bộ Giao thông vận tải", "Ủy ban An toàn giao thông Quốc gia"])],
        id="apart-partner-national-committee",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUBJECT_GROUPS)
def test_a_kind_of_body_alone_leads(text: str, expected: list) -> None:
    assert roles(text) == [(sorted(lead), sorted(support)) for lead, support in expected]


@pytest.mark.parametrize(("text", "expected"), GROUPS)
def test_group_modifiers(text: str, expected: list[str]) -> None:
    assert [a.name for a in find_agencies(canonical_form(text))] == expected


PARENTS = [
    # a unit named under a bare "Bộ" is the issuing ministry's
    (
        "Khẩn trương phối hợp với Văn phòng Bộ trong việc công bố thủ tục hành chính.",
        "Bộ Văn hoá, Thể thao và du lịch",
        ["Văn phòng Bộ Văn hóa, Thể thao và Du lịch"],
    ),  # dev, official/7f6efa59099bb33b (issuer as the page's metadata spells it)
    (
        "Bộ Y tế giao Cục Quản lý Dược chủ trì, phối hợp với Văn phòng Bộ kiểm tra.",
        None,
        ["Bộ Y tế", "Cục Quản lý Dược", "Văn phòng Bộ Y tế"],
    ),
    (
        "Bộ Y tế và Bộ Tài chính giao Văn phòng Bộ tổng hợp.",
        None,
        ["Bộ Y tế", "Bộ Tài chính", "Văn phòng Bộ"],
    ),  # two ministries named: which one is meant is not told
]


@pytest.mark.parametrize(("text", "home", "expected"), PARENTS)
def test_unit_under_a_bare_parent(text: str, home: str | None, expected: list[str]) -> None:
    found = resolve_references(find_agencies(canonical_form(text)), home)
    assert [a.name for a in found] == expected

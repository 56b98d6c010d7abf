"""Agency names seen in the real development pages (corpora/real/dev, tuned cases:
marked "dev" with the page) and written apart from them."""

from __future__ import annotations

import pytest

from directive_extract import extract
from directive_extract.mentions.agencies import find_agencies, resolve_references

OTHER = "other"
GROUP = "group"
PROVINCE = "province"


CENTRAL_DEPARTMENTS = [
    # a known department whose name ends on a verb ("xây dựng") is read whole
    (
        "Cục Kinh tế - Quản lý đầu tư xây dựng kiểm tra, rà soát toàn bộ các công trường.",
        [
            (
                "Cục Kinh tế - Quản lý đầu tư xây dựng",
                "Cục Kinh tế - Quản lý đầu tư xây dựng",
                OTHER,
            )
        ],
    ),  # dev, official/b3f47f1508761da8
    (
        "Giao Cục Kết cấu hạ tầng xây dựng hướng dẫn các địa phương rà soát.",
        [
            ("Cục Kết cấu hạ tầng xây dựng", "Cục Kết cấu hạ tầng xây dựng", OTHER),
            ("các địa phương", "địa phương", GROUP),
        ],
    ),
    # ... and still ends an unseen name
    (
        "Cục Viễn thám quốc gia xây dựng kế hoạch.",
        [("Cục Viễn thám quốc gia", "Cục Viễn thám quốc gia", OTHER)],
    ),
    # a known name is not overrun by the verb after it
    (
        "Phối hợp với Vụ Pháp chế đưa nội dung thực thi vào chương trình.",
        [("Vụ Pháp chế", "Vụ Pháp chế", OTHER)],
    ),  # dev, official/7f6efa59099bb33b
    (
        "Cục Văn thư và Lưu trữ nhà nước tham mưu Bộ trưởng.",
        [
            ("Cục Văn thư và Lưu trữ nhà nước", "Cục Văn thư và Lưu trữ nhà nước", OTHER),
            ("Bộ trưởng", "Bộ trưởng", "position"),
        ],
    ),
]


@pytest.mark.parametrize(
    "sentence,expected", CENTRAL_DEPARTMENTS, ids=[c[0][:50] for c in CENTRAL_DEPARTMENTS]
)
def test_central_departments(sentence, expected, mentions):
    assert mentions(sentence) == expected


SHARED_PLACE = [
    # heads of a place before one place, a determiner before a head kept in its part
    (
        "Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân Thành phố, các Tổ"
        " đại biểu và đại biểu Hội đồng nhân dân Thành phố giám sát việc thực hiện Nghị quyết.",
        [
            (
                "Thường trực Hội đồng nhân dân",
                "Thường trực Hội đồng nhân dân thành phố",
                OTHER,
            ),
            (
                "các Ban của Hội đồng nhân dân Thành phố",
                "Ban của Hội đồng nhân dân thành phố",
                OTHER,
            ),
            (
                "các Tổ đại biểu và đại biểu Hội đồng nhân dân Thành phố",
                "Tổ đại biểu và đại biểu Hội đồng nhân dân thành phố",
                OTHER,
            ),
        ],
    ),  # dev, official/4672020dbba893fb
    (
        "Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân tỉnh Nghệ An giám sát.",
        [
            (
                "Thường trực Hội đồng nhân dân",
                "Thường trực Hội đồng nhân dân tỉnh Nghệ An",
                OTHER,
            ),
            (
                "các Ban của Hội đồng nhân dân tỉnh Nghệ An",
                "Ban của Hội đồng nhân dân tỉnh Nghệ An",
                OTHER,
            ),
        ],
    ),
    (
        "HĐND, UBND tỉnh Gia Lai chỉ đạo.",
        [
            ("HĐND", "Hội đồng nhân dân tỉnh Gia Lai", PROVINCE),
            ("UBND tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai", PROVINCE),
        ],
    ),
]


@pytest.mark.parametrize("sentence,expected", SHARED_PLACE, ids=[c[0][:50] for c in SHARED_PLACE])
def test_heads_sharing_one_place(sentence, expected, mentions):
    assert mentions(sentence) == expected


def test_a_department_named_bare_stays_as_written():
    # dev, official/fcc6947614833898 (a Quảng Ngãi decision, "1. Sở Tài chính") and
    # news/hai-quan-quang-ninh-trien-khai-dich-vu-cong-truc-tuyen: the gold of the 229 dev
    # pages writes a department the text names without its place as the text names it;
    # only a bare unit ("UBND tỉnh") takes the home province (doctest of resolve_references)
    found = find_agencies("Giao Sở Tài chính chủ trì, phối hợp với Sở Y tế tỉnh Lào Cai.")
    names = [a.name for a in resolve_references(found, "Tỉnh Bắc Ninh")]
    assert names == ["Sở Tài chính", "Sở Y tế tỉnh Lào Cai"]


TAX_OFFICES = [
    # dev, official/5cbddd8946f41ee1.md and official/28219392db3ee2e0.md: since 2025 a
    # province's tax office is "Thuế tỉnh ..." (formerly "Cục Thuế tỉnh ...")
    (
        "đề nghị Thuế tỉnh Tây Ninh khẩn trương báo cáo",
        [("Thuế tỉnh Tây Ninh", "Thuế tỉnh Tây Ninh", OTHER)],
    ),
    (
        "đề nghị các Thuế tỉnh, thành phố khẩn trương báo cáo",
        [("Thuế tỉnh, thành phố", "Thuế tỉnh, thành phố", GROUP)],
    ),
    # written apart: the tax itself is no body
    ("Thuế thu nhập cá nhân tỉnh Nghệ An tăng 12%.", [("tỉnh Nghệ An", "tỉnh Nghệ An", PROVINCE)]),
]


@pytest.mark.parametrize("sentence,expected", TAX_OFFICES, ids=[c[0][:40] for c in TAX_OFFICES])
def test_tax_offices_of_the_provinces(sentence, expected, mentions):
    assert mentions(sentence) == expected


UNITS_INSIDE_WORDS = [
    # dev, official/ad52bc0b105a20cd.md (a commune's office, named as its table cells do),
    # and a helper's probes of official documents: "xã" in "Xã hội" names no commune
    (
        "Giao Phòng Văn hóa - Xã hội rà soát các thiết chế văn hóa.",
        [("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", OTHER)],
    ),
    # written apart: a commune's police is still the commune's
    ("Giao Công an xã phối hợp kiểm tra.", [("Công an xã", "Công an xã", OTHER)]),
]

CREDIT_INSTITUTIONS = [
    # a helper's probes of official documents (written apart): the banks' group by its
    # abbreviation, as a central bank's letters write it
    (
        "Thống đốc NHNN yêu cầu các TCTD rà soát dư nợ.",
        [
            ("Thống đốc NHNN", "Ngân hàng Nhà nước Việt Nam", "ministry"),
            ("các TCTD", "tổ chức tín dụng", GROUP),
        ],
    ),
    (
        "đề nghị các tổ chức tín dụng giảm lãi suất",
        [("các tổ chức tín dụng", "tổ chức tín dụng", GROUP)],
    ),
]


CUSTOMS_OFFICES = [
    # dev, news/tiep-tuc-trien-khai-he-thong-mien-giam-hoan-khong-thu-thue.md (tuned on):
    # news writes a province's customs department "Hải quan <tỉnh>", several sharing it
    (
        "Tổng cục Hải quan đã yêu cầu Hải quan Hà Nội, Bắc Ninh lựa chọn DN",
        [
            ("Tổng cục Hải quan", "Tổng cục Hải quan", OTHER),
            ("Hải quan Hà Nội", "Cục Hải quan Hà Nội", OTHER),
            ("Bắc Ninh", "Cục Hải quan Bắc Ninh", OTHER),
        ],
    ),
    # dev, news/hai-quan-tp-ho-chi-minh-chu-trong-xay-dung-luc-luong-dap-ung-yeu-cau-hien-
    # dai-hoa.md: the city by its abbreviation, as the gazetteer's own "Cục Hải quan" gives it
    (
        "Hải quan TPHCM tăng cường kiểm tra",
        [("Hải quan TPHCM", "Cục Hải quan Thành phố Hồ Chí Minh", OTHER)],
    ),
    # written apart: the nation's customs and the trade itself are no department of a province
    ("Hải quan Việt Nam sẽ triển khai; hải quan Hà Nội", []),
    # a second read's probe: a district has no customs department of its own
    ("Hải quan huyện Cần Giờ kiểm tra", []),
]


#: Bodies written short, by an abbreviation or with a unit word inside another word.
WRITTEN_OTHERWISE = CUSTOMS_OFFICES + UNITS_INSIDE_WORDS + CREDIT_INSTITUTIONS


@pytest.mark.parametrize(
    "sentence,expected", WRITTEN_OTHERWISE, ids=[c[0][:40] for c in WRITTEN_OTHERWISE]
)
def test_bodies_written_short_or_inside_words(sentence, expected, mentions):
    assert mentions(sentence) == expected


HEADERS = [
    # the header's two columns as cells of a row, the issuer's name split over two lines
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    # one after the other, as plain text has them (dev pages read as clean text)
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do -"
    " Hạnh phúc",
    # side by side on one line, as text copied from a word processor's table has them
    "UBND TỈNH BẮC NINH        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
]


@pytest.mark.parametrize("header", HEADERS, ids=["cells", "stacked", "one-line"])
def test_the_headers_issuer_gives_a_bare_unit_its_province(header):
    text = f"{header}\nSố: 12/KH-UBND\nKẾ HOẠCH\nGiao Công an tỉnh chủ trì rà soát các quy trình."
    document = extract(text)
    assert document.issuing_body == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert [a.name for d in document.directives for a in d.lead] == ["Công an tỉnh Bắc Ninh"]


SEVERAL_PROVINCES = [
    # a body that is no head of places before a list of provinces: one group
    (
        "- Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng.",
        [
            (
                "Sở Xây dựng các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng",
                "Sở Xây dựng các tỉnh Gia Lai, Đắk Lắk, Khánh Hòa, Lâm Đồng",
                GROUP,
            )
        ],
    ),  # dev, official/a8e9e9675ab618ee
    (
        "Sở Y tế các tỉnh Quảng Nam, Thành phố Đà Nẵng báo cáo.",
        [
            (
                "Sở Y tế các tỉnh Quảng Nam, Thành phố Đà Nẵng",
                "Sở Y tế các tỉnh, thành phố Quảng Nam, Đà Nẵng",
                GROUP,
            )
        ],
    ),
    # a head of places lists its bodies, one each
    (
        "Giao Ủy ban nhân dân các tỉnh Quảng Nam, Quảng Ngãi chỉ đạo.",
        [
            ("Ủy ban nhân dân các tỉnh Quảng Nam", "Ủy ban nhân dân tỉnh Quảng Nam", PROVINCE),
            ("Quảng Ngãi", "Ủy ban nhân dân tỉnh Quảng Ngãi", PROVINCE),
        ],
    ),
]


@pytest.mark.parametrize(
    "sentence,expected", SEVERAL_PROVINCES, ids=[c[0][:50] for c in SEVERAL_PROVINCES]
)
def test_body_of_several_provinces(sentence, expected, mentions):
    assert mentions(sentence) == expected


GROUP_MODIFIERS = [
    # "có" + what the bodies hold or bear narrows a group
    (
        "Các cơ quan có trách nhiệm khẩn trương xem xét, xử lý vụ việc.",
        [("Các cơ quan có trách nhiệm", "cơ quan có trách nhiệm", GROUP)],
    ),  # dev, news/huy-thuong-vu-mua-avg-4-ngay-sau-khi-co-chi-dao-cua-ban-bi-thu
    (
        "Các đơn vị có TTHC chủ động cắt giảm, đơn giản hóa thủ tục.",
        [("Các đơn vị có TTHC", "đơn vị có thủ tục hành chính", GROUP)],
    ),  # dev, official/7f6efa59099bb33b
    (
        "Giao các cơ quan, đơn vị có thủ tục hành chính công khai quy trình.",
        [
            (
                "các cơ quan, đơn vị có thủ tục hành chính",
                "cơ quan, đơn vị có thủ tục hành chính",
                GROUP,
            )
        ],
    ),
]


@pytest.mark.parametrize(
    "sentence,expected", GROUP_MODIFIERS, ids=[c[0][:50] for c in GROUP_MODIFIERS]
)
def test_group_modifiers_with_co(sentence, expected, mentions):
    assert mentions(sentence) == expected


PLACE_AS_WRITTEN = [
    # a body's place written without its unit word stays so; a People's Committee's not
    (
        "Chi cục Hải quan Hải Dương bố trí ngay cho cán bộ.",
        [("Chi cục Hải quan Hải Dương", "Chi cục Hải quan Hải Dương", OTHER)],
    ),  # dev, news/hai-quan-hai-phong-tiep-tuc-ra-cong-van-hoa-toc-de-nghi-cbcc-...
    (
        "phối hợp với Sở Xây dựng Lâm Đồng và các cơ quan liên quan",
        [
            ("Sở Xây dựng Lâm Đồng", "Sở Xây dựng Lâm Đồng", OTHER),
            ("các cơ quan liên quan", "cơ quan liên quan", GROUP),
        ],
    ),  # dev, official/a8e9e9675ab618ee
    (
        "UBND Hà Nội chỉ đạo Cục Hải quan tỉnh Quảng Ninh.",
        [
            ("UBND Hà Nội", "Ủy ban nhân dân thành phố Hà Nội", PROVINCE),
            ("Cục Hải quan tỉnh Quảng Ninh", "Cục Hải quan tỉnh Quảng Ninh", OTHER),
        ],
    ),
]


@pytest.mark.parametrize(
    "sentence,expected", PLACE_AS_WRITTEN, ids=[c[0][:50] for c in PLACE_AS_WRITTEN]
)
def test_place_as_written(sentence, expected, mentions):
    assert mentions(sentence) == expected


UNITS_OF_A_SERVICE = [
    # dev, news/nganh-hai-quan-trien-khai-nhieu-giai-phap-chong-that-thu-qua-ma-gia: the
    # units of a service named by their work ("nghiệp vụ"), its border offices ("cửa
    # khẩu", news/hai-quan-quang-ninh-trien-khai-2-thu-tuc-ve-duoc-pham-tren-he-thong-mot-cua)
    (
        "Tổng cục Hải quan yêu cầu các đơn vị nghiệp vụ tiếp tục hoàn thiện văn bản.",
        [
            ("Tổng cục Hải quan", "Tổng cục Hải quan", OTHER),
            ("các đơn vị nghiệp vụ", "đơn vị nghiệp vụ", GROUP),
        ],
    ),
    (
        "Cục Hải quan tỉnh yêu cầu các chi cục hải quan cửa khẩu thực hiện ngay.",
        [
            ("Cục Hải quan tỉnh", "Cục Hải quan tỉnh", OTHER),
            ("các chi cục hải quan cửa khẩu", "chi cục hải quan cửa khẩu", GROUP),
        ],
    ),
    # written apart: a tax department's district offices
    (
        "Cục Thuế yêu cầu các Chi cục thuế triển khai thực hiện kịp thời.",
        [("Cục Thuế", "Cục Thuế", OTHER), ("các Chi cục thuế", "Chi cục thuế", GROUP)],
    ),
    # dev, official/77de8d61b741c666: a firm's name ends before the verb "liên hệ"
    (
        "Đề nghị Công ty Cổ phần siêu thị Sài Gòn liên hệ với Thuế tỉnh Phú Thọ.",
        [
            ("Công ty Cổ phần siêu thị Sài Gòn", "Công ty Cổ phần siêu thị Sài Gòn", "enterprise"),
            ("Thuế tỉnh Phú Thọ", "Thuế tỉnh Phú Thọ", OTHER),
        ],
    ),
    # written apart, forms counted on ../shared/real (17 "Ban Chỉ huy ...", 12 "Bộ CHQS"):
    # a command board is named by its topic, like a steering committee, and keeps its place
    (
        "Giao Ban Chỉ huy Phòng thủ dân sự tỉnh Lâm Đồng tổng hợp.",
        [
            (
                "Ban Chỉ huy Phòng thủ dân sự tỉnh Lâm Đồng",
                "Ban Chỉ huy Phòng thủ dân sự tỉnh Lâm Đồng",
                "committee",
            )
        ],
    ),
    ("Giao Bộ CHQS tỉnh chủ trì.", [("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh", OTHER)]),
    # dev news/pho-thu-tuong-van-chua-yen-tam-ve-suc-khoe-cua-doanh-nghiep: the heads of the
    # state groups and corporations, by their titles
    (
        "Chủ tịch, Tổng giám đốc các tập đoàn, tổng công ty nhà nước phải rà soát.",
        [
            (
                "Chủ tịch, Tổng giám đốc các tập đoàn, tổng công ty nhà nước",
                "Chủ tịch, Tổng giám đốc các tập đoàn, tổng công ty nhà nước",
                GROUP,
            )
        ],
    ),
]


@pytest.mark.parametrize(
    "sentence,expected", UNITS_OF_A_SERVICE, ids=[c[0][:50] for c in UNITS_OF_A_SERVICE]
)
def test_units_of_a_service_boards_and_a_firm_before_its_verb(sentence, expected, mentions):
    assert mentions(sentence) == expected


OWNED_GROUPS = [
    # dev official/adda847abe350742 (the form; 24 such groups on ../shared/real): the body
    # after "thuộc" owns the group's bodies and is part of its name
    (
        "Thủ trưởng các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh chịu trách nhiệm.",
        "Thủ trưởng các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
    ),
    # written apart
    ("Giao các đơn vị thuộc Bộ Tài chính thực hiện.", "đơn vị thuộc Bộ Tài chính"),
    (
        "Giao các đơn vị thuộc và trực thuộc Cục Hải quan Quảng Ninh thực hiện.",
        "đơn vị thuộc và trực thuộc Cục Hải quan Quảng Ninh",
    ),
    # a bare parent word owns them too; nothing after "thuộc" leaves the group as it was
    ("Giao các đơn vị thuộc Bộ thực hiện.", "đơn vị thuộc Bộ"),
    ("Giao các đơn vị thuộc diện sắp xếp thực hiện.", "đơn vị"),
]


@pytest.mark.parametrize("sentence,name", OWNED_GROUPS, ids=[c[0][:40] for c in OWNED_GROUPS])
def test_a_body_after_thuoc_owns_the_group(sentence, name):
    groups = [a.name for a in find_agencies(sentence) if a.type == GROUP]
    assert groups == [name]

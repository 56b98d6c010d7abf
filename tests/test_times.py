"""Time expressions: deadlines, their cues, and the article's own date.

Phrases come from công điện, thông báo kết luận, chỉ thị, kế hoạch task tables and
government news. Cases marked "seed" were tuned on corpora/seeds/.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from directive_extract import lexicon, messages
from directive_extract.mentions import times
from directive_extract.mentions.figures import find_figures
from directive_extract.mentions.times import (
    RefDate,
    TimeIndex,
    choose_deadline,
    find_times,
    infer_published,
    parse_published,
)
from directive_extract.mentions.times.rules import _rules

# phrase, article date, (deadline text, due, earliest, granularity, cue)
DEADLINES = [
    # seed
    (
        "khẩn trương ban hành Kế hoạch trước ngày 20/7/2024",
        "2024-07-10",
        ("trước ngày 20/7/2024", "2024-07-20", None, "day", "trước"),
    ),
    (
        "rà soát, báo cáo Chính phủ trước 30/5/2024",
        "2024",
        ("trước 30/5/2024", "2024-05-30", None, "day", "trước"),
    ),
    (
        "hoàn thành trong tháng 7/2024",
        "2024-07-10",
        ("trong tháng 7/2024", "2024-07-31", "2024-07-01", "month", "trong"),
    ),
    (
        "Trong quý 2/2024, Bộ Thông tin và Truyền thông báo cáo",
        "2024",
        ("Trong quý 2/2024", "2024-06-30", "2024-04-01", "quarter", "Trong"),
    ),
    (
        "xóa bỏ các vùng lõm sóng trước tháng 12/2024",
        "2024",
        ("trước tháng 12/2024", "2024-11-30", None, "month", "trước"),
    ),
    (
        "thông xe trước ngày 2/9",
        "2024-07-10",
        ("trước ngày 2/9", "2024-09-02", None, "day", "trước"),
    ),
    (
        "Phấn đấu đến năm 2025, 100% dịch vụ công",
        "2024-07-10",
        ("đến năm 2025", "2025-12-31", "2025-01-01", "year", "đến"),
    ),
    # days
    (
        "báo cáo Thủ tướng chậm nhất ngày 20/7/2024",
        None,
        ("chậm nhất ngày 20/7/2024", "2024-07-20", None, "day", "chậm nhất"),
    ),
    (
        "gửi Bộ Tài chính chậm nhất là ngày 15/10/2023",
        None,
        ("chậm nhất là ngày 15/10/2023", "2023-10-15", None, "day", "chậm nhất là"),
    ),
    ("hạn chót nộp hồ sơ 31/12/2025", None, ("31/12/2025", "2025-12-31", None, "day", None)),
    ("Hạn chót: 31/12/2025", None, ("Hạn chót: 31/12/2025", "2025-12-31", None, "day", "Hạn chót")),
    (
        "trình Thủ tướng trước ngày 08 tháng 12 năm 2025",
        None,
        ("trước ngày 08 tháng 12 năm 2025", "2025-12-08", None, "day", "trước"),
    ),
    (
        "báo cáo kết quả trước ngày 15-3-2024",
        None,
        ("trước ngày 15-3-2024", "2024-03-15", None, "day", "trước"),
    ),
    (
        "hoàn thành trước ngày 30.6.2024",
        None,
        ("trước ngày 30.6.2024", "2024-06-30", None, "day", "trước"),
    ),
    (
        "tổng hợp, báo cáo trước ngày 25/12 hằng năm",
        "2025-11-20",
        ("trước ngày 25/12 hằng năm", "2025-12-25", None, "day", "trước"),
    ),
    (
        "báo cáo trước ngày 15/12 hằng năm",
        "2025-12-20",
        ("trước ngày 15/12 hằng năm", "2026-12-15", None, "day", "trước"),
    ),
    (
        "gửi báo cáo trước ngày 20 hằng tháng",
        "2025-03-25",
        ("trước ngày 20 hằng tháng", "2025-04-20", None, "day", "trước"),
    ),
    (
        "hoàn thành trước ngày 15/1",
        "2024-12-05",
        ("trước ngày 15/1", "2025-01-15", None, "day", "trước"),
    ),
    ("trước ngày 29/2", "2024-01-10", ("trước ngày 29/2", "2024-02-29", None, "day", "trước")),
    (
        "trong vòng 10 ngày kể từ ngày ký",
        "2025-03-03",
        ("trong vòng 10 ngày", "2025-03-13", None, "day", "trong vòng"),
    ),
    (
        "trong thời hạn 30 ngày",
        "2025-01-15",
        ("trong thời hạn 30 ngày", "2025-02-14", None, "day", "trong thời hạn"),
    ),
    (
        "trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ",
        "2025-03-07",
        ("trong 05 ngày làm việc", "2025-03-14", None, "day", "trong"),
    ),
    (
        "chậm nhất 03 tháng kể từ ngày ban hành",
        "2024-11-30",
        ("chậm nhất 03 tháng", "2025-02-28", None, "day", "chậm nhất"),
    ),
    # months
    (
        "hoàn thành tháng 7/2024",
        None,
        ("tháng 7/2024", "2024-07-31", "2024-07-01", "month", "hoàn thành"),
    ),
    (
        "trong tháng 2/2024",
        None,
        ("trong tháng 2/2024", "2024-02-29", "2024-02-01", "month", "trong"),
    ),
    (
        "trong tháng 2/2023",
        None,
        ("trong tháng 2/2023", "2023-02-28", "2023-02-01", "month", "trong"),
    ),
    (
        "đưa vào vận hành trong tháng 9 năm 2025",
        None,
        ("trong tháng 9 năm 2025", "2025-09-30", "2025-09-01", "month", "trong"),
    ),
    (
        "hoàn thành trong tháng 10-2023",
        None,
        ("trong tháng 10-2023", "2023-10-31", "2023-10-01", "month", "trong"),
    ),
    ("Tháng 12/2025", None, ("Tháng 12/2025", "2025-12-31", "2025-12-01", "month", None)),
    (
        "trình Chính phủ trong tháng 8",
        "2024-07-10",
        ("trong tháng 8", "2024-08-31", "2024-08-01", "month", "trong"),
    ),
    (
        "hoàn thành cuối tháng 6/2025",
        None,
        ("cuối tháng 6/2025", "2025-06-30", "2025-06-21", "month", "hoàn thành"),
    ),
    (
        "hoàn thành trong tháng tới",
        "2024-12-10",
        ("trong tháng tới", "2025-01-31", "2025-01-01", "month", "trong"),
    ),
    # quarters and halves
    (
        "trong quý I năm 2026",
        None,
        ("trong quý I năm 2026", "2026-03-31", "2026-01-01", "quarter", "trong"),
    ),
    ("Quý I/2026", None, ("Quý I/2026", "2026-03-31", "2026-01-01", "quarter", None)),
    (
        "hoàn thành trong quý IV/2025",
        None,
        ("trong quý IV/2025", "2025-12-31", "2025-10-01", "quarter", "trong"),
    ),
    (
        "trong QUÝ III NĂM 2024",
        None,
        ("trong QUÝ III NĂM 2024", "2024-09-30", "2024-07-01", "quarter", "trong"),
    ),
    (
        "trình trong quý tới",
        "2024-11-02",
        ("trong quý tới", "2025-03-31", "2025-01-01", "quarter", "trong"),
    ),
    (
        "hoàn thành trong 6 tháng đầu năm 2025",
        None,
        ("trong 6 tháng đầu năm 2025", "2025-06-30", "2025-01-01", "half", "trong"),
    ),
    (
        "hoàn thành trong 6 tháng cuối năm",
        "2024-05-01",
        ("trong 6 tháng cuối năm", "2024-12-31", "2024-07-01", "half", "trong"),
    ),
    (  # written apart by a helper probing plans' tables: two quarters or months, one year
        "hoàn thành trong quý III-IV/2026",
        None,
        ("trong quý III-IV/2026", "2026-12-31", "2026-07-01", "quarter", "trong"),
    ),
    (
        "hoàn thành trong quý I và quý II năm 2026",
        None,
        ("trong quý I và quý II năm 2026", "2026-06-30", "2026-01-01", "quarter", "trong"),
    ),
    (
        "hoàn thành trong tháng 11, 12/2025",
        None,
        ("trong tháng 11, 12/2025", "2025-12-31", "2025-11-01", "month", "trong"),
    ),
    (  # written apart: a count of months with a leading zero, as in plans' tables
        "hoàn thành trong 06 tháng đầu năm 2026",
        None,
        ("trong 06 tháng đầu năm 2026", "2026-06-30", "2026-01-01", "half", "trong"),
    ),
    (
        "hoàn thành trong 06 tháng cuối năm 2026",
        None,
        ("trong 06 tháng cuối năm 2026", "2026-12-31", "2026-07-01", "half", "trong"),
    ),
    (
        "hoàn thành trong nửa đầu năm 2026",
        None,
        ("trong nửa đầu năm 2026", "2026-06-30", "2026-01-01", "half", "trong"),
    ),
    # years and periods
    (
        "hoàn thành trong năm 2024",
        None,
        ("trong năm 2024", "2024-12-31", "2024-01-01", "year", "trong"),
    ),
    (
        "đến hết năm 2024 đạt tỷ lệ 80%",
        None,
        ("đến hết năm 2024", "2024-12-31", "2024-01-01", "year", "đến"),
    ),
    ("Năm 2026", None, ("Năm 2026", "2026-12-31", "2026-01-01", "year", None)),
    (
        "hoàn thành trong năm nay",
        "2024-03-01",
        ("trong năm nay", "2024-12-31", "2024-01-01", "year", "trong"),
    ),
    (
        "trình Quốc hội trong năm tới",
        "2024-03-01",
        ("trong năm tới", "2025-12-31", "2025-01-01", "year", "trong"),
    ),
    (
        "hoàn thành đến hết năm",
        "2024-03-01",
        ("đến hết năm", "2024-12-31", "2024-01-01", "year", "đến"),
    ),
    (
        "hoàn thành trước cuối năm 2025",
        None,
        ("trước cuối năm 2025", "2025-12-31", "2025-10-01", "year", "trước"),
    ),
    (
        "đưa vào sử dụng cuối năm 2025",
        None,
        ("cuối năm 2025", "2025-12-31", "2025-10-01", "year", None),
    ),
    (
        "giai đoạn 2026-2030",
        None,
        ("giai đoạn 2026-2030", "2030-12-31", "2026-01-01", "year", None),
    ),
    (
        "thực hiện trong giai đoạn 2026 - 2030",
        "2025-03-03",
        ("trong giai đoạn 2026 - 2030", "2030-12-31", "2026-01-01", "year", "trong"),
    ),
    ("trước năm 2030", None, ("trước năm 2030", "2029-12-31", None, "year", "trước")),
    (  # dev news/tphcm-trien-khai-5-nhom-giai-phap-ho-tro-doanh-nghiep: "hết" is the cue
        "TPHCM phấn đấu hết tháng 8/2020 sẽ rà soát",
        "2020-07",
        ("hết tháng 8/2020", "2020-08-31", "2020-08-01", "month", "hết"),
    ),
    (
        "nộp hồ sơ hết ngày 30/6/2024",
        "2024-06-01",
        ("hết ngày 30/6/2024", "2024-06-30", None, "day", "hết"),
    ),
    (  # dev news/f0a9e4384b29dedd (a Thursday): the first such day after the article's
        "báo cáo Ban Chỉ đạo về tiến độ thực hiện nhiệm vụ trước 12h00 thứ Năm hằng tuần.",
        "2025-05-22",
        ("trước 12h00 thứ Năm hằng tuần", "2025-05-29", None, "day", "trước"),
    ),
    (
        "giao ban vào sáng thứ Hai hàng tuần",
        "2024-07-10",
        ("vào sáng thứ Hai hàng tuần", "2024-07-15", None, "day", "vào"),
    ),
    (
        "gửi số liệu trước ngày Chủ nhật hằng tuần",
        "2024-07-14",
        ("trước ngày Chủ nhật hằng tuần", "2024-07-21", None, "day", "trước"),
    ),
]


@pytest.mark.parametrize(("phrase", "published", "expected"), DEADLINES)
def test_deadline(phrase: str, published: str | None, expected: tuple) -> None:
    chosen = choose_deadline(find_times(phrase, ref=times.parse_published(published)), bare_ok=True)
    assert chosen is not None
    assert phrase[chosen.start : chosen.end] == chosen.text
    text, due, earliest, granularity, cue = expected
    deadline = chosen.to_deadline()
    assert (deadline.text, deadline.due, deadline.earliest, deadline.granularity, chosen.cue) == (
        text,
        due,
        earliest,
        granularity,
        cue,
    )


# Not deadlines of a task: reported dates, standing duties, exhortations.
NO_DEADLINE = [
    ("Ngày 27/4/2022, Thủ tướng chủ trì phiên họp", "2022-04-27"),  # seed
    ("Chiều 10/7, Thủ tướng chủ trì phiên họp", "2024-07-10"),  # seed
    ("sơ kết 6 tháng đầu năm 2024 về chuyển đổi số", "2024-07-10"),  # seed
    ("xử lý các nhiệm vụ quá hạn, tồn đọng trong giai đoạn 2023 - 2024", "2024-07-10"),  # seed
    ("trình ban hành Chiến lược phát triển ngành bán dẫn đến năm 2030", "2024"),  # seed
    ("Đề án phát triển nguồn nhân lực đến năm 2030, định hướng đến năm 2045", "2024"),  # seed
    ("thực hiện ngay các giải pháp", "2024"),
    ("khẩn trương hoàn thiện hồ sơ", "2024"),
    ("sớm trình Chính phủ", "2024"),
    ("trong thời gian tới tiếp tục triển khai", "2024"),
    ("báo cáo định kỳ hằng năm", "2024"),
    ("thực hiện thường xuyên", "2024"),
    ("từ ngày 1/7/2024 áp dụng", "2024-06-01"),
    ("Trong 6 tháng, Chính phủ đã ban hành 8 nghị định", "2024-07-10"),
    ("doanh thu quý 1/2024 tăng 17,7%", "2024-07-10"),
    # dev official/405a6cabda393030.md: the year says which tasks, not when they are due
    ("đối với các nhiệm vụ được giao trong năm 2025, tiếp tục rà soát kỹ", "2025-11-29"),
    ("rà soát các văn bản được ban hành trong năm 2025", "2025-03-01"),  # written apart
    ("đã hoàn thành 95% kế hoạch năm 2025", "2025-10-08"),  # a figure: a report
    ("hoàn thành kế hoạch năm 2024, tăng 5%", "2025-02-01"),  # a year gone by
    # dev news/phan-dau-tang-truong-gdp-7-nam-trong-10-nam-toi.md (batch Z): the next ten
    # years, not next year
    ("Phấn đấu tăng trưởng GDP 7%/năm trong 10 năm tới", "2020-11-10"),
]


@pytest.mark.parametrize(
    ("phrase", "read"),
    [
        ("phấn đấu đến tháng 12 năm tới", ("năm tới", "2026-12-31")),  # a month, no count
        ("hoàn thành trước ngày 15 tháng tới", ("tháng tới", "2025-04-30")),  # a day
        ("báo cáo trong 10 năm tới", None),  # counted: the next ten years
    ],
)
def test_a_relative_word_after_a_number_is_read_unless_the_number_counts(phrase, read):
    """Written apart, after a second read: "năm tới" after "tháng 12" is next year."""
    found = find_times(phrase, ref=times.parse_published("2025-03-01"))
    relative = [(m.text, m.due.isoformat()) for m in found if m.text.endswith("tới")]
    assert relative == ([read] if read else [])


@pytest.mark.parametrize(("phrase", "published"), NO_DEADLINE)
def test_no_deadline(phrase: str, published: str) -> None:
    assert choose_deadline(find_times(phrase, ref=times.parse_published(published))) is None


@pytest.mark.parametrize(
    ("phrase", "published", "due"),
    [
        # dev news/f0a9e4384b29dedd: a day that recurs
        ("Cập nhật tiến độ, báo cáo Bộ trưởng thứ Năm hằng tuần về", "2025-05-22", "2025-05-29"),
        ("tổ chức giao ban ngày 25 hằng tháng", "2025-05-22", "2025-05-25"),
        (  # dev news/ce3ad2b0a9b71e61: the year of what a verb completes
            "tập trung đẩy mạnh các dự án, hoàn thành chỉ tiêu nhà ở xã hội năm 2025, chịu",
            "2025-10-08",
            "2025-12-31",
        ),
        ("hoàn tất kế hoạch năm nay", "2024-03-01", "2024-12-31"),
    ],
)
def test_due_without_a_cue(phrase: str, published: str, due: str) -> None:
    chosen = choose_deadline(find_times(phrase, ref=parse_published(published)))
    assert chosen is not None and chosen.due.isoformat() == due


def test_a_weekly_day_needs_the_articles_day() -> None:
    assert find_times("báo cáo thứ Năm hằng tuần", ref=RefDate(2025, 5)) == []


def test_governed_beats_reported_dates() -> None:
    text = "Ngày 27/4/2022, Thủ tướng yêu cầu hoàn thành trong quý II năm 2022."  # seed
    chosen = choose_deadline(find_times(text, ref=RefDate(2022, 4, 27)))
    assert chosen is not None
    assert (chosen.text, chosen.due) == ("trong quý II năm 2022", date(2022, 6, 30))


def test_impossible_date_warns_and_gives_nothing() -> None:
    warnings: list[str] = []
    assert find_times("hoàn thành trước ngày 31/11/2024", warnings=warnings) == []
    assert warnings == [messages.IMPOSSIBLE_DATE.format(text="trước ngày 31/11/2024")]


def test_year_less_date_needs_a_reference() -> None:
    assert find_times("trước ngày 2/9") == []


def test_offsets_are_absolute() -> None:
    text = "Mở đầu. Hoàn thành trước ngày 20/7/2024."
    (match,) = find_times(text, start=8)
    assert text[match.start : match.end] == match.text == "trước ngày 20/7/2024"


PUBLISHED = [
    ("14:02 26/07/2023\nHội nghị trực tuyến toàn quốc về chuyển đổi số", "2023-07-26"),  # seed
    (
        "Thứ bảy, ngày 3 tháng 6 năm 2023\nEnglish\nNgày 27/04/2022-13:00:00 PM\nPhiên họp",
        "2022-04-27",
    ),  # seed
    (" date 2024-07 Chủ trì hội nghị, Thủ tướng yêu cầu", "2024-07"),  # seed
    ("Chiều 10/7, Thủ tướng chủ trì phiên họp sơ kết 6 tháng đầu năm 2024.", "2024-07-10"),  # seed
    ("Thủ tướng đề nghị năm 2024 hoàn thành; so với năm 2023 tăng; năm 2024 đạt.", "2024"),
    ("CÔNG ĐIỆN\nHà Nội, ngày 03 tháng 3 năm 2025\nTHỦ TƯỚNG CHÍNH PHỦ điện", "2025-03-03"),
    ("UBND TỈNH GIA LAI\nGia Lai, ngày 15 tháng 01 năm 2024\nKẾ HOẠCH", "2024-01-15"),
    ("(Chinhphu.vn) - Sáng ngày 12/7/2023, Thủ tướng chủ trì hội nghị.", "2023-07-12"),
    ("Thứ tư, 26/07/2023 14:02 (GMT+7)\nTin tức", "2023-07-26"),
    ("Thứ bảy, ngày 3 tháng 6 năm 2023\nTin không có ngày", "2023-06-03"),
    ("Không có ngày tháng nào ở đây.", None),
    (  # dev news/f0a9e4384b29dedd: an hour in a paragraph makes it no byline
        "Đôn đốc bảo đảm tiến độ thực hiện Kế hoạch số 447/KH-CP ngày 17/5/2025 của Chính"
        " phủ; ban hành văn bản trước 08h00 ngày 20/5/2025.\n"
        "Ngày giờ đăng bài viết gốc: 09:45 22/05/2025",
        "2025-05-22",
    ),
    (  # dev news/bo-nhiem-ke-toan-truong-...: years in cited documents' numbers
        "Theo điều 19 Nghị định 174/2016/NĐ-CP và số 88/2015/QH13 Luật Kế toán, kế toán"
        " trưởng phải có chứng chỉ.",
        None,
    ),
    (  # dev news/409d768a135e7fcc: a date with no "ngày" names an occasion, not the event
        "Chính phủ yêu cầu chuẩn bị tổ chức diễu binh duyệt binh 2/9/2025\n"
        "Tại Nghị quyết phiên họp Chính phủ thường kỳ tháng 4 năm 2025 đã được ban hành.",
        "2025",
    ),
    # written apart (probe): the date a task is due by is no date of writing, and taken for
    # one it would push a later yearless deadline ("trước ngày 20/3") into the next year
    ("Giao Bộ Tài chính trình Chính phủ trước ngày 30/6/2025.", "2025"),
    (
        "Giao Bộ Tài chính hoàn thành đề án chậm nhất ngày 15/12/2025. Giao Bộ Xây dựng báo"
        " cáo trước ngày 20/3.",
        "2025",
    ),
    # a hard-wrapped cue before a year (found reading dev pages as clean text): its words
    # parted by a line break are still the cue, and no error
    ("Các dự án phải vận hành đến\nhết năm 2026. Năm 2024 và năm 2024.", "2024"),
    (  # dev news/vamc-phai-van-hanh-san-giao-dich-no-truoc-nam-2026 (batch Z): a year a
        # task is due by, in the headline and its image, is no year of writing
        "VAMC phải vận hành Sàn giao dịch nợ trước năm 2026\nVAMC phải vận hành Sàn giao"
        " dịch nợ trước năm 2026\nĐến hết năm 2020, VAMC phải hoàn thành xử lý nợ xấu."
        " Cũng trong giai đoạn 2019-2020, NHNN đặt mục tiêu phát triển thị trường.",
        "2020",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PUBLISHED)
def test_infer_published(text: str, expected: str | None) -> None:
    assert infer_published(text) == expected


def test_infer_published_skips_chrome_spans() -> None:
    text = "14:02 26/07/2023\nTin: năm 2022 tăng trưởng"
    assert infer_published(text, skip=[(0, 16)]) == "2022"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024", RefDate(2024)), ("2024-07", RefDate(2024, 7)), ("", None), ("July", None)],
)
def test_parse_published(value: str, expected: RefDate | None) -> None:
    assert times.parse_published(value) == expected


# --------------------------------------------------------------------------- properties

_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))


@settings(max_examples=150, deadline=None)
@given(_DAYS, st.sampled_from(["/", "-", "."]), st.booleans())
def test_formatted_dates_round_trip(day: date, separator: str, padded: bool) -> None:
    fmt = "{:02d}" if padded else "{}"
    written = separator.join([fmt.format(day.day), fmt.format(day.month), str(day.year)])
    (match,) = find_times(f"hoàn thành trước ngày {written}.")
    assert match.due == day
    assert match.text == f"trước ngày {written}"


@settings(max_examples=100, deadline=None)
@given(st.integers(1990, 2099), st.integers(1, 12))
def test_months_end_on_their_last_day(year: int, month: int) -> None:
    (match,) = find_times(f"trong tháng {month}/{year}")
    assert match.due.month == month
    assert (match.due + timedelta(days=1)).month != month


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789/.-: ,ngàytháquýI\n")), max_size=80))
def test_never_raises_and_offsets_hold(text: str) -> None:
    warnings: list[str] = []
    for match in find_times(text, ref=RefDate(2024, 7, 10), warnings=warnings):
        assert text[match.start : match.end] == match.text
    infer_published(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text(text: str) -> None:
    for match in find_times(text, ref=RefDate(2024)):
        assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("hoàn thành trước 17 giờ ngày 27 tháng 10 năm 2024", "2024-10-27"),
        ("báo cáo trước 9h30 ngày 5/3/2025", "2025-03-05"),
    ],
)
def test_a_time_of_day_between_the_cue_and_the_date(phrase, due):
    # Written for this test (a dispatch's "trước 17 giờ ngày ..."); the hour is no figure.
    chosen = choose_deadline(find_times(phrase, ref=parse_published("2024")))
    assert chosen is not None and chosen.due.isoformat() == due
    assert find_figures(phrase) == []


# Pieces whose neighbours decide what a time rule reads: a year on the next words or
# line, "/" and "-" after a date, a cue or "kể từ" around a span of time, "qua" after it.
_PIECES = [
    "ngày 05 tháng 01 năm",
    "2024",
    "\n",
    " ",
    ", ",
    ". ",
    "/",
    "-",
    ";",
    "trước ngày 20/7/2024",
    "15/3",
    "quý I/2025",
    "cuối năm",
    "trong vòng 10 ngày làm việc",
    " kể từ ngày 1/3/2024",
    "năm nay",
    "đến năm 2030",
    "tầm nhìn",
    "chậm nhất",
    "9h30",
    "Bộ Y tế",
    "hết tháng 8",
    "thứ Năm hằng tuần",
    # words read after a match (index._READ_AFTER) and words none reads
    "trong 5 ngày",
    " qua",
    " vừa qua",
    "tiếp theo",
    " nay",
    " tới",
    " làm việc",
    " hằng năm",
    "thực hiện",
    " vừa",
]


#: Texts whose later words a time rule reads after a match (index._READ_AFTER): every
#: span of them is checked, so a span that ends before each of those words is.
_READ_ON = [
    "Hoàn thành trong 5 ngày qua, trong vòng 10 ngày vừa qua.",
    "Họp ngày 5 tháng 1, năm 2024; 6 tháng đầu năm nay, quý I năm tới.",
    "Xong trong 3 ngày làm việc, kể từ ngày 1/3/2024; ngày 20/7 hằng năm.",
]


@pytest.mark.parametrize("text", _READ_ON)
def test_the_index_answers_for_every_span_before_words_read_after_a_match(text: str):
    index = TimeIndex.scan(text, RefDate(2024, 7, 10), [(0, len(text))])
    for start in range(0, len(text), 4):
        for end in range(start, len(text) + 1):
            found = find_times(text, start, end, RefDate(2024, 7, 10))
            assert index.within(start, end) == found, (start, end)
            assert index.spans(start, end) == times.time_spans(text, start, end), (start, end)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_the_index_answers_as_a_scan_of_the_span(pieces: list[str], first: int, last: int):
    # TimeIndex shares one scan per paragraph; every span must read as if scanned alone.
    text = "".join(pieces)
    lines = [(found.start(), found.end()) for found in regex.finditer(r"[^\n]++", text)]
    index = TimeIndex.scan(text, RefDate(2024, 7, 10), lines)
    start, end = sorted((first % (len(text) + 1), last % (len(text) + 1)))
    scanned_alone: list[str] = []
    indexed: list[str] = []
    assert index.within(start, end, indexed) == find_times(
        text, start, end, RefDate(2024, 7, 10), scanned_alone
    )
    assert indexed == scanned_alone
    assert index.spans(start, end) == times.time_spans(text, start, end)


def _time_words() -> list[str]:
    found = {
        variant
        for row in lexicon.load("time_words")
        for variant in lexicon.split_variants(row["variants"])
    }
    return sorted(found | {row["cue"] for row in lexicon.load("time_cues")})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_time_words(), "I", "IV", "20", "7", "2024", ",", "/", "-", ".", "\n"]),
        max_size=12,
    ),
    st.sampled_from([" ", "", "/"]),
)
def test_a_rule_finds_nothing_where_what_it_needs_is_missing(pieces: list[str], glue: str):
    # A paragraph without what a rule needs (a digit, a day and month in figures, the word
    # of its period) is not scanned with it (find._scan).
    text = glue.join(pieces)
    found = [
        rule.name
        for rule in _rules()
        if rule.needs is not None and not rule.needs.search(text) and rule.pattern.search(text)
    ]
    assert found == []
    # the needed words are looked for in the casefolded text first: found wherever the
    # pattern of what the rule needs is, in capitals too
    for written in (text, text.upper()):
        folded = written.casefold()
        assert [
            rule.name
            for rule in _rules()
            if rule.needs_words
            and rule.needs.search(written)
            and not any(all(word in folded for word in phrase) for phrase in rule.needs_words)
        ] == []

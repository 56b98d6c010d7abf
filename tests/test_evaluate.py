"""The evaluation arithmetic on a tiny hand-made gold/prediction pair."""

import pytest

from directive_extract.evaluate import Score, score_document
from directive_extract.models import Agency, Deadline, Directive, Document, Figure

TEXT = (
    "Thủ tướng giao Bộ TT&TT chủ trì, phối hợp với các bộ, ngành hoàn thành đề án trước ngày "
    "20/7/2024. Bộ Y tế rà soát quy định. Chính phủ đã ban hành 8 nghị định. "
    "Phấn đấu đến năm 2025, 100% dịch vụ công trực tuyến toàn trình. Doanh thu tăng 26%."
)


def _agency(name):
    return Agency(name=name, mention=name)


def _directive(clause, lead=(), support=(), due=None, targets=()):
    start = TEXT.index(clause)
    deadline = Deadline(text="x", start=0, end=1, due=due, granularity="day") if due else None
    return Directive(
        id=str(start),
        text=clause,
        start=start,
        end=start + len(clause),
        lead=[_agency(n) for n in lead],
        support=[_agency(n) for n in support],
        deadline=deadline,
        targets=list(targets),
    )


def _figure(value, role, unit="%", year=None):
    return Figure(text="x", start=0, end=1, value=value, unit=unit, role=role, year=year)


GOLD = {
    "doc": "a.txt",
    "published": "2024",
    "directives": [
        {
            "key": "hoàn thành đề án trước ngày 20/7/2024",
            "required": True,
            "lead": ["Bộ Thông tin và Truyền thông"],
            "support": ["bộ, ngành"],
            "deadline": "2024-07-20",
            "deadline_text": "trước ngày 20/7/2024",
        },
        {
            "key": "Bộ Y tế rà soát quy định",
            "required": True,
            "lead": ["Bộ Y tế"],
            "support": [],
            "deadline": None,
            "deadline_text": None,
        },
        {
            "key": "100% dịch vụ công trực tuyến toàn trình",
            "required": False,
            "lead": [],
            "support": [],
            "deadline": "2025-12-31",
            "deadline_text": "đến năm 2025",
        },
    ],
    "targets": [{"key": "x", "value": 100, "unit": "%", "year": 2025, "comparator": "="}],
    "percentages": [
        {"key": "x", "value": 100, "value_max": None, "role": "target"},
        {"key": "y", "value": 26, "value_max": None, "role": "reported"},
    ],
}


def test_scores_follow_the_matching_rules():
    predicted = Document(
        doc_id="d",
        source="a.txt",
        published="2024",
        text=TEXT,
        directives=[
            # Pairs with the first entry; abbreviation and leading "các" do not matter.
            _directive(
                "Thủ tướng giao Bộ TT&TT chủ trì, phối hợp với các bộ, ngành hoàn thành "
                "đề án trước ngày 20/7/2024",
                lead=["Bộ TT&TT"],
                support=["các bộ, ngành"],
                due="2024-07-20",
            ),
            # Pairs with a non-required entry: neither rewarded nor punished.
            _directive(
                "Phấn đấu đến năm 2025, 100% dịch vụ công trực tuyến toàn trình",
                targets=[_figure(100, "target", year=2025)],
            ),
            # Pairs with nothing: a false positive.
            _directive("Chính phủ đã ban hành 8 nghị định", lead=["Chính phủ"]),
        ],
        figures=[_figure(100, "target", year=2025), _figure(26, "target")],
    )
    report = score_document(predicted, GOLD)
    scores = report.scores
    assert (scores["directives"].tp, scores["directives"].fp, scores["directives"].fn) == (1, 1, 1)
    assert (scores["lead"].tp, scores["lead"].fp, scores["lead"].fn) == (1, 0, 0)
    # Bodies are compared one by one: "các bộ, ngành" lists two.
    assert (scores["support"].tp, scores["support"].fp, scores["support"].fn) == (2, 0, 0)
    assert (scores["deadline"].tp, scores["deadline"].fp, scores["deadline"].fn) == (1, 0, 0)
    assert (scores["targets"].tp, scores["targets"].fp, scores["targets"].fn) == (1, 0, 0)
    # 26% predicted as a target: one false positive and one miss.
    assert (scores["percentages"].tp, scores["percentages"].fp, scores["percentages"].fn) == (
        1,
        1,
        1,
    )
    assert report.published["right"] == 1
    assert report.misses == ["a.txt: missed 'Bộ Y tế rà soát quy định'"]


def test_one_prediction_pairs_with_one_gold_entry_only():
    both = (
        "Thủ tướng giao Bộ TT&TT chủ trì, phối hợp với các bộ, ngành hoàn thành đề án trước ngày "
        "20/7/2024. Bộ Y tế rà soát quy định"
    )
    document = Document(
        doc_id="d",
        source="a.txt",
        text=TEXT,
        directives=[
            Directive(id="1", text=both, start=0, end=len(both)),
        ],
    )
    scores = score_document(document, GOLD).scores
    assert (scores["directives"].tp, scores["directives"].fp, scores["directives"].fn) == (1, 0, 1)


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "f1"), [(0, 0, 0, 1.0), (1, 1, 0, 2 / 3), (0, 2, 3, 0.0), (3, 1, 1, 0.75)]
)
def test_f1(tp, fp, fn, f1):
    assert Score(tp, fp, fn).f1 == pytest.approx(f1)


NAMES_ALIKE = [
    ("Ủy ban nhân dân tỉnh Quảng Ninh", "tỉnh Quảng Ninh"),  # ANNOTATION: a province acting
    ("Chủ tịch UBND tỉnh Sóc Trăng", "Ủy ban nhân dân tỉnh Sóc Trăng"),
    ("các Bộ TT&TT", "Bộ Thông tin và Truyền thông"),
    ("các tỉnh, thành phố trực thuộc Trung ương", "tỉnh, thành phố"),
]


@pytest.mark.parametrize(("predicted", "gold"), NAMES_ALIKE)
def test_names_annotation_calls_the_same_answer_compare_equal(predicted, gold):
    from directive_extract.evaluate import bodies

    assert bodies(predicted) == bodies(gold)
    assert bodies(predicted) != bodies("Hội đồng nhân dân tỉnh Quảng Ninh")

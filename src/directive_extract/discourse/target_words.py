"""The words of ``data/target_cues.tsv`` as the patterns and unit sets that
:mod:`.targets` reads figures with."""

from __future__ import annotations

from functools import cache

import regex

from directive_extract import lexicon
from directive_extract.lexicon import alternation

FLAGS = regex.IGNORECASE
REPORTED_WINDOW = 40  # how far after a figure "so với" still compares it
REACH_GAP = 2  # syllables that may stand between a word of reaching and its quantity
REACH_WINDOW = 40  # characters looked at before a figure for its word of reaching
#: Syllables that may name what a goal word sets before its quantity ("chỉ tiêu thu ngân
#: sách 62.000 tỷ đồng", "dự toán thu nội địa 38.000 tỷ đồng").
GOAL_GAP = 5
#: Syllables that may name the next item of a list after a quantity and its comma ("...
#: đạt 10 triệu tấn, lợi nhuận sau thuế 15.000 tỷ đồng").
ITEM_GAP = 5


#: How many words may stand between a plan's word and the year it names ("chỉ tiêu kế
#: hoạch năm 2022").
PLAN_GAP = 4


def _words(*kinds: str) -> str:
    """An alternation of the words of ``target_cues.tsv`` of these kinds."""
    return alternation(row["word"] for row in lexicon.load("target_cues") if row["kind"] in kinds)


def _quota(setting: bool = True) -> str:
    """A quota word that is no syllable of another word ("được giao", not "được giao
    dịch"); ``setting``: before the amount, the measure or the verb of reaching it sets
    ("được giao 4.430 tỷ đồng", "được giao chỉ tiêu ...", "được giao tổ chức 25 lớp";
    not "được giao đất", "được giao phụ trách 3 xã"), which a pattern ending at the
    amount cannot look ahead to see."""
    compound, measure = _words("quota_compound"), _words("quota_measure", "reach")
    word = rf"{_words('quota')}(?!\s++{compound}(?!\w))"
    return rf"{word}(?=\s++(?:\d|{measure}(?!\w)))" if setting else word


@cache
def target_patterns() -> dict[str, regex.Pattern]:
    """The patterns :mod:`.targets` reads with, by name: cue words, and what stands
    around a figure."""
    return _cue_patterns() | _around_figures()


def _cue_patterns() -> dict[str, regex.Pattern]:
    """Words that set, report or name who sets a goal, found anywhere in a span."""
    past = _words("past")
    quota = _quota()
    return (
        {
            kind: regex.compile(rf"(?<!\w)(?<!{past}\s+)(?:{cue})(?!\w)", FLAGS)
            for kind, cue in (
                ("sentence", _words("sentence")),
                ("clause", f"{_words('clause')}|{quota}"),
                ("goal", f"{_words('goal')}|{quota}"),  # a quota is a goal another sets
                ("quota", quota),
                ("firm_measure", _words("firm_measure")),
            )
        }
        | {
            kind: regex.compile(rf"(?<!\w){_words(kind)}(?!\w)", FLAGS)
            for kind in ("plan_told", "now", "topic", "this_year")
        }
        | {
            # as written: a capital is a name's ("Công ty Cổ phần Thông tin di động ...")
            "said": regex.compile(rf"(?<!\w){_words('said')}(?!\w)"),
            "compared": regex.compile(rf"(?<!\w){_words('reported_after')}(?!\w)", FLAGS),
            "reach_any": regex.compile(rf"(?<!\w){_words('reach')}(?!\w)", FLAGS),
            "past": regex.compile(rf"(?<!\w){past}(?!\w)", FLAGS),
            "owner": regex.compile(rf"\s*+{_words('owner')}\s++({_words('firm')})(?!\w)", FLAGS),
            "firm": regex.compile(rf"{_words('firm')}(?!\w)", FLAGS),
            "goal_setter": regex.compile(
                rf"(?:{_words('goal_setter')}|{province_names()})(?!\w)", FLAGS
            ),
        }
    )


def _around_figures() -> dict[str, regex.Pattern]:
    """Words matched right before or right after a figure, or between two."""
    words, word = _words, r"[^\W\d]++"
    return {
        "reported_after": regex.compile(
            rf"[^,;.()\n\d]{{0,{REPORTED_WINDOW}}}?(?<!\w){words('reported_after')}(?!\w)", FLAGS
        ),
        "base": regex.compile(rf"(?<!\w){words('reported_after')}\s*+$", FLAGS),
        "plan_base": regex.compile(rf"\s*+{words('plan_base')}(?!\w)", FLAGS),
        "plan_named": regex.compile(
            rf"(?<!\w){words('plan_base')}(?:\s++{word}){{0,{PLAN_GAP}}}\s++$", FLAGS
        ),
        "per": regex.compile(rf"(?:\s++{word}){{0,2}}\s*+{words('per')}\s*+", FLAGS),
        "from": regex.compile(rf"(?<!\w){words('from')}\s*+$", FLAGS),
        "onto": regex.compile(rf"\s*+(?:{words('onto')})(?!\w)", FLAGS),
        "onto_before": regex.compile(
            rf"(?<!\w)(?:{words('onto')})(?:\s++{word}){{0,{REACH_GAP}}}\s*+$", FLAGS
        ),
        "limit_before": regex.compile(rf"(?<!\w){words('limit_before')}(?!\w)[^,;.()\n]*+$", FLAGS),
        "limit_after": regex.compile(rf"\s*+{words('limit_after')}(?!\w)", FLAGS),
        "goal_reach": regex.compile(
            rf"(?<!\w)(?:{words('goal')}|{_quota(setting=False)})"
            rf"(?:\s++(?!{words('goal_gap_stop')}(?!\w)){word}){{0,{GOAL_GAP}}}\s*+$",
            FLAGS,
        ),
        "reach": regex.compile(
            rf"(?<!\w)(?:{words('reach')})(?:\s++{word}){{0,{REACH_GAP}}}\s*+$", FLAGS
        ),
        "listed": regex.compile(
            rf"\s*+,\s*+(?!{words('part_of')}(?!\w))(?:{word}\s++){{1,{ITEM_GAP}}}", FLAGS
        ),
        "joins": regex.compile(
            rf"[^.;:\n]{{0,{2 * REACH_WINDOW}}}?(?<![0-9]\s?)(?:{words('joins')})\s*+$", FLAGS
        ),
        "describes_before": regex.compile(rf"(?<!\w){words('describes_before')}\s*+$", FLAGS),
    }


def province_names() -> str:
    """The names of provinces, which set the goals of local government ("Hà Nội đặt mục
    tiêu ...")."""
    rows = lexicon.load("provinces")
    names = [row["name"] for row in rows]
    names += [variant for row in rows for variant in row["variants"].split("|") if variant]
    return alternation(names)


@cache
def target_units(kind: str) -> frozenset[str]:
    """Units of a kind: ``describes_unit``, whose figures describe what a task is about
    ("220 kV", "24 tháng tuổi"); ``time_unit``, spans of time."""
    rows = lexicon.load("target_cues")
    return frozenset(row["word"].casefold() for row in rows if row["kind"] == kind)

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


#: How many words may stand between a plan's word and the year it names ("chỉ tiêu kế
#: hoạch năm 2022").
PLAN_GAP = 4


@cache
def target_patterns() -> dict[str, regex.Pattern]:
    rows = lexicon.load("target_cues")

    def words(*kinds: str) -> str:
        return alternation(row["word"] for row in rows if row["kind"] in kinds)

    past = words("past")
    quota = rf"{words('quota')}(?!\s++{words('quota_compound')}(?!\w))"  # not "giao dịch"
    return {
        kind: regex.compile(rf"(?<!\w)(?<!{past}\s+)(?:{cue})(?!\w)", FLAGS)
        for kind, cue in (
            ("sentence", words("sentence")),
            ("clause", f"{words('clause')}|{quota}"),
            ("goal", f"{words('goal')}|{quota}"),  # a quota is a goal another sets
            ("quota", quota),
            ("firm_measure", words("firm_measure")),
        )
    } | {
        "reported_after": regex.compile(
            rf"[^,;.()\n\d]{{0,{REPORTED_WINDOW}}}?(?<!\w){words('reported_after')}(?!\w)", FLAGS
        ),
        "base": regex.compile(rf"(?<!\w){words('reported_after')}\s*+$", FLAGS),
        "compared": regex.compile(rf"(?<!\w){words('reported_after')}(?!\w)", FLAGS),
        "plan_base": regex.compile(rf"\s*+{words('plan_base')}(?!\w)", FLAGS),
        "plan_told": regex.compile(rf"(?<!\w){words('plan_told')}(?!\w)", FLAGS),
        "plan_named": regex.compile(
            rf"(?<!\w){words('plan_base')}(?:\s++[^\W\d]++){{0,{PLAN_GAP}}}\s++$", FLAGS
        ),
        "per": regex.compile(rf"\s*+{words('per')}\s*+", FLAGS),
        "from": regex.compile(rf"(?<!\w){words('from')}\s*+$", FLAGS),
        "onto": regex.compile(rf"\s*+(?:{words('onto')})(?!\w)", FLAGS),
        "limit_before": regex.compile(rf"(?<!\w){words('limit_before')}(?!\w)[^,;.()\n]*+$", FLAGS),
        "limit_after": regex.compile(rf"\s*+{words('limit_after')}(?!\w)", FLAGS),
        "now": regex.compile(rf"(?<!\w){words('now')}(?!\w)", FLAGS),
        "owner": regex.compile(rf"\s*+{words('owner')}\s++({words('firm')})(?!\w)", FLAGS),
        "firm": regex.compile(rf"{words('firm')}(?!\w)", FLAGS),
        "goal_reach": regex.compile(
            rf"(?<!\w)(?:{words('goal')}|{quota})"
            rf"(?:\s++(?!{words('goal_gap_stop')}(?!\w))[^\W\d]++){{0,{GOAL_GAP}}}\s*+$",
            FLAGS,
        ),
        "reach": regex.compile(
            rf"(?<!\w)(?:{words('reach')})(?:\s++[^\W\d]++){{0,{REACH_GAP}}}\s*+$", FLAGS
        ),
        "joins": regex.compile(
            rf"[^.;:\n]{{0,{2 * REACH_WINDOW}}}?(?<![0-9]\s?)(?:{words('joins')})\s*+$", FLAGS
        ),
        "topic": regex.compile(rf"(?<!\w){words('topic')}(?!\w)", FLAGS),
        "reach_any": regex.compile(rf"(?<!\w){words('reach')}(?!\w)", FLAGS),
        "past": regex.compile(rf"(?<!\w){past}(?!\w)", FLAGS),
        "describes_before": regex.compile(rf"(?<!\w){words('describes_before')}\s*+$", FLAGS),
        "this_year": regex.compile(rf"(?<!\w){words('this_year')}(?!\w)", FLAGS),
        "goal_setter": regex.compile(
            rf"(?:{words('goal_setter')}|{province_names()})(?!\w)", FLAGS
        ),
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

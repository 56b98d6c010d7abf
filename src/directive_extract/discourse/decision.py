"""The decision on a clause and the confidences detect's rules give it."""

from __future__ import annotations

from typing import NamedTuple


class Decision(NamedTuple):
    """Whether a clause is a directive: a confidence (0 when it is not one) and the name
    of the rule that decided it, which ``explain`` shows."""

    confidence: float
    rule: str = ""


NOT = Decision(0.0)

#: Below this confidence a clause is a directive only where an authority speaks.
SURE = 0.85
OBLIGED = 0.8
#: The rule of an obligation or a request, named with its verb ("strong_verb:phải").
STRONG_VERB = "strong_verb:"
#: The rule of a clause that goes on with the targets of the directive before it.
CONTINUES_TARGETS = "continues_targets"
#: The rule of a goal stated with its quantity, whether or not anyone is assigned.
GOAL_STATEMENT = "goal_statement"
#: The rule of a goal a firm sets itself: its quantities are targets, the clause no task.
FIRM_PLAN = "firm_plan"
#: The rule of a clause of a targets zone (a plan's targets section, a goal's details).
TARGETS_ZONE = "targets_zone"
#: Agency types of the state, whose obligations are directives wherever they are told.
STATE_BODIES = frozenset({"ministry", "government", "province", "committee"})
#: Agency types of firms, whose own goals are business plans.
FIRMS = frozenset({"enterprise"})

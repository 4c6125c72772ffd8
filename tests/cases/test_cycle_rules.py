"""The KIM cycle as a state machine: which steps are allowed, and why not."""

from __future__ import annotations

import pytest

from lotse.cases.rules import CaseFacts, Phase, check_transition, next_phases

P = Phase
CASES = [
    # (from, has_assessment, has_goal_agreement, closed_from, to, reason, allowed, why-not)
    (P.INTAKE, False, False, None, P.FIRST_CONSULTATION, "", True, ()),
    (P.INTAKE, False, False, None, P.ASSESSMENT, "", False, ("not_a_next_phase",)),
    (P.FIRST_CONSULTATION, False, False, None, P.ASSESSMENT, "", True, ()),
    (P.ASSESSMENT, False, False, None, P.PLANNING, "", False, ("planning_needs_assessment",)),
    (P.ASSESSMENT, True, False, None, P.PLANNING, "", True, ()),
    (
        P.PLANNING,
        True,
        False,
        None,
        P.IMPLEMENTATION,
        "",
        False,
        ("implementation_needs_goal_agreement",),
    ),
    (P.PLANNING, True, True, None, P.IMPLEMENTATION, "", True, ()),
    (P.IMPLEMENTATION, True, True, None, P.ASSESSMENT, "", True, ()),  # re-assessment
    (P.IMPLEMENTATION, True, True, None, P.PLANNING, "", False, ("not_a_next_phase",)),
    (P.IMPLEMENTATION, True, True, None, P.CLOSED, "", False, ("closure_needs_reason",)),
    (P.IMPLEMENTATION, True, True, None, P.CLOSED, "goals-achieved", True, ()),
    (P.INTAKE, False, False, None, P.CLOSED, "no-contact", True, ()),
    (P.CLOSED, True, True, P.IMPLEMENTATION, P.CLOSED, "x", False, ("already_closed",)),
    (P.CLOSED, True, True, P.IMPLEMENTATION, P.IMPLEMENTATION, "", False, ("reopen_needs_reason",)),
    (P.CLOSED, True, True, P.IMPLEMENTATION, P.IMPLEMENTATION, "new problem", True, ()),
    (
        P.CLOSED,
        True,
        True,
        P.IMPLEMENTATION,
        P.INTAKE,
        "new problem",
        False,
        ("reopen_to_previous_phase",),
    ),
]


@pytest.mark.parametrize(
    ("phase", "assessed", "agreed", "closed_from", "target", "reason", "allowed", "why"),
    CASES,
    ids=[f"{c[0]}->{c[4]}{'-' + c[5] if c[5] else ''}" for c in CASES],
)
def test_transition(phase, assessed, agreed, closed_from, target, reason, allowed, why):
    verdict = check_transition(
        CaseFacts(
            phase, has_assessment=assessed, has_goal_agreement=agreed, closed_from=closed_from
        ),
        target,
        reason=reason,
    )
    assert verdict.allowed is allowed
    assert verdict.reasons == why


def test_next_phases_offer_closure_from_every_open_phase():
    for phase in [P.INTAKE, P.FIRST_CONSULTATION, P.ASSESSMENT, P.PLANNING, P.IMPLEMENTATION]:
        assert P.CLOSED in next_phases(CaseFacts(phase))


def test_next_phases_hide_planning_until_an_assessment_exists():
    assert next_phases(CaseFacts(P.ASSESSMENT)) == [P.CLOSED]
    assert next_phases(CaseFacts(P.ASSESSMENT, has_assessment=True)) == [P.PLANNING, P.CLOSED]

"""The KIM case-management cycle as a state machine (no Django import).

Access/intake -> first consultation -> assessment -> planning (goal agreement)
-> implementation and monitoring -> closure. Re-assessment loops back from
implementation to assessment; a closed case can be reopened with a reason and
returns to the phase it was closed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    INTAKE = "intake"
    FIRST_CONSULTATION = "first_consultation"
    ASSESSMENT = "assessment"
    PLANNING = "planning"
    IMPLEMENTATION = "implementation"
    CLOSED = "closed"


OPEN_PHASES = (
    Phase.INTAKE,
    Phase.FIRST_CONSULTATION,
    Phase.ASSESSMENT,
    Phase.PLANNING,
    Phase.IMPLEMENTATION,
)

FORWARD: dict[Phase, frozenset[Phase]] = {
    Phase.INTAKE: frozenset({Phase.FIRST_CONSULTATION}),
    Phase.FIRST_CONSULTATION: frozenset({Phase.ASSESSMENT}),
    Phase.ASSESSMENT: frozenset({Phase.PLANNING}),
    Phase.PLANNING: frozenset({Phase.IMPLEMENTATION}),
    Phase.IMPLEMENTATION: frozenset({Phase.ASSESSMENT}),
}


@dataclass(frozen=True)
class CaseFacts:
    phase: Phase
    has_assessment: bool = False
    has_goal_agreement: bool = False
    closed_from: Phase | None = None


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reasons: tuple[str, ...] = ()


def check_transition(facts: CaseFacts, target: Phase, *, reason: str = "") -> Verdict:
    """May a case in `facts` move to `target`? The reasons say why not (as codes)."""
    reasons: list[str] = []
    if target == Phase.CLOSED:
        if facts.phase == Phase.CLOSED:
            reasons.append("already_closed")
        if not reason:
            reasons.append("closure_needs_reason")
        return Verdict(not reasons, tuple(reasons))
    if facts.phase == Phase.CLOSED:
        if not reason:
            reasons.append("reopen_needs_reason")
        if target != (facts.closed_from or Phase.ASSESSMENT):
            reasons.append("reopen_to_previous_phase")
        return Verdict(not reasons, tuple(reasons))
    if target not in FORWARD.get(facts.phase, frozenset()):
        reasons.append("not_a_next_phase")
    if target == Phase.PLANNING and not facts.has_assessment:
        reasons.append("planning_needs_assessment")
    if target == Phase.IMPLEMENTATION and not facts.has_goal_agreement:
        reasons.append("implementation_needs_goal_agreement")
    return Verdict(not reasons, tuple(reasons))


def next_phases(facts: CaseFacts) -> list[Phase]:
    """The phases a case can move to now (closure always, given a reason)."""
    if facts.phase == Phase.CLOSED:
        return [facts.closed_from or Phase.ASSESSMENT]
    candidates = sorted(FORWARD.get(facts.phase, frozenset()), key=list(Phase).index)
    allowed = [p for p in candidates if check_transition(facts, p, reason="-").allowed]
    return [*allowed, Phase.CLOSED]

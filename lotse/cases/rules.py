"""The KIM case-management cycle as a state machine (no Django import).

Access/intake -> first consultation -> assessment -> planning (goal agreement)
-> implementation and monitoring -> closure. Re-assessment loops back from
implementation to assessment; a closed case can be reopened with a reason and
returns to the phase it was closed in.
"""

from __future__ import annotations

import datetime as dt
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
    closure_pending: bool = False


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
        if facts.closure_pending:
            reasons.append("closure_pending")
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


# --- Assessment: need levels and the change between two assessments ---------------


class NeedLevel(StrEnum):
    NONE = "none"
    LOW = "low"
    HIGH = "high"
    URGENT = "urgent"


NEED_ORDER: dict[str, int] = {level.value: rank for rank, level in enumerate(NeedLevel)}


@dataclass(frozen=True)
class NeedChange:
    """How the need in one field of action moved between two assessments."""

    field_id: int
    before: str | None  # None: the field was not assessed before
    now: str | None  # None: the field is not assessed now

    @property
    def direction(self) -> str:
        """'new', 'dropped', 'same', 'better' (less need) or 'worse' (more need)."""
        if self.before is None:
            return "new"
        if self.now is None:
            return "dropped"
        delta = NEED_ORDER[self.now] - NEED_ORDER[self.before]
        return "same" if delta == 0 else ("better" if delta < 0 else "worse")


def need_changes(before: dict[int, str], now: dict[int, str]) -> dict[int, NeedChange]:
    """Per field of action (by id), the need level before and now."""
    return {
        field_id: NeedChange(field_id, before.get(field_id), now.get(field_id))
        for field_id in [*now, *(f for f in before if f not in now)]
    }


# --- Goals ---------------------------------------------------------------------------


class GoalStatus(StrEnum):
    OPEN = "open"
    ACHIEVED = "achieved"
    PARTLY = "partly"
    NOT_ACHIEVED = "not_achieved"
    DROPPED = "dropped"


def goal_is_overdue(status: str, target_date: dt.date | None, today: dt.date) -> bool:
    """An open goal whose target date has passed."""
    return status == GoalStatus.OPEN and target_date is not None and target_date < today


# --- Approval by the team lead -------------------------------------------------------


def approval_needed(*, approval_required: bool, actor_is_team_lead: bool) -> bool:
    """Goal agreements and closures wait for a team lead if the municipality wants it.

    A team lead's own goal agreement or closure needs nobody else's approval.
    """
    return approval_required and not actor_is_team_lead


@dataclass(frozen=True)
class ApprovalFacts:
    pending: bool
    approver_is_team_lead: bool
    same_organisation: bool
    approver_is_requester: bool = False


def check_approval(facts: ApprovalFacts) -> Verdict:
    reasons: list[str] = []
    if not facts.pending:
        reasons.append("already_decided")
    if not (facts.approver_is_team_lead and facts.same_organisation):
        reasons.append("not_the_team_lead")
    if facts.approver_is_requester:
        reasons.append("own_request")
    return Verdict(not reasons, tuple(reasons))


# --- Handover within an organisation, transfer to another -----------------------------


@dataclass(frozen=True)
class HandoverFacts:
    case_open: bool
    same_organisation: bool
    target_is_case_worker: bool
    target_is_current: bool


def check_handover(facts: HandoverFacts) -> Verdict:
    reasons: list[str] = []
    if not facts.case_open:
        reasons.append("case_closed")
    if not facts.same_organisation:
        reasons.append("other_organisation")
    if not facts.target_is_case_worker:
        reasons.append("not_a_case_worker")
    if facts.target_is_current:
        reasons.append("already_case_manager")
    return Verdict(not reasons, tuple(reasons))


@dataclass(frozen=True)
class TransferFacts:
    case_open: bool
    same_organisation: bool
    same_municipality: bool
    consent_in_force: bool
    transfer_pending: bool


def check_transfer(facts: TransferFacts) -> Verdict:
    """May the case be offered to another organisation? (The receiving side decides.)"""
    reasons: list[str] = []
    if not facts.case_open:
        reasons.append("case_closed")
    if facts.same_organisation:
        reasons.append("same_organisation")
    if not facts.same_municipality:
        reasons.append("other_municipality")
    if not facts.consent_in_force:
        reasons.append("transfer_needs_consent")
    if facts.transfer_pending:
        reasons.append("transfer_pending")
    return Verdict(not reasons, tuple(reasons))

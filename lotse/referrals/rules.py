"""The life of a referral (Verweisberatung) as a state machine (no Django import).

proposed -> sent (by the case manager, only under a consent that covers the
receiving organisation for referrals) -> accepted or declined (by the partner;
declining needs a reason) -> done (the partner reports back with a note).
Every step after "proposed" moves client data between organisations, so each
needs the consent to be in force at that moment: a withdrawal blocks them at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    PROPOSED = "proposed"
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    DONE = "done"


class Side(StrEnum):
    CASE_MANAGER = "case_manager"
    PARTNER = "partner"


# (from, to) -> who may take the step
STEPS: dict[tuple[Status, Status], Side] = {
    (Status.PROPOSED, Status.SENT): Side.CASE_MANAGER,
    (Status.SENT, Status.ACCEPTED): Side.PARTNER,
    (Status.SENT, Status.DECLINED): Side.PARTNER,
    (Status.ACCEPTED, Status.DONE): Side.PARTNER,
}

OPEN_FOR_PARTNER = (Status.SENT, Status.ACCEPTED)


@dataclass(frozen=True)
class ReferralFacts:
    status: Status
    consent_in_force: bool


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reasons: tuple[str, ...] = ()


def check_step(facts: ReferralFacts, target: Status, side: Side, *, text: str = "") -> Verdict:
    """May `side` move a referral in `facts` to `target`? Reasons are codes."""
    reasons: list[str] = []
    who = STEPS.get((facts.status, target))
    if who is None:
        reasons.append("not_a_next_status")
    elif who != side:
        reasons.append("not_your_step")
    if not facts.consent_in_force:
        reasons.append("needs_consent")
    if target == Status.DECLINED and not text.strip():
        reasons.append("decline_needs_reason")
    if target == Status.DONE and not text.strip():
        reasons.append("report_needs_note")
    return Verdict(not reasons, tuple(reasons))


def next_steps(facts: ReferralFacts, side: Side) -> list[Status]:
    """The statuses `side` can move to now (given a reason or note where needed)."""
    return [
        target
        for (source, target), who in STEPS.items()
        if source == facts.status and who == side and facts.consent_in_force
    ]

"""When a consent lets data go to an organisation (no Django import).

A consent covers sharing with an organisation for a purpose on a day when it
names that organisation and that purpose, was given on or before that day, has
not expired (valid until that day inclusive) and was not withdrawn. Withdrawal
takes effect at once: from the moment it is recorded nothing more is shared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    IN_FORCE = "in_force"
    NOT_YET = "not_yet"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class ConsentFacts:
    recipient_id: int
    purpose: str
    given_on: dt.date
    valid_until: dt.date | None = None
    withdrawn: bool = False


def state_on(facts: ConsentFacts, on: dt.date) -> State:
    if facts.withdrawn:
        return State.WITHDRAWN
    if facts.given_on > on:
        return State.NOT_YET
    if facts.valid_until is not None and facts.valid_until < on:
        return State.EXPIRED
    return State.IN_FORCE


def covers(facts: ConsentFacts, organisation_id: int, purpose: str, on: dt.date) -> bool:
    """Does this one consent let data go to `organisation_id` for `purpose` on `on`?"""
    return (
        facts.recipient_id == organisation_id
        and facts.purpose == purpose
        and state_on(facts, on) == State.IN_FORCE
    )


def check_dates(given_on: dt.date, valid_until: dt.date | None, today: dt.date) -> list[str]:
    """Reasons (codes) why these dates cannot be recorded; empty when they can."""
    reasons = []
    if given_on > today:
        reasons.append("given_in_future")
    if valid_until is not None and valid_until < given_on:
        reasons.append("ends_before_given")
    return reasons

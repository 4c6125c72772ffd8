"""The naturalisation procedure as a state machine (pure Python, no request, no database).

received -> complete -> checks_requested -> checks_returned -> decided -> certificate_handed_over,
with "withdrawn" possible from any open step and "rejected" after the file is complete.
Every step has a date, which may not lie before the previous step's date nor in the future.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

RECEIVED = "received"
COMPLETE = "complete"
CHECKS_REQUESTED = "checks_requested"
CHECKS_RETURNED = "checks_returned"
DECIDED = "decided"
CERTIFICATE_HANDED_OVER = "certificate_handed_over"
WITHDRAWN = "withdrawn"
REJECTED = "rejected"

PIPELINE = (RECEIVED, COMPLETE, CHECKS_REQUESTED, CHECKS_RETURNED, DECIDED, CERTIFICATE_HANDED_OVER)
OPEN = frozenset({RECEIVED, COMPLETE, CHECKS_REQUESTED, CHECKS_RETURNED, DECIDED})
FINISHED = frozenset({CERTIFICATE_HANDED_OVER, WITHDRAWN, REJECTED})
#: Finished with a decision on the merits (for processing times and throughput).
DECIDED_OUTCOMES = frozenset({CERTIFICATE_HANDED_OVER, REJECTED})

TRANSITIONS: dict[str, frozenset[str]] = {
    RECEIVED: frozenset({COMPLETE, WITHDRAWN}),
    COMPLETE: frozenset({CHECKS_REQUESTED, REJECTED, WITHDRAWN}),
    CHECKS_REQUESTED: frozenset({CHECKS_RETURNED, WITHDRAWN}),
    CHECKS_RETURNED: frozenset({DECIDED, REJECTED, WITHDRAWN}),
    DECIDED: frozenset({CERTIFICATE_HANDED_OVER, WITHDRAWN}),
    CERTIFICATE_HANDED_OVER: frozenset(),
    WITHDRAWN: frozenset(),
    REJECTED: frozenset(),
}

#: Days an application may wait in a step before it shows as a reminder (per authority
#: configurable; these are the defaults).
DEFAULT_REMINDER_DAYS: dict[str, int] = {
    RECEIVED: 14,
    COMPLETE: 14,
    CHECKS_REQUESTED: 60,
    CHECKS_RETURNED: 30,
    DECIDED: 30,
}


class WorkflowError(ValueError):
    """A step that the procedure does not allow; ``code`` names the rule broken."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def allowed_next(status: str) -> list[str]:
    """The steps that may follow ``status``, in pipeline order."""
    order = {*PIPELINE, WITHDRAWN, REJECTED}
    ranked = [*PIPELINE, REJECTED, WITHDRAWN]
    return [s for s in ranked if s in TRANSITIONS.get(status, frozenset()) and s in order]


def check_transition(
    current: str,
    target: str,
    *,
    on: dt.date,
    previous_on: dt.date,
    today: dt.date,
    documents_missing: Iterable[str] = (),
) -> None:
    """Raise ``WorkflowError`` unless ``current -> target`` on ``on`` is allowed."""
    if target not in TRANSITIONS.get(current, frozenset()):
        raise WorkflowError("not_allowed", f"{current} -> {target} is not a step of the procedure")
    if on < previous_on:
        raise WorkflowError("before_previous", "the date lies before the previous step")
    if on > today:
        raise WorkflowError("in_future", "the date lies in the future")
    if target == COMPLETE and list(documents_missing):
        raise WorkflowError("documents_missing", "documents are missing")


def is_waiting_too_long(
    status: str, since: dt.date, today: dt.date, limits: dict[str, int] | None = None
) -> bool:
    """Has the application waited longer in ``status`` than the authority allows?"""
    limit = (limits or DEFAULT_REMINDER_DAYS).get(status, DEFAULT_REMINDER_DAYS.get(status))
    if status not in OPEN or limit is None:
        return False
    return (today - since).days > limit


def reminder_due(
    status: str, since: dt.date, limits: dict[str, int] | None = None
) -> dt.date | None:
    limit = (limits or DEFAULT_REMINDER_DAYS).get(status, DEFAULT_REMINDER_DAYS.get(status))
    if status not in OPEN or limit is None:
        return None
    return since + dt.timedelta(days=limit)

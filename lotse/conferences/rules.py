"""Rules of a case conference, callable without a request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from lotse.consents.models import Consent, Purpose

MAX_DAYS = 90  # an invitation runs at most this long; a new one can follow


def organisations_without_consent(
    client_id: int, organisation_ids: Iterable[int], on: dt.date
) -> set[int]:
    """The organisations the client has not (or no longer) consented to a conference with."""
    wanted = set(organisation_ids)
    covered = set(
        Consent.objects.in_force(on)
        .filter(client_id=client_id, recipient_id__in=wanted, purpose=Purpose.CASE_CONFERENCE)
        .values_list("recipient_id", flat=True)
    )
    return wanted - covered


def end_date_problem(until: dt.date, today: dt.date) -> str | None:
    """A code for what is wrong with the end date of an invitation, or None."""
    if until < today:
        return "past"
    if (until - today).days > MAX_DAYS:
        return "too_long"
    return None

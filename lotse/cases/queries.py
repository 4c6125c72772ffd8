"""Read-only queries over cases for the start page; each takes an already-scoped queryset."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet

from lotse.cases.models import Case
from lotse.cases.rules import OPEN_PHASES

# Aggregates shown to coordinators hide counts below this (re-identification risk).
SMALL_COUNT = 5


def get_open_cases(scope: QuerySet[Case]) -> QuerySet[Case]:
    return scope.filter(phase__in=[p.value for p in OPEN_PHASES])


def get_cases_without_contact(scope: QuerySet[Case], weeks: int, today: dt.date):
    cutoff = today - dt.timedelta(weeks=weeks)
    return get_open_cases(scope).filter(
        Q(last_contact_on__lt=cutoff) | Q(last_contact_on__isnull=True, opened_on__lt=cutoff)
    )


def get_phase_counts(scope: QuerySet[Case]) -> dict[str, int]:
    rows = scope.values("phase").annotate(n=Count("id")).order_by()
    return {row["phase"]: row["n"] for row in rows}


def suppress_small(count: int) -> str:
    """A count for an aggregate report: small numbers are shown as '< 5'."""
    return f"< {SMALL_COUNT}" if 0 < count < SMALL_COUNT else str(count)

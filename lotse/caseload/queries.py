"""Caseload figures as aggregate queries: a fixed number of queries, however many cases.

Each function takes an already permission-scoped queryset of cases and of
locations or staff, so the permission rule stays in one place (the view picks
the scope from lotse.cases.permissions or the municipality).
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from lotse.accounts.models import Location, Role, User
from lotse.caseload.rules import CaseManagerLoad, LocationLoad
from lotse.cases.models import Case
from lotse.cases.queries import get_open_cases


def _open_counts(cases: QuerySet[Case], column: str) -> dict[int | None, int]:
    rows = get_open_cases(cases).values(column).annotate(n=Count("id")).order_by()
    return {row[column]: row["n"] for row in rows}


def get_location_loads(cases: QuerySet[Case], locations: QuerySet[Location]) -> list[LocationLoad]:
    """Open cases per location, with the location's FTE; two queries.

    Every location in `locations` has a row, also without cases. A location outside
    `locations` where cases of the scope are held still gets its row, and cases
    without a location are counted in a last row, so the rows add up to the total.
    """
    counts = _open_counts(cases, "location_id")
    held_at = [pk for pk in counts if pk is not None]
    shown = (
        Location.objects.filter(Q(pk__in=locations.values("pk")) | Q(pk__in=held_at))
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )
    rows = [
        LocationLoad(
            location_id=location.pk,
            location=location.name,
            organisation=location.organisation.name,
            fte=location.fte,
            open_cases=counts.get(location.pk, 0),
        )
        for location in shown
    ]
    if counts.get(None):
        rows.append(
            LocationLoad(
                location_id=None,
                location=_("No location recorded"),
                organisation="",
                fte=None,
                open_cases=counts[None],
            )
        )
    return rows


def get_case_manager_loads(cases: QuerySet[Case], staff: QuerySet[User]) -> list[CaseManagerLoad]:
    """Open cases per case manager; two queries.

    Active case managers and team leads in `staff` appear also with no open case;
    whoever still manages a case of the scope appears too (e.g. after leaving).
    """
    counts = _open_counts(cases, "case_manager_id")
    people = (
        User.objects.filter(
            Q(pk__in=staff.filter(is_active=True, role__in=[Role.CASE_MANAGER, Role.TEAM_LEAD]))
            | Q(pk__in=[pk for pk in counts if pk is not None])
        )
        .select_related("location")
        .order_by("last_name", "first_name", "pk")
    )
    return [
        CaseManagerLoad(
            user_id=person.pk,
            name=str(person),
            location=person.location.name if person.location else "",
            open_cases=counts.get(person.pk, 0),
        )
        for person in people
    ]

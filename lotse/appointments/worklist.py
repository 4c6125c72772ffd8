"""The start page's to-do list: overdue and due follow-ups, today's appointments.

Two queries whatever the number of cases: each is one SELECT with the user's own
cases as a subquery.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.appointments.permissions import organised_or_taking_part
from lotse.appointments.queries import day_bounds
from lotse.cases.models import case_number
from lotse.cases.permissions import open_cases_worked_on
from lotse.core.extensions import WorklistItem, capped
from lotse.core.links import url_for
from lotse.core.prepared import Markers, prepared
from lotse.people.models import client_name

DUE_SOON_DAYS = 7
MAX_ITEMS = 50


@prepared
def _due_follow_ups(p: Markers, limit: int):
    from lotse.appointments.models import FollowUp

    return (
        FollowUp.objects.open()
        .filter(case_id__any=p.ids("cases"), due_on__lte=p.date("until"))
        .order_by("due_on", "pk")
        .values_list(  # plain rows: on every start page, cheaper than model instances
            "pk",
            "what",
            "due_on",
            "version",
            "case_id",
            "case__opened_on",
            "case__client__family_name",
            "case__client__given_names",
        )[:limit]
    )


@prepared
def _appointments_between(p: Markers, limit: int):
    return (
        organised_or_taking_part(p.int("user"), p.int("municipality"), p.ids("cases"))
        .filter(starts_at__lt=p.datetime("end"), ends_at__gt=p.datetime("start"))
        .select_related("location")
        .order_by("starts_at", "pk")[:limit]
    )


def items(user, today: dt.date, limit: int | None = None) -> Iterable[WorklistItem]:
    if not user.has_perm("appointments.view_appointments"):
        return []
    result: list[WorklistItem] = []
    # A closed case's follow-ups and appointments rest until the case is reopened.
    open_case_ids = list(open_cases_worked_on(user))
    follow_ups = _due_follow_ups(
        limit=capped(limit, MAX_ITEMS),
        cases=open_case_ids,
        until=today + dt.timedelta(days=DUE_SOON_DAYS),
    )
    done = _("Done")
    for pk, what, due_on, version, case_pk, opened_on, family, given in follow_ups:
        detail = url_for("appointments:followup", pk) + "?next=/"
        result.append(
            WorklistItem(
                kind="follow_up",
                title=what,
                url=detail,
                due=due_on,
                subject=f"{case_number(opened_on, case_pk)} · {client_name(family, given)}",
                overdue=due_on < today,
                action_url=detail,
                action_label=done,
                action_fields=(("version", str(version)),),
            )
        )
    start, end = day_bounds(today)
    appointments = _appointments_between(
        limit=capped(limit, MAX_ITEMS),
        user=user.pk,
        municipality=user.organisation.municipality_id,
        cases=open_case_ids,
        start=start,
        end=end,
    )
    for appointment in appointments:
        begins = timezone.localtime(appointment.starts_at)
        result.append(
            WorklistItem(
                kind="appointment",
                title=_("%(time)s %(title)s")
                % {"time": f"{begins:%H:%M}", "title": appointment.title},
                url=url_for("appointments:detail", appointment.pk),
                due=today,
                subject=appointment.where,
            )
        )
    return result

"""The start page's to-do list: overdue and due follow-ups, today's appointments.

Two queries whatever the number of cases: each is one SELECT with the user's own
cases as a subquery.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.appointments.permissions import my_open_case_appointments
from lotse.appointments.queries import day_bounds
from lotse.cases.models import case_number
from lotse.cases.permissions import open_cases_worked_on
from lotse.core.extensions import WorklistItem, capped
from lotse.people.models import client_name

DUE_SOON_DAYS = 7
MAX_ITEMS = 50


def items(user, today: dt.date, limit: int | None = None) -> Iterable[WorklistItem]:
    if not user.has_perm("appointments.view_appointments"):
        return []
    from lotse.appointments.models import FollowUp

    result: list[WorklistItem] = []
    open_case_ids = open_cases_worked_on(user)
    follow_ups = (
        FollowUp.objects.open()
        .filter(
            # A closed case's follow-ups rest until the case is reopened.
            case_id__any=open_case_ids,
            due_on__lte=today + dt.timedelta(days=DUE_SOON_DAYS),
        )
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
        )[: capped(limit, MAX_ITEMS)]
    )
    done = _("Done")
    for pk, what, due_on, version, case_pk, opened_on, family, given in follow_ups:
        detail = reverse("appointments:followup", args=[pk]) + "?next=/"
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
    appointments = (
        my_open_case_appointments(user, open_case_ids)
        .filter(starts_at__lt=end, ends_at__gt=start)
        .select_related("location")
        .order_by("starts_at", "pk")[: capped(limit, MAX_ITEMS)]
    )
    for appointment in appointments:
        begins = timezone.localtime(appointment.starts_at)
        result.append(
            WorklistItem(
                kind="appointment",
                title=_("%(time)s %(title)s")
                % {"time": f"{begins:%H:%M}", "title": appointment.title},
                url=reverse("appointments:detail", args=[appointment.pk]),
                due=today,
                subject=appointment.where,
            )
        )
    return result

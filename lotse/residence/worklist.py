"""Follow-ups for case managers: clients close to a residence or naturalisation step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.accounts.models import Role
from lotse.cases import queries
from lotse.cases.permissions import (
    open_cases_worked_on,
    staff_ids,
    staff_markers,
    visible_cases,
)
from lotse.core.extensions import WorklistItem
from lotse.core.prepared import Markers, prepared
from lotse.people.models import Client, client_name

from .outlook import upcoming_steps
from .precheck import CHECK_NAMES, client_birth_date

#: At most this many open cases are looked at (the worklist must stay cheap).
MAX_CASES = 300
CHECK_SHORT = {
    "stag10": "§ 10 StAG",
    "aufenthg25a": "§ 25a AufenthG",
    "aufenthg25b": "§ 25b AufenthG",
}


class _Born:
    __slots__ = ("birth_year", "birth_month", "birth_day")

    def __init__(self, year: int | None, month: int | None, day: int | None) -> None:
        self.birth_year, self.birth_month, self.birth_day = year, month, day


STATUSES = ["toleration", "title", "settlement", "eu"]
FIELDS = (
    "id",
    "family_name",
    "given_names",
    "arrival_date",
    "residence_status",
    "birth_year",
    "birth_month",
    "birth_day",
)


@prepared
def _clients_of_cases(p: Markers):
    return (
        Client.objects.filter(pk__any=p.ids("clients"))
        .filter(arrival_date__isnull=False, residence_status__in=STATUSES)
        .order_by("pk")
        .values_list(*FIELDS)[:MAX_CASES]
    )


@prepared
def _clients_of_team(p: Markers):
    team = visible_cases(Role.TEAM_LEAD, **staff_markers(p))
    return (
        queries.get_open_cases(team)
        .filter(client__arrival_date__isnull=False, client__residence_status__in=STATUSES)
        .order_by("pk")
        .values_list(*(f"client__{name}" for name in FIELDS))[:MAX_CASES]
    )


def _client_rows(user) -> list[tuple]:
    """The clients of the user's open cases who have an arrival date and a status a step
    can follow from, as plain rows (FIELDS); at most MAX_CASES."""
    if user.role == Role.CASE_MANAGER:
        # Exactly the clients of their own and shared open cases: the ids the start page
        # reads once for all its lists.
        return _clients_of_cases(clients=set(open_cases_worked_on(user).values()))
    if user.role == Role.TEAM_LEAD:
        # the open cases of the whole team; a client with two open cases once
        return list(dict.fromkeys(_clients_of_team(**staff_ids(user))))
    return []


def items(user, today: dt.date, limit: int | None = None) -> Iterable[WorklistItem]:
    if not user.has_perm("cases.view_case_list") or not user.has_perm("residence.use_precheck"):
        return []
    found: list[WorklistItem] = []
    for pk, family, given, arrival, status, year, month, day in _client_rows(user):
        name = client_name(family, given)
        steps = upcoming_steps(arrival, status, client_birth_date(_Born(year, month, day)), today)
        for step in steps:
            if step.due <= today:
                title = _("%(law)s: residence period complete (if uninterrupted)") % {
                    "law": CHECK_SHORT[step.check]
                }
            else:
                title = _("%(law)s: residence period completes soon (if uninterrupted)") % {
                    "law": CHECK_SHORT[step.check]
                }
            if step.to_gather:
                title += " – " + _("missing: %(what)s") % {"what": ", ".join(step.to_gather)}
            found.append(
                WorklistItem(
                    kind="residence_step",
                    title=title,
                    url=reverse("residence:consent", args=[step.check, pk]),
                    due=step.due,
                    subject=name,
                )
            )
    found.sort(key=lambda item: item.due or today)
    return found[:limit]


__all__ = ["items", "CHECK_NAMES"]

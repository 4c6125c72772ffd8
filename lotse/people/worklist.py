"""Start-page items: residence titles and passports that expire soon or have expired.

The lead time is the municipality's ``expiry_lead_days``. The clients are those of the
open cases the user works on (managed or shared), and those they registered who have no
case yet: each set is one indexed query, however many clients the municipality has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext as _

from lotse.accounts.permissions import is_case_manager
from lotse.cases.permissions import open_cases_worked_on
from lotse.core.extensions import WorklistItem, capped
from lotse.core.links import url_for
from lotse.core.prepared import Markers, prepared
from lotse.people.models import Client, client_name

MAX_ITEMS = 50
FIELDS = ("pk", "family_name", "given_names", "residence_valid_until", "passport_valid_until")


def _expiring(p: Markers):
    horizon = p.date("horizon")
    scope = Client.objects.current().filter(municipality_id=p.int("municipality"))
    return scope.filter(
        Q(residence_valid_until__lte=horizon) | Q(passport_valid_until__lte=horizon)
    )


# Both sets lie inside clients_visible_to(user) by its own rule (clients of visible cases;
# clients the user registered for their organisation); spelt out here so each is a plain
# indexed query instead of the visibility rule's OR over all clients. Read as plain rows:
# the list is on every start page.
@prepared
def _expiring_of_cases(p: Markers):
    return (
        _expiring(p)
        .filter(pk__any=p.ids("cases"))
        .order_by("pk")
        .values_list(*FIELDS)[: MAX_ITEMS * 4]
    )


@prepared
def _expiring_registered(p: Markers):
    return (
        _expiring(p)
        .filter(
            created_by_id=p.int("user"), organisation_id=p.int("organisation"), cases__isnull=True
        )
        .order_by("pk")
        .values_list(*FIELDS)[: MAX_ITEMS * 4]
    )


def items(user, today: dt.date, limit: int | None = None) -> Iterable[WorklistItem]:
    if not is_case_manager(user):
        return []
    horizon = today + dt.timedelta(days=user.organisation.municipality.expiry_lead_days)
    clients: dict[int, tuple] = {}
    common = {"municipality": user.organisation.municipality_id, "horizon": horizon}
    for row in _expiring_of_cases(cases=set(open_cases_worked_on(user).values()), **common):
        clients[row[0]] = row
    for row in _expiring_registered(user=user.pk, organisation=user.organisation_id, **common):
        clients[row[0]] = row
    found: list[WorklistItem] = []
    for pk, family, given, residence_until, passport_until in clients.values():
        url = url_for("people:detail", pk)
        name = client_name(family, given)
        for kind, due, expired_text, expiring_text in (
            (
                "residence_expiry",
                residence_until,
                _("Residence title expired"),
                _("Residence title expires"),
            ),
            (
                "passport_expiry",
                passport_until,
                _("Passport expired"),
                _("Passport expires"),
            ),
        ):
            if due is None or due > horizon:
                continue
            overdue = due < today
            found.append(
                WorklistItem(
                    kind=kind,
                    title=expired_text if overdue else expiring_text,
                    url=url,
                    due=due,
                    subject=name,
                    overdue=overdue,
                )
            )
    found.sort(key=lambda item: item.due or today)
    return found[: capped(limit, MAX_ITEMS)]

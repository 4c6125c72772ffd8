"""Start-page items: residence titles and passports that expire soon or have expired.

The lead time is the municipality's ``expiry_lead_days``. Two queries whatever the
number of clients: the lead time, and the expiring records through the date indexes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.accounts.permissions import is_case_manager
from lotse.core.extensions import WorklistItem
from lotse.core.models import Municipality
from lotse.people.permissions import clients_visible_to

MAX_ITEMS = 50


def items(user, today: dt.date) -> Iterable[WorklistItem]:
    if not is_case_manager(user):
        return []
    lead = (
        Municipality.objects.filter(pk=user.organisation.municipality_id)
        .values_list("expiry_lead_days", flat=True)
        .first()
    )
    if lead is None:
        return []
    horizon = today + dt.timedelta(days=lead)
    clients = (
        clients_visible_to(user)
        .filter(Q(residence_valid_until__lte=horizon) | Q(passport_valid_until__lte=horizon))
        .only("pk", "family_name", "given_names", "residence_valid_until", "passport_valid_until")
        .order_by("pk")[: MAX_ITEMS * 4]
    )
    found: list[WorklistItem] = []
    for client in clients:
        url = reverse("people:detail", args=[client.pk])
        for kind, due, expired_text, expiring_text in (
            (
                "residence_expiry",
                client.residence_valid_until,
                _("Residence title expired"),
                _("Residence title expires"),
            ),
            (
                "passport_expiry",
                client.passport_valid_until,
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
                    subject=str(client),
                    overdue=overdue,
                )
            )
    found.sort(key=lambda item: item.due or today)
    return found[:MAX_ITEMS]

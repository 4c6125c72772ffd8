"""Invited partners find their running case conferences on the start page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.accounts.models import Role
from lotse.conferences.permissions import conferences_open_to_partner
from lotse.core.extensions import WorklistItem, capped


def items(user, today: dt.date, limit: int | None = None) -> Iterable[WorklistItem]:
    if getattr(user, "role", None) != Role.PARTNER_STAFF:
        return []
    return [
        WorklistItem(
            kind="case_conference",
            title=_("Case conference: %(topic)s") % {"topic": c.topic},
            url=reverse("conferences:detail", args=[c.pk]),
            due=c.invited_until,
        )
        for c in conferences_open_to_partner(user, today).order_by("invited_until", "pk")[
            : capped(limit, 50)
        ]
    ]

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import ngettext

from lotse.core.extensions import WorklistItem
from lotse.directory.permissions import offers_visible_to
from lotse.directory.queries import OfferFilter


def items(user, today: dt.date, limit: int | None = None) -> Iterable[WorklistItem]:
    """Coordinators and administrators: offers not confirmed for twelve months (one query)."""
    if not user.has_perm("directory.change_offers"):
        return
    count = OfferFilter(stale_only=True).apply(offers_visible_to(user), today).count()
    if count:
        yield WorklistItem(
            kind="offers_to_confirm",
            title=ngettext(
                "%(n)s offer has not been confirmed for twelve months",
                "%(n)s offers have not been confirmed for twelve months",
                count,
            )
            % {"n": count},
            url=reverse("directory:stale"),
        )

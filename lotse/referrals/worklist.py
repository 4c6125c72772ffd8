"""Worklist lines: new referrals for partner staff, partners' answers for case managers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.accounts.permissions import is_case_manager
from lotse.cases.permissions import open_cases_worked_on
from lotse.core.extensions import WorklistItem, capped
from lotse.referrals.models import Referral
from lotse.referrals.permissions import referrals_addressed_to
from lotse.referrals.rules import Status

NEWS_DAYS = 14
LIMIT = 20


def items(user, today: dt.date, limit: int | None = None) -> Iterator[WorklistItem]:
    if user.has_perm("referrals.view_inbox"):
        new = referrals_addressed_to(user).filter(status=Status.SENT.value).order_by("sent_at")
        for referral in new.only("id", "sent_at")[: capped(limit, LIMIT)]:
            yield WorklistItem(
                kind="referral_new",
                title=_("New referral to answer"),
                url=reverse("referrals:incoming", args=[referral.pk]),
                due=timezone.localdate(referral.sent_at) if referral.sent_at else None,
                subject=str(referral),
            )
    elif is_case_manager(user):
        since = timezone.now() - dt.timedelta(days=NEWS_DAYS)
        news = (
            Referral.objects.filter(
                case_id__any=open_cases_worked_on(user),
                partner_changed_at__gte=since,
            )
            .select_related("organisation", "case__client")
            .order_by("-partner_changed_at")
        )
        titles = {
            Status.ACCEPTED.value: _("Referral accepted by %(organisation)s"),
            Status.DECLINED.value: _("Referral declined by %(organisation)s"),
            Status.DONE.value: _("%(organisation)s reported back on a referral"),
        }
        for referral in news[: capped(limit, LIMIT)]:
            title = titles.get(referral.status)
            if title is None:
                continue
            yield WorklistItem(
                kind=f"referral_{referral.status}",
                title=title % {"organisation": referral.organisation},
                url=reverse("cases:detail", args=[referral.case_id]),
                due=timezone.localdate(referral.partner_changed_at),
                subject=str(referral.case.client),
            )

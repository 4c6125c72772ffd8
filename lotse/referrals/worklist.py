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
from lotse.core.links import url_for
from lotse.core.prepared import Markers, prepared
from lotse.people.models import client_name
from lotse.referrals.models import Referral
from lotse.referrals.permissions import referrals_addressed_to
from lotse.referrals.rules import Status

NEWS_DAYS = 14
LIMIT = 20


@prepared
def _news_rows(p: Markers, limit: int):
    return (
        Referral.objects.filter(
            case_id__any=p.ids("cases"), partner_changed_at__gte=p.datetime("since")
        )
        .order_by("-partner_changed_at")
        .values_list(  # plain rows: on every start page
            "status",
            "case_id",
            "partner_changed_at",
            "organisation__name",
            "case__client__family_name",
            "case__client__given_names",
        )[:limit]
    )


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
        news = _news_rows(
            limit=capped(limit, LIMIT), cases=list(open_cases_worked_on(user)), since=since
        )
        titles = {
            Status.ACCEPTED.value: _("Referral accepted by %(organisation)s"),
            Status.DECLINED.value: _("Referral declined by %(organisation)s"),
            Status.DONE.value: _("%(organisation)s reported back on a referral"),
        }
        for status, case_pk, changed_at, organisation, family, given in news:
            title = titles.get(status)
            if title is None:
                continue
            yield WorklistItem(
                kind=f"referral_{status}",
                title=title % {"organisation": organisation},
                url=url_for("cases:detail", case_pk),
                due=timezone.localdate(changed_at),
                subject=client_name(family, given),
            )

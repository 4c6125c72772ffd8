"""Start-page items of case management: overdue goals, approvals, incoming transfers.

Each kind is one indexed query, however many cases the user has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.accounts.models import Role
from lotse.accounts.permissions import is_case_manager
from lotse.cases.models import Approval, Goal, GoalAgreement, TransferRequest, case_number
from lotse.cases.permissions import open_cases_worked_on
from lotse.cases.rules import GoalStatus
from lotse.core.extensions import WorklistItem, capped
from lotse.core.links import url_for
from lotse.core.models import translated
from lotse.core.prepared import Markers, prepared
from lotse.people.models import client_name

LIMIT = 50


def items(user, today: dt.date, limit: int | None = None) -> Iterable[WorklistItem]:
    if not is_case_manager(user):
        return []
    found = list(_overdue_goals(user, today, capped(limit, LIMIT)))
    if user.role == Role.TEAM_LEAD:
        found += _pending_approvals(user, capped(limit, LIMIT))
        found += _incoming_transfers(user, capped(limit, LIMIT))
    return found


@prepared
def _overdue_goal_rows(p: Markers, limit: int):
    # Plain rows: the list is on every start page, and model instances of four tables
    # cost more than the query itself.
    return (
        Goal.objects.filter(
            status=GoalStatus.OPEN,
            target_date__lt=p.date("today"),
            agreement__status=GoalAgreement.Status.AGREED,
            agreement__case_id__any=p.ids("cases"),
        )
        .order_by("target_date", "pk")
        .values_list(
            "pk",
            "description",
            "target_date",
            "field__labels",
            "field__code",
            "agreement__case_id",
            "agreement__case__opened_on",
            "agreement__case__client__family_name",
            "agreement__case__client__given_names",
        )[:limit]
    )


def _overdue_goals(user, today: dt.date, limit: int = LIMIT) -> Iterable[WorklistItem]:
    """Open goals past their target date, in the cases the user manages or shares."""
    goals = _overdue_goal_rows(limit=limit, cases=list(open_cases_worked_on(user)), today=today)
    title = _("Goal past its target date: %(goal)s (%(field)s)")
    for pk, description, target, labels, code, case_pk, opened_on, family, given in goals:
        yield WorklistItem(
            kind="goal_overdue",
            title=title % {"goal": description[:60], "field": translated(labels, code)},
            url=url_for("cases:goal-review", pk),
            due=target,
            subject=f"{case_number(opened_on, case_pk)} · {client_name(family, given)}",
            overdue=True,
        )


def _pending_approvals(user, limit: int = LIMIT) -> list[WorklistItem]:
    approvals = (
        Approval.objects.filter(
            status=Approval.Status.PENDING,
            case__organisation_id=user.organisation_id,
            case__municipality_id=user.municipality_id,
        )
        .exclude(requested_by_id=user.pk)
        .select_related("case__client", "requested_by")
        .order_by("requested_at")[:limit]
    )
    return [
        WorklistItem(
            kind="approval",
            title=_("Approve: %(kind)s (requested by %(who)s)")
            % {"kind": a.get_kind_display(), "who": a.requested_by or "–"},
            url=reverse("cases:approval", kwargs={"pk": a.pk}),
            due=a.requested_at.date(),
            subject=f"{a.case.number} · {a.case.client}",
        )
        for a in approvals
    ]


def _incoming_transfers(user, limit: int = LIMIT) -> list[WorklistItem]:
    transfers = (
        TransferRequest.objects.filter(
            status=TransferRequest.Status.PENDING,
            to_organisation_id=user.organisation_id,
            case__municipality_id=user.municipality_id,
        )
        .select_related("case", "from_organisation")
        .order_by("requested_at")[:limit]
    )
    return [
        WorklistItem(
            kind="transfer",
            title=_("Transfer request from %(org)s") % {"org": t.from_organisation},
            url=reverse("cases:transfer-decide", kwargs={"pk": t.pk}),
            due=t.requested_at.date(),
            subject=t.case.number,
        )
        for t in transfers
    ]

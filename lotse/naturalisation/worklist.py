"""Reminders: applications waiting longer in one step than the authority allows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.core.extensions import WorklistItem

from . import workflow
from .models import AuthoritySettings, Status
from .permissions import applications_visible_to

MAX_ITEMS = 50


def items(user, today: dt.date) -> Iterable[WorklistItem]:
    if not user.has_perm("naturalisation.use"):
        return []
    limits = AuthoritySettings.for_organisation(user.organisation).limits()
    waiting = Q()
    for status, days in limits.items():
        if status in workflow.OPEN:
            waiting |= Q(status=status, status_since__lt=today - dt.timedelta(days=days))
    labels = dict(Status.choices)
    found = []
    rows = applications_visible_to(user).filter(waiting).order_by("status_since", "pk")[:MAX_ITEMS]
    for application in rows:
        found.append(
            WorklistItem(
                kind="naturalisation_waiting",
                title=_("Waiting too long in step “%(step)s”")
                % {"step": labels[application.status]},
                url=reverse("naturalisation:application", args=[application.pk]),
                due=workflow.reminder_due(application.status, application.status_since, limits),
                subject=f"{application.number} {application.applicant_name}",
                overdue=True,
            )
        )
    return found

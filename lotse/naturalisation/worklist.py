"""Reminders: applications waiting longer in one step than the authority allows, and the
booked consultation hours of today and tomorrow, so that nobody waits at the town hall."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lotse.core.extensions import WorklistItem, capped

from . import workflow
from .models import AuthoritySettings, ConsultationSlot, Status
from .permissions import applications_visible_to, campaigns_visible_to

MAX_ITEMS = 50


def items(user, today: dt.date, limit: int | None = None) -> Iterable[WorklistItem]:
    if not user.has_perm("naturalisation.use"):
        return []
    most = capped(limit, MAX_ITEMS)
    return [*slot_items(user, today, most), *waiting_items(user, today, most)]


def slot_items(user, today: dt.date, limit: int = MAX_ITEMS) -> list[WorklistItem]:
    """Booked consultation hours of running campaigns, today and tomorrow (local time)."""
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(today, dt.time.min, tzinfo=zone)
    end = start + dt.timedelta(days=2)
    slots = (
        ConsultationSlot.objects.filter(
            campaign__in=campaigns_visible_to(user).filter(ended_on__isnull=True),
            booked_by__isnull=False,
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .select_related("booked_by", "campaign")
        .order_by("starts_at", "pk")[:limit]
    )
    found = []
    for slot in slots:
        local = timezone.localtime(slot.starts_at, zone)
        title = (
            _("Consultation hour today at %(time)s, %(place)s")
            if local.date() == today
            else _("Consultation hour tomorrow at %(time)s, %(place)s")
        )
        found.append(
            WorklistItem(
                kind="naturalisation_slot",
                title=title
                % {"time": formats.time_format(local, "TIME_FORMAT"), "place": slot.place},
                url=reverse("naturalisation:campaign", args=[slot.campaign_id]),
                due=local.date(),
                subject=f"{slot.booked_by.name} · {slot.campaign.name}",
            )
        )
    return found


def waiting_items(user, today: dt.date, limit: int = MAX_ITEMS) -> list[WorklistItem]:
    limits = AuthoritySettings.for_organisation(user.organisation).limits()
    waiting = Q()
    for status, days in limits.items():
        if status in workflow.OPEN:
            waiting |= Q(status=status, status_since__lt=today - dt.timedelta(days=days))
    labels = dict(Status.choices)
    found = []
    rows = applications_visible_to(user).filter(waiting).order_by("status_since", "pk")[:limit]
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

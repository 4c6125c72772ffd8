"""Who sees a case conference.

An invited partner sees it while the invitation runs (not ended, today on or
before the end date), while they still belong to the organisation they were
invited for, and while the client's consent for a case conference with that
organisation is in force: a withdrawn or expired consent ends it at once.
The people who may see the case (its case manager, the team lead) run it.
Nobody else learns that it exists (404).
"""

from __future__ import annotations

import datetime as dt

import rules
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from lotse.accounts.models import Role
from lotse.accounts.permissions import is_case_manager, is_partner_staff, is_staff_member
from lotse.audit.actions import do_log_access
from lotse.cases.permissions import cases_visible_to
from lotse.conferences.models import CaseConference, Invitation
from lotse.consents.models import Consent, Purpose


def conferences_open_to_partner(user, today: dt.date) -> QuerySet[CaseConference]:
    """Conferences the partner staff member `user` may see today (one query)."""
    if not (is_staff_member(user) and user.role == Role.PARTNER_STAFF):
        return CaseConference.objects.none()
    invited = Invitation.objects.filter(
        conference=OuterRef("pk"), user_id=user.pk, organisation_id=user.organisation_id
    )
    consented = Consent.objects.in_force(today).filter(
        client_id=OuterRef("case__client_id"),
        recipient_id=user.organisation_id,
        purpose=Purpose.CASE_CONFERENCE,
    )
    return CaseConference.objects.filter(
        Exists(invited),
        Exists(consented),
        municipality_id=user.organisation.municipality_id,
        ended_at__isnull=True,
        invited_until__gte=today,
    )


def conferences_run_by(user) -> QuerySet[CaseConference]:
    """Conferences of the cases the user may see."""
    return CaseConference.objects.filter(case__in=cases_visible_to(user))


rules.add_perm("conferences.run_conference", is_case_manager)
rules.add_perm("conferences.view_conference", is_case_manager | is_partner_staff)


def access_conference(request: HttpRequest, pk: int) -> tuple[CaseConference, bool]:
    """The conference and whether the user is an invited partner; 404 otherwise.

    Every read is logged.
    """
    user = request.user
    today = timezone.localdate()
    related = ("case__client__district", "created_by__organisation")
    conference = conferences_open_to_partner(user, today).select_related(*related).filter(pk=pk)
    found = conference.first()
    as_partner = found is not None
    if found is None and is_case_manager(user):
        found = conferences_run_by(user).select_related(*related).filter(pk=pk).first()
    if found is None:
        raise Http404
    do_log_access(
        acting_user=user, action="conferences.conference.viewed", obj=found, request=request
    )
    return found, as_partner

"""Who may see which referral.

The case side sees a referral through its case (cases.permissions.access_case).
Partner staff see only referrals addressed to their own organisation, never a
proposed one (nothing was shared yet), and of those only the consented part:
the client's name, the purpose and the consent's scope, while a consent covers it.
"""

from __future__ import annotations

import datetime as dt

import rules
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from lotse.accounts.permissions import is_coordinator, is_partner_staff, is_team_lead
from lotse.audit.actions import do_log_access
from lotse.cases.permissions import access_case
from lotse.consents.models import Consent, Purpose
from lotse.referrals.models import Referral
from lotse.referrals.rules import Status

rules.add_perm("referrals.view_inbox", is_partner_staff)
# The network as aggregates, never a client: coordinators and team leads.
rules.add_perm("referrals.view_network", is_coordinator | is_team_lead)


def referrals_addressed_to(user) -> QuerySet[Referral]:
    if not is_partner_staff(user):
        return Referral.objects.none()
    return Referral.objects.filter(
        municipality_id=user.organisation.municipality_id,
        organisation_id=user.organisation_id,
    ).exclude(status=Status.PROPOSED.value)


def access_incoming_referral(request: HttpRequest, pk: int, *, log: bool = True) -> Referral:
    """A referral addressed to the partner's organisation (the read is logged), else 404."""
    referral = (
        referrals_addressed_to(request.user)
        .select_related("case__client", "offer", "organisation")
        .filter(pk=pk)
        .first()
    )
    if referral is None:
        raise Http404
    if log:
        do_log_access(
            acting_user=request.user,
            action="referrals.referral.viewed",
            obj=referral,
            detail=f"client {referral.case.client_id}",
            request=request,
        )
    return referral


def access_case_referral(request: HttpRequest, pk: int) -> Referral:
    """A referral of a case the user may see (through access_case), else 404."""
    case_id = Referral.objects.filter(pk=pk).values_list("case_id", flat=True).first()
    if case_id is None:
        raise Http404
    case = access_case(request, case_id, log=False)
    referral = Referral.objects.select_related("organisation").get(pk=pk)
    referral.case = case
    return referral


def covering_consents(referrals: list[Referral], on: dt.date) -> dict[int, Consent]:
    """For each referral, the newest consent in force on `on` that covers it (one query)."""
    if not referrals:
        return {}
    pairs = {(r.case.client_id, r.organisation_id) for r in referrals}
    consents = Consent.objects.in_force(on).filter(
        purpose=Purpose.REFERRAL,
        client_id__in={client for client, _ in pairs},
        recipient_id__in={org for _, org in pairs},
    )
    newest: dict[tuple[int, int], Consent] = {}
    for consent in consents.order_by("given_on", "id"):
        newest[(consent.client_id, consent.recipient_id)] = consent
    found = {}
    for referral in referrals:
        consent = newest.get((referral.case.client_id, referral.organisation_id))
        if consent is not None:
            found[referral.pk] = consent
    return found

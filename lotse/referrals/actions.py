"""Creating, sending and answering referrals; each change is logged in its transaction."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from lotse.audit.actions import do_log_access
from lotse.consents.models import Consent, Purpose
from lotse.referrals.models import Referral
from lotse.referrals.rules import ReferralFacts, Side, Status, check_step


class StepRefused(Exception):
    def __init__(self, reasons: tuple[str, ...]):
        super().__init__(", ".join(reasons))
        self.reasons = reasons


class Conflict(Exception):
    """Someone else changed the referral since the form was shown."""


def _covering_consent(referral: Referral, on: dt.date) -> Consent | None:
    return (
        Consent.objects.in_force(on)
        .filter(
            client_id=referral.case.client_id,
            recipient_id=referral.organisation_id,
            purpose=Purpose.REFERRAL,
        )
        .order_by("-given_on", "-id")
        .first()
    )


def do_create_referral(
    *, acting_user, case, organisation, offer, purpose: str, request: HttpRequest | None = None
) -> Referral:
    """A proposed referral: nothing leaves the case until it is sent."""
    with transaction.atomic():
        referral = Referral.objects.create(
            municipality_id=case.municipality_id,
            case=case,
            organisation=organisation,
            offer=offer,
            purpose=purpose,
            created_by=acting_user,
        )
        do_log_access(
            acting_user=acting_user,
            action="referrals.referral.created",
            obj=referral,
            detail=f"to organisation {organisation.pk}",
            request=request,
        )
    return referral


def _step(
    *,
    acting_user,
    referral: Referral,
    target: Status,
    side: Side,
    version: int | None,
    today: dt.date,
    text: str = "",
    request: HttpRequest | None,
) -> Referral:
    with transaction.atomic():
        locked = Referral.objects.select_for_update().select_related("case").get(pk=referral.pk)
        if version is None or locked.version != version:
            raise Conflict
        consent = _covering_consent(locked, today)
        verdict = check_step(
            ReferralFacts(Status(locked.status), consent is not None), target, side, text=text
        )
        if not verdict.allowed:
            raise StepRefused(verdict.reasons)
        now = timezone.now()
        locked.status = target.value
        locked.version += 1
        if target == Status.SENT:
            locked.consent, locked.sent_at, locked.sent_by = consent, now, acting_user
        elif target in (Status.ACCEPTED, Status.DECLINED):
            locked.answered_at, locked.answered_by = now, acting_user
            locked.decline_reason = text.strip() if target == Status.DECLINED else ""
        elif target == Status.DONE:
            locked.reported_at, locked.reported_by = now, acting_user
            locked.report_back = text.strip()
        if side == Side.PARTNER:
            locked.partner_changed_at = now
        locked.save()
        do_log_access(
            acting_user=acting_user,
            action="referrals.referral.changed",
            obj=locked,
            detail=f"{target.value} (consent {consent.pk if consent else '-'})",
            request=request,
        )
    return locked


def do_send_referral(
    *,
    acting_user,
    referral: Referral,
    version: int | None,
    today: dt.date,
    request: HttpRequest | None = None,
) -> Referral:
    """proposed -> sent, only under a consent in force for this organisation and referrals."""
    return _step(
        acting_user=acting_user,
        referral=referral,
        target=Status.SENT,
        side=Side.CASE_MANAGER,
        version=version,
        today=today,
        request=request,
    )


def do_answer_referral(
    *,
    acting_user,
    referral: Referral,
    target: Status,
    text: str,
    version: int | None,
    today: dt.date,
    request: HttpRequest | None = None,
) -> Referral:
    """The partner accepts, declines (with a reason) or reports back (done, with a note)."""
    return _step(
        acting_user=acting_user,
        referral=referral,
        target=target,
        side=Side.PARTNER,
        version=version,
        today=today,
        text=text,
        request=request,
    )

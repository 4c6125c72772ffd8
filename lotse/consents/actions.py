"""Recording and withdrawing consents; each change is logged in its transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from lotse.audit.actions import do_log_access
from lotse.consents.models import Consent


class AlreadyWithdrawn(Exception):
    """A withdrawn consent stays withdrawn; a new consent must be recorded instead."""


def do_record_consent(
    *, acting_user, case, data: dict[str, Any], request: HttpRequest | None = None
) -> Consent:
    with transaction.atomic():
        consent = Consent.objects.create(
            client_id=case.client_id,
            case=case,
            purpose=data["purpose"],
            recipient=data["recipient"],
            scope=data["scope"],
            given_on=data["given_on"],
            valid_until=data.get("valid_until"),
            form_version=data["form_version"],
            language=data["language"],
            recorded_by=acting_user,
        )
        do_log_access(
            acting_user=acting_user,
            action="consents.consent.created",
            obj=consent,
            detail=f"{consent.purpose} -> {consent.recipient_id}",
            request=request,
        )
    return consent


def do_withdraw_consent(
    *, acting_user, consent: Consent, note: str = "", request: HttpRequest | None = None
) -> Consent:
    """Withdraw at once: from now on nothing is shared under this consent.

    There is no way back: withdrawing cannot be undone, not even by an
    administrator in the UI; if the client agrees again, a new consent is recorded.
    """
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if locked.withdrawn_at is not None:
            raise AlreadyWithdrawn
        locked.withdrawn_at = timezone.now()
        locked.withdrawn_by = acting_user
        locked.withdrawal_note = note
        locked.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_note"])
        do_log_access(
            acting_user=acting_user,
            action="consents.consent.changed",
            obj=locked,
            detail=f"withdrawn {note}".strip(),
            request=request,
        )
    return locked

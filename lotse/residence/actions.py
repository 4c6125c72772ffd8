"""Changes made by the residence app."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest

from lotse.audit.actions import do_log_access
from lotse.people.models import Client

from .models import PrecheckConsent


def do_record_precheck_consent(
    *, client: Client, remark: str, user, request: HttpRequest | None = None
) -> PrecheckConsent:
    with transaction.atomic():
        consent = PrecheckConsent.objects.create(client=client, remark=remark, recorded_by=user)
        do_log_access(
            acting_user=user,
            action="residence.precheckconsent.created",
            obj=consent,
            detail=f"client {client.pk}",
            request=request,
        )
    return consent

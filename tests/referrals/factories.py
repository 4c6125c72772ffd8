from __future__ import annotations

from django.utils import timezone

from lotse.referrals.models import Referral
from tests.consents.factories import make_consent


def make_referral(case, organisation, *, status="sent", with_consent=True, **fields) -> Referral:
    consent = make_consent(case, organisation) if with_consent else None
    fields.setdefault("purpose", "Beratung zur Wohnungssuche")
    if status != "proposed":
        fields.setdefault("sent_at", timezone.now())
    return Referral.objects.create(
        municipality_id=case.municipality_id,
        case=case,
        organisation=organisation,
        status=status,
        consent=consent if status != "proposed" else None,
        created_by=case.case_manager,
        **fields,
    )

"""Small factories for consents, used by the sharing tests and their matrices."""

from __future__ import annotations

import datetime as dt

from lotse.consents.models import Consent, Purpose


def make_consent(case, recipient, *, purpose=Purpose.REFERRAL, **fields) -> Consent:
    fields.setdefault("given_on", dt.date(2026, 1, 1))
    fields.setdefault("scope", "Name, Kontaktdaten, Sprachkenntnisse")
    return Consent.objects.create(
        client_id=case.client_id,
        case=case,
        purpose=purpose,
        recipient=recipient,
        recorded_by=case.case_manager,
        **fields,
    )

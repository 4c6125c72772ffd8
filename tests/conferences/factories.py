from __future__ import annotations

import datetime as dt

from django.utils import timezone

from lotse.conferences.models import CaseConference, Invitation
from lotse.consents.models import Consent, Purpose


def give_consent(world, organisation=None, **fields) -> Consent:
    fields.setdefault("given_on", timezone.localdate() - dt.timedelta(days=10))
    fields.setdefault("purpose", Purpose.CASE_CONFERENCE)
    return Consent.objects.create(
        client=world.client_a,
        case=world.case_a,
        recipient=organisation or world.welfare_a,
        recorded_by=world.case_manager_a,
        **fields,
    )


def make_conference(world, *, consent: bool = True, days: int = 14, **fields) -> CaseConference:
    """A conference on case_a with partner_staff_a (AWO A) invited."""
    if consent:
        give_consent(world)
    fields.setdefault("topic", "Wohnungssuche")
    fields.setdefault("summary", "Familie sucht eine größere Wohnung.")
    fields.setdefault("shared_parts", ["name", "languages"])
    conference = CaseConference.objects.create(
        municipality=world.municipality_a,
        case=world.case_a,
        invited_until=timezone.localdate() + dt.timedelta(days=days),
        created_by=world.case_manager_a,
        **fields,
    )
    Invitation.objects.create(
        conference=conference, user=world.partner_staff_a, organisation=world.welfare_a
    )
    return conference

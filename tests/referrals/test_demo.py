"""The demo brings consents and referrals, and `load_demo --reset` loads them anew."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from lotse.accounts.models import User
from lotse.consents.models import Consent, Purpose
from lotse.referrals.models import Referral
from lotse.referrals.permissions import referrals_addressed_to
from lotse.referrals.rules import Status

pytestmark = pytest.mark.django_db


def test_demo_loads_referrals_in_every_status_and_reset_loads_them_again(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", clients=30, stdout=StringIO())
    call_command("load_demo", clients=30, reset=True, stdout=StringIO())
    call_command("load_demo", clients=30, reset=True, stdout=StringIO())

    referrals = Referral.objects.filter(municipality__slug="troisdorf")
    assert set(referrals.values_list("status", flat=True)) == {s.value for s in Status}
    recipients = set(
        Consent.objects.filter(client__municipality__slug="troisdorf").values_list(
            "recipient__name", flat=True
        )
    )
    assert "AWO Migrationsberatung Troisdorf" in recipients
    sara = User.objects.get(email="sara.yilmaz@troisdorf.example")
    assert referrals_addressed_to(sara).exists()


def test_every_sent_demo_referral_has_a_consent_in_force_for_its_organisation(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", clients=30, stdout=StringIO())
    today = timezone.localdate()
    sent = Referral.objects.exclude(status=Status.PROPOSED.value).select_related("consent")
    assert sent.exists()
    for referral in sent:
        assert referral.consent.recipient_id == referral.organisation_id
        assert referral.consent.purpose == Purpose.REFERRAL
        assert Consent.objects.in_force(today).filter(pk=referral.consent_id).exists()
        assert referral.sent_at is not None

"""The demo holds applications in several steps and one campaign for Troisdorf's authority."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from lotse.accounts.models import User
from lotse.naturalisation import worklist
from lotse.naturalisation.models import Application, Campaign
from lotse.naturalisation.permissions import (
    applications_visible_to,
    campaigns_visible_to,
    linkable_clients,
)


def test_demo_gives_tim_becker_applications_in_several_steps_and_a_campaign(db):
    call_command("load_demo", clients=30, stdout=StringIO())
    tim = User.objects.get(email="tim.becker@troisdorf.example")
    steps = set(applications_visible_to(tim).values_list("status", flat=True))
    assert len(steps) >= 4
    campaign = campaigns_visible_to(tim).get()
    assert campaign.rows_imported == 6 and campaign.eligible_now >= 1
    reminders = [i for i in worklist.items(tim, timezone.localdate()) if "slot" in i.kind]
    assert len(reminders) == 1 and campaign.appointments == 1
    # One application is linked to a client record, with the consent that allows it.
    linked = Application.objects.exclude(client=None).get()
    assert linked.client in linkable_clients(tim, timezone.localdate())
    call_command("load_demo", clients=30, reset=True, stdout=StringIO())
    assert Campaign.objects.count() == 1 and Application.objects.count() == 8

"""A closed case is a finished record: nothing new is added until it is reopened."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from lotse.appointments.models import FollowUp
from lotse.cases.models import Case
from lotse.consents.models import Consent
from lotse.contacts.models import Contact
from lotse.core.models import ClosureReason
from lotse.referrals.models import Referral


def _close(case: Case) -> None:
    case.phase = "closed"
    case.closed_on = timezone.localdate()
    case.closure_reason = ClosureReason.objects.filter(municipality=case.municipality).first()
    case.save()


@pytest.mark.parametrize(
    ("url_name", "payload", "model"),
    [
        (
            "contacts:add",
            {"date": "2026-11-20", "channel": "phone", "duration_minutes": "10"},
            Contact,
        ),
        ("appointments:followup-add", {"due_on": "2026-12-01", "what": "Call back"}, FollowUp),
        ("consents:create", {"purpose": "referral"}, Consent),
        ("referrals:create", {"purpose": "Sprachkurs"}, Referral),
    ],
)
def test_nothing_new_is_recorded_on_a_closed_case(client, world, url_name, payload, model):
    _close(world.case_a)
    client.force_login(world.case_manager_a)
    before = model.objects.count()
    response = client.post(reverse(url_name, args=[world.case_a.pk]), payload, follow=True)
    assert response.redirect_chain[-1][0] == reverse("cases:detail", args=[world.case_a.pk])
    assert "Dieser Fall ist abgeschlossen." in response.content.decode()
    assert model.objects.count() == before


def test_the_case_page_of_a_closed_case_offers_no_forms_to_add(client, world):
    _close(world.case_a)
    client.force_login(world.case_manager_a)
    html = client.get(reverse("cases:detail", args=[world.case_a.pk])).content.decode()
    assert reverse("contacts:add", args=[world.case_a.pk]) not in html
    assert reverse("appointments:followup-add", args=[world.case_a.pk]) not in html
    assert reverse("consents:create", args=[world.case_a.pk]) not in html
    assert reverse("referrals:create", args=[world.case_a.pk]) not in html


def test_a_closed_cases_follow_ups_leave_the_worklist_until_it_is_reopened(client, world):
    FollowUp.objects.create(
        case=world.case_a, due_on=timezone.localdate() + dt.timedelta(days=1), what="Ask AWO"
    )
    client.force_login(world.case_manager_a)
    assert "Ask AWO" in client.get(reverse("core:start")).content.decode()
    _close(world.case_a)
    assert "Ask AWO" not in client.get(reverse("core:start")).content.decode()
    world.case_a.phase = "implementation"
    world.case_a.save()
    assert "Ask AWO" in client.get(reverse("core:start")).content.decode()

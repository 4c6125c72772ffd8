"""Handover within an organisation; transfer to another needs consent and acceptance."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from lotse.accounts.models import Role
from lotse.cases import worklist
from lotse.cases.models import Case, TransferRequest
from lotse.consents.models import Consent, Purpose
from tests.conftest import make_user


def test_case_manager_hands_a_case_to_a_colleague(cm, world):
    response = cm.post(
        reverse("cases:handover", kwargs={"pk": world.case_a.pk}),
        {"version": 1, "to_user": world.other_case_manager_a.pk},
    )
    case = Case.objects.get(pk=world.case_a.pk)
    assert case.case_manager == world.other_case_manager_a
    assert response["Location"] == reverse("core:start")  # no longer visible to the giver


def test_handover_to_someone_of_another_organisation_is_refused(cm, world):
    page = cm.post(
        reverse("cases:handover", kwargs={"pk": world.case_a.pk}),
        {"version": 1, "to_user": world.partner_staff_a.pk},
    )
    assert page.status_code == 200
    assert Case.objects.get(pk=world.case_a.pk).case_manager == world.case_manager_a


def test_team_lead_reassigns_within_the_organisation(client, world):
    client.force_login(world.team_lead_a)
    client.post(
        reverse("cases:handover", kwargs={"pk": world.case_a.pk}),
        {"version": 1, "to_user": world.other_case_manager_a.pk},
    )
    assert Case.objects.get(pk=world.case_a.pk).case_manager == world.other_case_manager_a


@pytest.fixture
def welfare_lead(world):
    return make_user(world.welfare_a, Role.TEAM_LEAD)


def test_transfer_without_consent_is_refused_and_nothing_moves(cm, world, welfare_lead):
    response = cm.post(
        reverse("cases:transfer", kwargs={"pk": world.case_a.pk}),
        {"to_organisation": world.welfare_a.pk},
    )
    assert "keine gültige Einwilligung" in response.content.decode()
    assert not TransferRequest.objects.exists()


def test_transfer_with_consent_waits_for_the_receiving_team_lead(cm, client, world, welfare_lead):
    Consent.objects.create(
        client=world.client_a,
        purpose=Purpose.TRANSFER,
        recipient=world.welfare_a,
        given_on=dt.date(2026, 1, 20),
    )
    cm.post(
        reverse("cases:transfer", kwargs={"pk": world.case_a.pk}),
        {"to_organisation": world.welfare_a.pk, "note": "Wohnortnähe"},
    )
    transfer = TransferRequest.objects.get()
    assert Case.objects.get(pk=world.case_a.pk).organisation == world.kim_a
    items = worklist.items(welfare_lead, dt.date(2026, 3, 1))
    assert [i.kind for i in items] == ["transfer"]

    client.force_login(welfare_lead)
    url = reverse("cases:transfer-decide", kwargs={"pk": transfer.pk})
    assert client.get(url).status_code == 200
    client.post(url, {"decision": "accept", "new_case_manager": welfare_lead.pk})
    case = Case.objects.get(pk=world.case_a.pk)
    assert (case.organisation, case.case_manager) == (world.welfare_a, welfare_lead)
    assert client.get(reverse("cases:detail", kwargs={"pk": case.pk})).status_code == 200


def test_a_withdrawn_consent_stops_a_pending_transfer(cm, client, world, welfare_lead):
    consent = Consent.objects.create(
        client=world.client_a,
        purpose=Purpose.TRANSFER,
        recipient=world.welfare_a,
        given_on=dt.date(2026, 1, 20),
    )
    cm.post(
        reverse("cases:transfer", kwargs={"pk": world.case_a.pk}),
        {"to_organisation": world.welfare_a.pk},
    )
    from django.utils import timezone

    consent.withdrawn_at = timezone.now()
    consent.save()
    client.force_login(welfare_lead)
    transfer = TransferRequest.objects.get()
    client.post(
        reverse("cases:transfer-decide", kwargs={"pk": transfer.pk}),
        {"decision": "accept", "new_case_manager": welfare_lead.pk},
    )
    assert Case.objects.get(pk=world.case_a.pk).organisation == world.kim_a
    assert TransferRequest.objects.get().status == "pending"


def test_a_rejected_transfer_moves_nothing(client, world, welfare_lead):
    transfer = TransferRequest.objects.create(
        case=world.case_a, from_organisation=world.kim_a, to_organisation=world.welfare_a
    )
    client.force_login(welfare_lead)
    client.post(
        reverse("cases:transfer-decide", kwargs={"pk": transfer.pk}), {"decision": "reject"}
    )
    assert TransferRequest.objects.get().status == "rejected"
    assert Case.objects.get(pk=world.case_a.pk).organisation == world.kim_a

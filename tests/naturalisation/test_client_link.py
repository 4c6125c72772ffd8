"""Linking an application to a client record: only records whose data may reach the authority."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from lotse.audit.models import AccessLogEntry
from lotse.consents.models import Consent, Purpose
from lotse.naturalisation.models import Application
from lotse.naturalisation.permissions import linkable_clients
from tests.conftest import make_client

pytestmark = pytest.mark.django_db


def consent(world, client, *, purpose=Purpose.DATA_EXCHANGE, recipient=None, **fields):
    fields.setdefault("given_on", timezone.localdate() - dt.timedelta(days=10))
    return Consent.objects.create(
        client=client,
        purpose=purpose,
        recipient=recipient or world.authority_a,
        recorded_by=world.case_manager_a,
        **fields,
    )


def make_app(world, **fields):
    return Application.objects.create(
        organisation=world.authority_a,
        number=fields.pop("number", "E-7"),
        applicant_name="Nour Haddad",
        received_on=dt.date(2026, 1, 5),
        status_since=dt.date(2026, 1, 5),
        **fields,
    )


@pytest.fixture
def staff(client, world):
    client.force_login(world.authority_staff_a)
    return client


def test_only_clients_who_consented_to_exchange_with_this_authority_can_be_linked(world):
    today = timezone.localdate()
    consent(world, world.client_a)
    other = make_client(world.municipality_a, world.kim_a, world.case_manager_a)
    consent(world, other, purpose=Purpose.REFERRAL)  # another purpose
    withdrawn = make_client(world.municipality_a, world.kim_a, world.case_manager_a)
    consent(world, withdrawn, withdrawn_at=timezone.now())
    expired = make_client(world.municipality_a, world.kim_a, world.case_manager_a)
    consent(world, expired, valid_until=today - dt.timedelta(days=1))
    to_partner = make_client(world.municipality_a, world.kim_a, world.case_manager_a)
    consent(world, to_partner, recipient=world.welfare_a)
    consent(world, world.client_b)  # another municipality

    assert list(linkable_clients(world.authority_staff_a, today)) == [world.client_a]
    # Nobody without authority rights gets a list, not even who sees the record anyway.
    for persona in ("case_manager_a", "team_lead_a", "partner_staff_a", "admin_a"):
        assert not linkable_clients(getattr(world, persona), today).exists()


def test_staff_link_a_consented_client_and_see_it_on_the_application(staff, world):
    consent(world, world.client_a)
    app = make_app(world)
    page = staff.get(f"/naturalisation/applications/{app.pk}/").content.decode()
    assert "Haddad, Nour" in page  # offered in the choice
    response = staff.post(
        f"/naturalisation/applications/{app.pk}/client/",
        {"client": world.client_a.pk, "version": app.version},
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.client == world.client_a
    page = staff.get(f"/naturalisation/applications/{app.pk}/").content.decode()
    assert 'data-testid="client-link">Haddad, Nour' in page
    # Authority staff may not open the client record itself: no link to it.
    assert f"/clients/{world.client_a.pk}/" not in page
    assert AccessLogEntry.objects.filter(
        action="naturalisation.application.changed",
        detail=f"client record {world.client_a.pk} linked",
    ).exists()
    staff.post(
        f"/naturalisation/applications/{app.pk}/client/", {"unlink": "1", "version": app.version}
    )
    app.refresh_from_db()
    assert app.client is None


def test_a_client_without_consent_is_neither_offered_nor_accepted(staff, world):
    app = make_app(world)
    page = staff.get(f"/naturalisation/applications/{app.pk}/").content.decode()
    assert "Haddad" not in page.replace("Nour Haddad", "")  # only the applicant's own name
    response = staff.post(
        f"/naturalisation/applications/{app.pk}/client/",
        {"client": world.client_a.pk, "version": app.version},
    )
    assert response.status_code == 400
    app.refresh_from_db()
    assert app.client is None
    # Not on the new-application form either.
    response = staff.post(
        "/naturalisation/applications/new/",
        {
            "number": "E-9",
            "applicant_name": "X",
            "language": "de",
            "received_on": "2026-02-01",
            "client": world.client_a.pk,
        },
    )
    assert response.status_code == 200
    assert not Application.objects.filter(number="E-9").exists()


def test_a_linked_record_disappears_from_the_page_when_the_consent_is_withdrawn(staff, world):
    given = consent(world, world.client_a)
    app = make_app(world)
    staff.post(
        "/naturalisation/applications/new/",
        {
            "number": "E-10",
            "applicant_name": "Nour Haddad",
            "language": "ar",
            "received_on": "2026-02-01",
            "client": world.client_a.pk,
        },
    )
    app = Application.objects.get(number="E-10")
    assert app.client == world.client_a
    given.withdrawn_at = timezone.now()
    given.save()
    page = staff.get(f"/naturalisation/applications/{app.pk}/").content.decode()
    assert "Haddad, Nour" not in page
    assert 'data-testid="client-link">' in page


def test_an_application_of_another_authority_cannot_be_linked(client, world):
    other_authority = world.authority_a.__class__.objects.create(
        municipality=world.municipality_a,
        name="Einbürgerung Nachbarkreis",
        kind=world.authority_a.kind,
    )
    app = make_app(world)
    app.organisation = other_authority
    app.save()
    consent(world, world.client_a)
    client.force_login(world.authority_staff_a)
    response = client.post(
        f"/naturalisation/applications/{app.pk}/client/",
        {"client": world.client_a.pk, "version": app.version},
    )
    assert response.status_code == 404


def test_nothing_of_the_application_shows_on_the_client_side(client, world):
    consent(world, world.client_a)
    make_app(world, number="EINB-4711", client=world.client_a)
    for persona in ("case_manager_a", "team_lead_a"):
        client.force_login(getattr(world, persona))
        page = client.get(f"/clients/{world.client_a.pk}/")
        assert page.status_code == 200
        text = page.content.decode()
        assert "EINB-4711" not in text
        assert "naturalisation/applications" not in text


def test_linking_with_an_old_version_saves_nothing(staff, world):
    consent(world, world.client_a)
    app = make_app(world)
    stale = app.version
    app.version += 1
    app.save()
    response = staff.post(
        f"/naturalisation/applications/{app.pk}/client/",
        {"client": world.client_a.pk, "version": stale},
    )
    assert response.status_code == 400
    assert "Jemand anderes hat diesen Antrag inzwischen geändert." in response.content.decode()
    app.refresh_from_db()
    assert app.client is None

"""The contact log: recording a contact, the case's last contact date, access."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from lotse.audit.models import AccessLogEntry
from lotse.cases.models import Case
from lotse.contacts.actions import do_record_contact
from lotse.contacts.models import Channel, Contact


def _record(world, date: dt.date, **fields) -> Contact:
    fields.setdefault("channel", Channel.PHONE)
    fields.setdefault("duration_minutes", 20)
    return do_record_contact(
        acting_user=world.case_manager_a, case=world.case_a, date=date, **fields
    )


def _post(client, world, headers=None, **data):
    payload = {
        "date": timezone.localdate().isoformat(),
        "channel": "in_person",
        "duration_minutes": "45",
        "location": "Rathaus",
        "note": "Talked about the language course.",
    }
    payload.update(data)
    return client.post(reverse("contacts:add", args=[world.case_a.pk]), payload, headers=headers)


def test_a_later_contact_moves_last_contact_on_forward(world):
    _record(world, dt.date(2026, 2, 1))
    assert Case.objects.get(pk=world.case_a.pk).last_contact_on == dt.date(2026, 2, 1)
    _record(world, dt.date(2026, 2, 10))
    assert Case.objects.get(pk=world.case_a.pk).last_contact_on == dt.date(2026, 2, 10)


def test_an_earlier_contact_recorded_late_does_not_move_last_contact_on_back(world):
    _record(world, dt.date(2026, 2, 10))
    _record(world, dt.date(2026, 1, 20))
    assert Case.objects.get(pk=world.case_a.pk).last_contact_on == dt.date(2026, 2, 10)
    assert world.case_a.contacts.count() == 2


def test_recording_a_contact_is_logged(world):
    contact = _record(world, dt.date(2026, 2, 1))
    entry = AccessLogEntry.objects.get(action="contacts.contact.created")
    assert entry.object_id == str(contact.pk)
    assert entry.user == world.case_manager_a


def test_case_manager_records_a_contact_through_the_form(client, world):
    client.force_login(world.case_manager_a)
    response = _post(client, world)
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.by == world.case_manager_a
    assert contact.channel == Channel.IN_PERSON
    assert Case.objects.get(pk=world.case_a.pk).last_contact_on == timezone.localdate()


def test_the_quick_form_reloads_the_case_page_after_saving(client, world):
    client.force_login(world.case_manager_a)
    headers = {"HX-Request": "true"}
    response = _post(client, world, note="Brought the Jobcenter letter", headers=headers)
    assert response.status_code == 204
    assert response["HX-Refresh"] == "true"
    page = client.get(reverse("cases:detail", args=[world.case_a.pk])).content.decode()
    assert "Brought the Jobcenter letter" in page
    assert "Der Kontakt wurde erfasst." in page


def test_the_quick_form_shows_errors_in_place(client, world):
    client.force_login(world.case_manager_a)
    response = _post(client, world, duration_minutes="0", headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="contacts-section"' in html and "<html" not in html
    assert 'class="error"' in html
    assert not Contact.objects.exists()


def test_a_contact_in_the_future_is_refused_with_a_message_and_nothing_changes(client, world):
    client.force_login(world.case_manager_a)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = _post(client, world, date=tomorrow.isoformat())
    assert response.status_code == 200
    assert "Zukunft" in response.content.decode()
    assert not Contact.objects.exists()
    assert Case.objects.get(pk=world.case_a.pk).last_contact_on is None


def test_case_page_shows_the_latest_contacts_and_the_quick_form(client, world):
    _record(world, dt.date(2026, 2, 3), note="Anmeldung Integrationskurs")
    client.force_login(world.case_manager_a)
    html = client.get(reverse("cases:detail", args=[world.case_a.pk])).content.decode()
    assert "Anmeldung Integrationskurs" in html
    assert reverse("contacts:add", args=[world.case_a.pk]) in html


def test_a_case_worker_without_access_to_the_case_cannot_record_a_contact(client, world):
    for user in (world.other_case_manager_a, world.case_manager_b, world.coordinator_a):
        client.force_login(user)
        assert _post(client, world).status_code == 404
    assert not Contact.objects.exists()


def test_the_contact_list_is_logged_as_a_read(client, world):
    _record(world, dt.date(2026, 2, 3))
    client.force_login(world.team_lead_a)
    response = client.get(reverse("contacts:list", args=[world.case_a.pk]))
    assert response.status_code == 200
    assert AccessLogEntry.objects.filter(
        action="contacts.contact.listed", user=world.team_lead_a
    ).exists()

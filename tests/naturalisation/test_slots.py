"""Consultation hours: booking a slot for a person on the list, and reminders of booked slots."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from lotse.accounts.models import Role
from lotse.naturalisation import worklist
from lotse.naturalisation.models import Campaign, ConsultationSlot, RegisterEntry
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def campaign_with_rows(world, **fields):
    campaign = Campaign.objects.create(
        organisation=fields.pop("organisation", world.authority_a),
        name=fields.pop("name", "Troisdorf 2026"),
        started_on=dt.date(2026, 9, 1),
        rows_imported=2,
        **fields,
    )
    for number, name in ((2, "Amal Haddad"), (3, "Olena Koval")):
        RegisterEntry.objects.create(
            campaign=campaign,
            row_number=number,
            name=name,
            birth_date=dt.date(1990, 1, 1),
            nationality="SY",
            entry_date=dt.date(2018, 1, 1),
            residence_title="niederlassungserlaubnis",
            address="X",
            language="ar",
            category="now",
            check_name="stag10",
        )
    return campaign


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def slot(campaign, when, booked_by=None):
    return ConsultationSlot.objects.create(
        campaign=campaign, starts_at=when, place="Rathaus, Zimmer 12", booked_by=booked_by
    )


@pytest.fixture
def staff(client, world):
    client.force_login(world.authority_staff_a)
    return client


def test_staff_book_a_free_slot_by_row_number(staff, world):
    campaign = campaign_with_rows(world)
    free = slot(campaign, timezone.now() + dt.timedelta(days=3))
    response = staff.post(
        f"/naturalisation/campaigns/{campaign.pk}/slots/{free.pk}/book/", {"row": "3"}, follow=True
    )
    free.refresh_from_db()
    assert free.booked_by.name == "Olena Koval"
    assert free.booked_by.appointment_booked_on == timezone.localdate()
    campaign.refresh_from_db()
    assert campaign.appointments == 1
    assert "Der Termin wurde für Olena Koval gebucht." in response.content.decode()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("", "Bitte die Zeilennummer einer Person der Liste angeben."),
        ("99", "Bitte die Zeilennummer einer Person der Liste angeben."),
        ("x", "Bitte die Zeilennummer einer Person der Liste angeben."),
    ],
)
def test_an_unknown_row_books_nothing(staff, world, row, message):
    campaign = campaign_with_rows(world)
    free = slot(campaign, timezone.now() + dt.timedelta(days=3))
    response = staff.post(
        f"/naturalisation/campaigns/{campaign.pk}/slots/{free.pk}/book/", {"row": row}, follow=True
    )
    assert message in response.content.decode()
    free.refresh_from_db()
    assert free.booked_by is None


def test_a_slot_is_booked_once_a_person_holds_one_slot_and_the_past_is_closed(staff, world):
    campaign = campaign_with_rows(world)
    first = slot(campaign, timezone.now() + dt.timedelta(days=3))
    second = slot(campaign, timezone.now() + dt.timedelta(days=4))
    past = slot(campaign, timezone.now() - dt.timedelta(hours=1))
    url = f"/naturalisation/campaigns/{campaign.pk}/slots/%s/book/"
    staff.post(url % first.pk, {"row": "2"})
    taken = staff.post(url % first.pk, {"row": "3"}, follow=True).content.decode()
    assert "Dieser Termin ist schon vergeben." in taken
    twice = staff.post(url % second.pk, {"row": "2"}, follow=True).content.decode()
    assert "Diese Person hat schon einen Termin." in twice
    late = staff.post(url % past.pk, {"row": "3"}, follow=True).content.decode()
    assert "Dieser Termin liegt in der Vergangenheit." in late
    assert ConsultationSlot.objects.filter(booked_by__isnull=False).count() == 1
    campaign.refresh_from_db()
    assert campaign.appointments == 1


def test_a_slot_of_another_campaign_answers_404(staff, world):
    campaign = campaign_with_rows(world)
    other = campaign_with_rows(world, name="Andere")
    foreign = slot(other, timezone.now() + dt.timedelta(days=3))
    response = staff.post(
        f"/naturalisation/campaigns/{campaign.pk}/slots/{foreign.pk}/book/", {"row": "2"}
    )
    assert response.status_code == 404


def test_booked_slots_of_today_and_tomorrow_are_on_the_worklist(world):
    today = timezone.localdate()
    campaign = campaign_with_rows(world)
    amal, olena = campaign.entries.order_by("row_number")
    slot(campaign, at(today, 23), booked_by=amal)
    slot(campaign, at(today + dt.timedelta(days=1), 9), booked_by=olena)
    slot(campaign, at(today + dt.timedelta(days=1), 10))  # free: nothing to remember
    later = campaign_with_rows(world, name="Später")
    slot(later, at(today + dt.timedelta(days=2), 9), booked_by=later.entries.first())
    ended = campaign_with_rows(world, name="Vorbei", ended_on=today)
    slot(ended, at(today + dt.timedelta(days=1), 11), booked_by=ended.entries.first())

    found = [i for i in worklist.items(world.authority_staff_a, today) if i.kind.endswith("slot")]
    assert [(i.title, i.subject, i.due) for i in found] == [
        (
            "Beratungstermin heute um 23:00, Rathaus, Zimmer 12",
            "Amal Haddad · Troisdorf 2026",
            today,
        ),
        (
            "Beratungstermin morgen um 09:00, Rathaus, Zimmer 12",
            "Olena Koval · Troisdorf 2026",
            today + dt.timedelta(days=1),
        ),
    ]
    assert found[0].url == f"/naturalisation/campaigns/{campaign.pk}/"


def test_slot_reminders_only_for_the_authority_that_runs_the_campaign(world):
    today = timezone.localdate()
    other_authority = world.authority_a.__class__.objects.create(
        municipality=world.municipality_a, name="Andere Behörde", kind=world.authority_a.kind
    )
    campaign = campaign_with_rows(world, organisation=other_authority)
    slot(campaign, at(today + dt.timedelta(days=1), 9), booked_by=campaign.entries.first())
    colleague = make_user(other_authority, Role.AUTHORITY_STAFF)
    assert [i.kind for i in worklist.items(colleague, today)] == ["naturalisation_slot"]
    for user in (world.authority_staff_a, world.case_manager_a, world.team_lead_a):
        assert list(worklist.items(user, today)) == []


def test_the_reminder_is_on_the_start_page_in_german(client, world):
    today = timezone.localdate()
    campaign = campaign_with_rows(world)
    slot(campaign, at(today + dt.timedelta(days=1), 9), booked_by=campaign.entries.first())
    client.force_login(world.authority_staff_a)
    page = client.get("/").content.decode()
    assert "Beratungstermin morgen um 09:00, Rathaus, Zimmer 12" in page
    assert "Amal Haddad" in page

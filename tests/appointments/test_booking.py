"""An interpreter cannot be booked twice at the same time (appointments and contacts)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from lotse.appointments.actions import InterpreterBookedError, do_create_appointment
from lotse.appointments.booking import overlaps
from lotse.appointments.models import Appointment
from lotse.contacts.actions import do_record_contact
from lotse.contacts.models import Contact
from tests.appointments.factories import at, make_appointment, make_interpreter

DAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("a", "b", "clash"),
    [
        ((9, 10), (9, 10), True),
        ((9, 11), (10, 12), True),
        ((9, 12), (10, 11), True),
        ((9, 10), (10, 11), False),  # back to back is fine
        ((11, 12), (9, 10), False),
    ],
)
def test_overlap_is_half_open(a, b, clash):
    assert overlaps(at(DAY, a[0]), at(DAY, a[1]), at(DAY, b[0]), at(DAY, b[1])) is clash


def test_a_second_appointment_with_the_same_interpreter_at_the_same_time_is_refused(world):
    interpreter = make_interpreter(world.municipality_a)
    make_appointment(
        world.case_manager_a, [world.case_a], at(DAY, 10), minutes=60, interpreter=interpreter
    )
    with pytest.raises(InterpreterBookedError) as error:
        do_create_appointment(
            acting_user=world.team_lead_a,
            cases=[world.case_a],
            title="Jobcenter",
            starts_at=at(DAY, 10, 30),
            ends_at=at(DAY, 11, 30),
            place="Jobcenter",
            interpreter=interpreter,
        )
    assert "Amal Karimi" in error.value.message
    assert "10:00" in error.value.message and "11:00" in error.value.message
    assert Appointment.objects.count() == 1


def test_the_form_shows_a_clear_message_and_saves_nothing_on_double_booking(client, world):
    interpreter = make_interpreter(world.municipality_a)
    make_appointment(
        world.other_case_manager_a, [], at(DAY, 9), minutes=120, interpreter=interpreter
    )
    client.force_login(world.case_manager_a)
    response = client.post(
        reverse("appointments:add"),
        {
            "title": "Ausländerbehörde",
            "day": DAY.isoformat(),
            "start": "10:00",
            "end": "10:45",
            "place": "Kreishaus",
            "interpreter": interpreter.pk,
            "participants": [world.case_a.pk],
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "ist am 10.03.2026 von 09:00 bis 11:00 bereits gebucht" in html
    # the message names no case or client of the other booking
    assert "Haddad" not in html.split("bereits gebucht")[0][-300:]
    assert Appointment.objects.count() == 1


def test_a_contact_cannot_book_an_interpreter_who_is_at_an_appointment(world):
    interpreter = make_interpreter(world.municipality_a)
    make_appointment(world.case_manager_a, [world.case_a], at(DAY, 14), interpreter=interpreter)
    with pytest.raises(InterpreterBookedError):
        do_record_contact(
            acting_user=world.case_manager_a,
            case=world.case_a,
            date=DAY,
            start_time=dt.time(14, 30),
            channel="in_person",
            duration_minutes=30,
            interpreter=interpreter,
        )
    assert not Contact.objects.exists()


def test_an_appointment_cannot_book_an_interpreter_who_is_at_a_contact(world):
    interpreter = make_interpreter(world.municipality_a)
    do_record_contact(
        acting_user=world.case_manager_a,
        case=world.case_a,
        date=DAY,
        start_time=dt.time(8, 0),
        channel="home_visit",
        duration_minutes=90,
        interpreter=interpreter,
    )
    with pytest.raises(InterpreterBookedError):
        do_create_appointment(
            acting_user=world.case_manager_a,
            cases=[world.case_a],
            title="Schule",
            starts_at=at(DAY, 9),
            ends_at=at(DAY, 10),
            place="Grundschule",
            interpreter=interpreter,
        )
    # right after the visit is free
    do_create_appointment(
        acting_user=world.case_manager_a,
        cases=[world.case_a],
        title="Schule",
        starts_at=at(DAY, 9, 30),
        ends_at=at(DAY, 10, 30),
        place="Grundschule",
        interpreter=interpreter,
    )


def test_moving_an_appointment_does_not_clash_with_itself(client, world):
    interpreter = make_interpreter(world.municipality_a)
    appointment = make_appointment(
        world.case_manager_a, [world.case_a], at(DAY, 10), interpreter=interpreter
    )
    client.force_login(world.case_manager_a)
    response = client.post(
        reverse("appointments:edit", args=[appointment.pk]),
        {
            "title": "Beratung",
            "day": DAY.isoformat(),
            "start": "10:30",
            "end": "11:30",
            "place": "Rathaus",
            "interpreter": interpreter.pk,
            "participants": [world.case_a.pk],
            "loaded_version": appointment.version,
        },
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert timezone.localtime(appointment.starts_at).time() == dt.time(10, 30)
    assert appointment.version == 2


def test_a_contact_with_an_interpreter_from_the_pool_needs_a_time(client, world):
    interpreter = make_interpreter(world.municipality_a)
    client.force_login(world.case_manager_a)
    response = client.post(
        reverse("contacts:add", args=[world.case_a.pk]),
        {
            "date": timezone.localdate().isoformat(),
            "channel": "phone",
            "duration_minutes": "15",
            "interpreter": interpreter.pk,
        },
    )
    assert response.status_code == 200
    assert "Uhrzeit" in response.content.decode()
    assert not Contact.objects.exists()

"""The interpreter pool, who speaks a client's language, and editing appointments."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from lotse.appointments.models import Appointment, Interpreter
from tests.appointments.factories import at, make_appointment, make_interpreter
from tests.conftest import make_case, make_client


def test_a_team_lead_adds_an_interpreter_to_the_pool_of_the_municipality(client, world):
    client.force_login(world.team_lead_a)
    response = client.post(
        reverse("appointments:interpreter-add"),
        {"name": "Olha Bondar", "languages": "UK; ru", "availability": "Di vormittags"},
    )
    assert response.status_code == 302
    interpreter = Interpreter.objects.get()
    assert interpreter.municipality == world.municipality_a
    assert interpreter.languages == "uk, ru"


def test_language_codes_that_are_not_codes_are_refused(client, world):
    client.force_login(world.coordinator_a)
    response = client.post(
        reverse("appointments:interpreter-add"), {"name": "X", "languages": "Arabisch"}
    )
    assert response.status_code == 200
    assert "zwei oder drei Buchstaben" in response.content.decode()
    assert not Interpreter.objects.exists()


def test_a_case_manager_sees_the_pool_but_cannot_change_it(client, world):
    interpreter = make_interpreter(world.municipality_a)
    client.force_login(world.case_manager_a)
    assert "Amal Karimi" in client.get(reverse("appointments:interpreters")).content.decode()
    url = reverse("appointments:interpreter-edit", args=[interpreter.pk])
    assert client.post(url, {"name": "Changed", "languages": "ar"}).status_code == 404
    interpreter.refresh_from_db()
    assert interpreter.name == "Amal Karimi"


def test_the_second_of_two_editors_gets_a_conflict_and_overwrites_nothing(client, world):
    interpreter = make_interpreter(world.municipality_a)
    url = reverse("appointments:interpreter-edit", args=[interpreter.pk])
    client.force_login(world.team_lead_a)
    first = {"name": "Amal Karimi", "languages": "ar", "loaded_version": 1}
    assert client.post(url, first).status_code == 302
    client.force_login(world.coordinator_a)
    second = {"name": "Amal K.", "languages": "ar, fa, ku", "loaded_version": 1}
    response = client.post(url, second)
    assert response.status_code == 200
    assert "Jemand anderes hat diesen Eintrag geändert" in response.content.decode()
    interpreter.refresh_from_db()
    assert (interpreter.name, interpreter.languages, interpreter.version) == (
        "Amal Karimi",
        "ar",
        2,
    )


def test_the_language_page_shows_staff_and_interpreters_speaking_the_clients_language(
    client, world
):
    world.client_a.languages = "ar, ku"
    world.client_a.save()
    world.other_case_manager_a.languages = "de, ar"
    world.other_case_manager_a.save()
    world.case_manager_b.languages = "ar"  # another municipality
    world.case_manager_b.save()
    make_interpreter(world.municipality_a, name="Amal Karimi", languages="ar")
    make_interpreter(world.municipality_a, name="Tariq (Tatar)", languages="tar")
    make_interpreter(world.municipality_b, name="Elsewhere", languages="ar")
    client.force_login(world.case_manager_a)
    html = client.get(
        reverse("appointments:case-languages", args=[world.case_a.pk])
    ).content.decode()
    assert "Amal Karimi" in html
    assert str(world.other_case_manager_a) in html
    assert "Tariq" not in html and "Elsewhere" not in html
    assert str(world.case_manager_b) not in html
    assert "Niemand aus dem Dolmetscherpool spricht diese Sprache" in html  # nobody for ku


def test_appointment_with_several_cases_shows_only_the_participants_i_may_see(client, world):
    colleague_client = make_client(
        world.municipality_a, world.kim_a, world.other_case_manager_a, family_name="Petrenko"
    )
    colleague_case = make_case(colleague_client, world.other_case_manager_a)
    appointment = make_appointment(
        world.case_manager_a,
        [world.case_a, colleague_case],
        timezone.now() + dt.timedelta(days=1),
        title="Informationsabend Einbürgerung",
    )
    client.force_login(world.other_case_manager_a)
    html = client.get(reverse("appointments:detail", args=[appointment.pk])).content.decode()
    assert "Petrenko" in html
    assert "Haddad" not in html
    assert "1 weitere teilnehmende Person" in html


def _edit_payload(appointment, title, version):
    start = timezone.localtime(appointment.starts_at)
    return {
        "title": title,
        "day": start.date().isoformat(),
        "start": start.strftime("%H:%M"),
        "end": timezone.localtime(appointment.ends_at).strftime("%H:%M"),
        "place": appointment.place,
        "participants": [c.pk for c in appointment.cases.all()],
        "loaded_version": version,
    }


def test_editing_keeps_participants_the_editor_cannot_see(client, world):
    colleague_client = make_client(world.municipality_a, world.kim_a, world.other_case_manager_a)
    colleague_case = make_case(colleague_client, world.other_case_manager_a)
    appointment = make_appointment(
        world.other_case_manager_a,
        [world.case_a, colleague_case],
        at(timezone.localdate() + dt.timedelta(days=1), 10),
    )
    client.force_login(world.other_case_manager_a)
    payload = _edit_payload(appointment, "Neuer Titel", 1)
    payload["participants"] = [colleague_case.pk]
    assert (
        client.post(reverse("appointments:edit", args=[appointment.pk]), payload).status_code == 302
    )
    assert set(appointment.cases.values_list("pk", flat=True)) == {
        world.case_a.pk,
        colleague_case.pk,
    }


def test_a_stale_appointment_edit_is_refused_with_what_changed(client, world):
    appointment = make_appointment(
        world.case_manager_a,
        [world.case_a],
        at(timezone.localdate() + dt.timedelta(days=1), 10),
        title="Alt",
    )
    url = reverse("appointments:edit", args=[appointment.pk])
    client.force_login(world.case_manager_a)
    assert client.post(url, _edit_payload(appointment, "Erste Änderung", 1)).status_code == 302
    client.force_login(world.team_lead_a)
    response = client.post(url, _edit_payload(appointment, "Zweite Änderung", 1))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jemand anderes hat diesen Termin geändert" in html
    assert "Titel: Erste Änderung" in html
    assert Appointment.objects.get(pk=appointment.pk).title == "Erste Änderung"


def test_an_appointment_needs_a_place_and_an_end_after_its_start(client, world):
    client.force_login(world.case_manager_a)
    response = client.post(
        reverse("appointments:add"),
        {
            "title": "Ohne Ort",
            "day": "2026-05-04",
            "start": "10:00",
            "end": "09:00",
            "participants": [world.case_a.pk],
        },
    )
    html = response.content.decode()
    assert "Der Termin muss nach seinem Beginn enden." in html
    assert "Wählen Sie einen der Standorte" in html
    assert not Appointment.objects.exists()


def test_a_case_i_cannot_see_cannot_be_made_a_participant(client, world):
    client.force_login(world.other_case_manager_a)
    response = client.post(
        reverse("appointments:add") + f"?case={world.case_a.pk}",
        {
            "title": "Heimlich",
            "day": "2026-05-04",
            "start": "10:00",
            "end": "11:00",
            "place": "Irgendwo",
            "participants": [world.case_a.pk],
        },
    )
    assert response.status_code == 200
    assert not Appointment.objects.exists()


def test_a_case_manager_plans_an_appointment_from_the_case_page(client, world):
    client.force_login(world.case_manager_a)
    form = client.get(reverse("appointments:add") + f"?case={world.case_a.pk}").content.decode()
    assert "selected" in form and world.case_a.number in form
    response = client.post(
        reverse("appointments:add") + f"?case={world.case_a.pk}",
        {
            "title": "Erstberatung",
            "day": "2026-05-04",
            "start": "10:00",
            "end": "11:00",
            "location": world.location_a.pk,
            "participants": [world.case_a.pk],
        },
    )
    assert response.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.organiser == world.case_manager_a
    assert list(appointment.cases.all()) == [world.case_a]
    assert timezone.localtime(appointment.starts_at).hour == 10

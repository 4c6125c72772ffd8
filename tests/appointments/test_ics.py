"""iCalendar export (RFC 5545): format, and no client names unless the user asks."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

from django.urls import reverse
from django.utils import timezone

from lotse.appointments import ics
from lotse.audit.models import AccessLogEntry
from tests.appointments.factories import at, make_appointment, make_interpreter

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
NOW = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_text_values_escape_backslash_semicolon_comma_and_newlines():
    assert ics.escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    assert ics.escape_text("bell\x07tab\t") == "belltab "


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character():
    line = "SUMMARY:" + "Beratung für Familie Ünal – مرحبا " * 10
    folded = ics.fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert folded.replace("\r\n ", "") == line
    for part in parts:
        part.encode("utf-8").decode("utf-8")  # each physical line is whole UTF-8


def test_calendar_has_the_required_properties_crlf_and_utc_times():
    event = ics.IcsEvent(
        uid="appointment-7@lotse.example",
        start=dt.datetime(2026, 3, 10, 10, 0, tzinfo=BERLIN),  # winter: UTC+1
        end=dt.datetime(2026, 7, 10, 11, 30, tzinfo=BERLIN),  # summer: UTC+2
        summary="Jobcenter; Termin, wichtig",
        location="Rathaus",
        description="Fälle: 2026-000001\nZweite Zeile",
        sequence=2,
    )
    text = ics.calendar([event], now=NOW)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF, no bare LF
    lines = unfold(text)
    for required in ("VERSION:2.0", "BEGIN:VEVENT", "END:VEVENT", "CALSCALE:GREGORIAN"):
        assert required in lines
    assert any(line.startswith("PRODID:") for line in lines)
    assert "UID:appointment-7@lotse.example" in lines
    assert "DTSTAMP:20260301T080000Z" in lines
    assert "DTSTART:20260310T090000Z" in lines
    assert "DTEND:20260710T093000Z" in lines
    assert "SEQUENCE:2" in lines
    assert "SUMMARY:Jobcenter\\; Termin\\, wichtig" in lines
    assert "DESCRIPTION:Fälle: 2026-000001\\nZweite Zeile" in lines


def _download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    return response.content.decode("utf-8")


def test_appointment_file_names_the_case_number_not_the_client(client, world):
    interpreter = make_interpreter(world.municipality_a, name="Amal Karimi")
    start = timezone.now() + dt.timedelta(days=2)
    appointment = make_appointment(
        world.case_manager_a,
        [world.case_a],
        start,
        title="Beratung",
        location=world.location_a,
        interpreter=interpreter,
        note="Haddad bringt den Bescheid mit",
    )
    client.force_login(world.case_manager_a)
    text = _download(client, reverse("appointments:ics", args=[appointment.pk]))
    lines = unfold(text)
    assert world.case_a.number in text
    assert "Haddad" not in text and "Nour" not in text
    assert "LOCATION:Rathaus A" in lines
    assert any(line.startswith(f"UID:appointment-{appointment.pk}@") for line in lines)
    assert "Amal Karimi" in text

    with_names = _download(client, reverse("appointments:ics", args=[appointment.pk]) + "?names=1")
    assert "Haddad\\, Nour" in with_names
    assert AccessLogEntry.objects.filter(
        action="appointments.appointment.downloaded", detail="with names"
    ).exists()


def test_my_calendar_holds_my_appointments_only(client, world):
    soon = timezone.now() + dt.timedelta(days=1)
    mine = make_appointment(world.case_manager_a, [world.case_a], soon, title="Mine")
    theirs = make_appointment(world.other_case_manager_a, [], soon, title="Colleague's")
    other_town = make_appointment(world.case_manager_b, [world.case_b], soon, title="Kreis B")
    old = make_appointment(
        world.case_manager_a, [world.case_a], timezone.now() - dt.timedelta(days=90), title="Old"
    )
    client.force_login(world.case_manager_a)
    text = _download(client, reverse("appointments:calendar-ics"))
    uids = re.findall(r"UID:appointment-(\d+)@", text)
    assert uids == [str(mine.pk)]
    assert str(theirs.pk) not in uids and str(other_town.pk) not in uids
    assert str(old.pk) not in uids
    assert "Haddad" not in text
    assert AccessLogEntry.objects.filter(action="appointments.appointment.exported").exists()


def test_an_appointment_for_a_case_i_cannot_see_is_not_in_my_file(client, world):
    soon = at(timezone.localdate() + dt.timedelta(days=3), 10)
    group = make_appointment(world.case_manager_a, [world.case_a], soon, title="Infoabend")
    from tests.conftest import make_case, make_client

    colleague_client = make_client(
        world.municipality_a, world.kim_a, world.other_case_manager_a, family_name="Petrenko"
    )
    colleague_case = make_case(colleague_client, world.other_case_manager_a)
    group.cases.add(colleague_case)
    client.force_login(world.other_case_manager_a)
    text = _download(client, reverse("appointments:calendar-ics") + "?names=1")
    assert "Petrenko" in text  # their own client, by their choice
    assert "Haddad" not in text and world.case_a.number not in text

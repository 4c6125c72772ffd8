"""Structural barriers reported from a case reach the coordination without client data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import models
from django.urls import reverse

from lotse.accounts.models import Role
from lotse.audit.models import AccessLogEntry
from lotse.barriers.models import BarrierReport
from lotse.barriers.rules import month_of, personal_data_hints
from lotse.core.models import FieldOfAction
from tests.conftest import make_user

DESCRIPTION = "Termine bei der Ausländerbehörde dauern derzeit sechs Monate."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (DESCRIPTION, []),
        ("Frau Haddad wartet seit Monaten.", ["name"]),
        ("NOUR wartet seit Monaten.", ["name"]),
        ("Geboren am 03.04.1990, keine Kita.", ["date"]),
        ("Rückmeldung an x.y@example.org", ["email"]),
        ("Erreichbar unter 0176 1234567", ["phone"]),
        ("Siehe Fall 2026-000123", ["file_number"]),
        ("Wartezeit 6 Monate, 2 Ämter, 3 Anträge", []),
    ],
)
def test_personal_data_hints(text, expected):
    assert personal_data_hints(text, ["Haddad", "Nour", ""]) == expected


def test_month_of_keeps_only_the_month():
    assert month_of(dt.date(2026, 3, 17)) == dt.date(2026, 3, 1)


def report_data(world, **overrides):
    data = {
        "field_of_action": FieldOfAction.objects.get(
            municipality=world.municipality_a, code="residence"
        ).pk,
        "affected_organisation": world.authority_a.pk,
        "description": DESCRIPTION,
    }
    data.update(overrides)
    return data


def report_url(world):
    return reverse("barriers:report", kwargs={"case_pk": world.case_a.pk})


def test_case_manager_reports_a_barrier_from_the_case(client, world):
    client.force_login(world.case_manager_a)
    case_page = client.get(reverse("cases:detail", kwargs={"pk": world.case_a.pk}))
    assert report_url(world) in case_page.content.decode()
    response = client.post(report_url(world), report_data(world))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", kwargs={"pk": world.case_a.pk})
    report = BarrierReport.objects.get()
    assert report.municipality == world.municipality_a
    assert report.reporting_organisation == world.kim_a
    assert report.affected_organisation == world.authority_a
    assert report.field_of_action.code == "residence"
    assert report.reported_month.day == 1


def test_stored_report_carries_no_client_identifier(client, world):
    client.force_login(world.case_manager_a)
    client.post(report_url(world), report_data(world))
    # No column can point at a case, a client or a person.
    related = {
        field.related_model._meta.label
        for field in BarrierReport._meta.get_fields()
        if field.is_relation and field.related_model
    }
    assert related == {"core.Municipality", "core.FieldOfAction", "accounts.Organisation"}
    assert not any(isinstance(f, models.DateTimeField) for f in BarrierReport._meta.fields)
    row = BarrierReport.objects.values().get()
    assert set(row) == {
        "id",
        "municipality_id",
        "field_of_action_id",
        "affected_organisation_id",
        "description",
        "reporting_organisation_id",
        "reported_month",
    }
    assert row["reported_month"].day == 1  # the month, not the day of the case visit
    for identifier in (
        world.case_a.number,
        world.client_a.family_name,
        world.client_a.given_names,
        world.case_manager_a.last_name,
        world.case_manager_a.email,
    ):
        assert identifier not in row["description"]
    # Nor does the access log tie the report to the person who filed it.
    assert not AccessLogEntry.objects.filter(object_type="barriers.barrierreport").exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"description": "Frau Haddad bekommt keinen Termin bei der Ausländerbehörde."},
        {"description": "kurz"},
        {"description": "x" * 1001},
        {"field_of_action": ""},
        {"field_of_action": "999999"},
        {"affected_organisation": "other-municipality"},
    ],
)
def test_bad_report_is_refused_with_a_message_and_nothing_is_stored(client, world, overrides):
    if overrides.get("affected_organisation") == "other-municipality":
        overrides = {"affected_organisation": world.kim_b.pk}
    client.force_login(world.case_manager_a)
    response = client.post(report_url(world), report_data(world, **overrides))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not BarrierReport.objects.exists()


def test_field_of_action_of_another_municipality_is_refused(client, world):
    foreign = FieldOfAction.objects.get(municipality=world.municipality_b, code="residence")
    client.force_login(world.case_manager_a)
    response = client.post(report_url(world), report_data(world, field_of_action=foreign.pk))
    assert "field_of_action" in response.context["form"].errors
    assert not BarrierReport.objects.exists()


def test_nobody_reports_from_a_case_they_cannot_see(client, world):
    for user in (world.other_case_manager_a, world.coordinator_a, world.case_manager_b):
        client.force_login(user)
        assert client.post(report_url(world), report_data(world)).status_code == 404
    assert not BarrierReport.objects.exists()


def file_report(world, organisation, text, *, field="residence", month=dt.date(2026, 3, 1)):
    return BarrierReport.objects.create(
        municipality=organisation.municipality,
        field_of_action=FieldOfAction.objects.get(
            municipality=organisation.municipality, code=field
        ),
        description=text,
        reporting_organisation=organisation,
        reported_month=month,
    )


def listed(response):
    return {r.description for r in response.context["page_obj"]}


def test_coordinator_sees_all_reports_of_the_municipality_with_filters(client, world):
    file_report(world, world.kim_a, "Wartezeit Ausländerbehörde")
    file_report(world, world.welfare_a, "Keine Kitaplätze", field="education")
    file_report(world, world.kim_a, "Alte Meldung", month=dt.date(2025, 1, 1))
    file_report(world, world.kim_b, "Anderer Kreis")
    client.force_login(world.coordinator_a)
    url = reverse("barriers:list")
    assert listed(client.get(url)) == {
        "Wartezeit Ausländerbehörde",
        "Keine Kitaplätze",
        "Alte Meldung",
    }
    education = FieldOfAction.objects.get(municipality=world.municipality_a, code="education")
    assert listed(client.get(url, {"field_of_action": education.pk})) == {"Keine Kitaplätze"}
    assert listed(client.get(url, {"reporting_organisation": world.welfare_a.pk})) == {
        "Keine Kitaplätze"
    }
    assert listed(client.get(url, {"month_from": "2026-01"})) == {
        "Wartezeit Ausländerbehörde",
        "Keine Kitaplätze",
    }
    assert listed(client.get(url, {"q": "kita"})) == {"Keine Kitaplätze"}


def test_bad_filter_gets_a_message_and_shows_nothing(client, world):
    file_report(world, world.kim_a, "Wartezeit Ausländerbehörde")
    client.force_login(world.coordinator_a)
    response = client.get(
        reverse("barriers:list"), {"month_from": "2026-05", "month_to": "2026-01"}
    )
    assert response.status_code == 200
    assert "month_to" in response.context["form"].errors
    response = client.get(reverse("barriers:list"), {"field_of_action": "nonsense"})
    assert "field_of_action" in response.context["form"].errors


def test_team_lead_sees_only_their_organisations_reports(client, world):
    file_report(world, world.kim_a, "Von KIM A")
    file_report(world, world.welfare_a, "Von der AWO")
    client.force_login(world.team_lead_a)
    response = client.get(reverse("barriers:list"))
    assert listed(response) == {"Von KIM A"}
    assert "reporting_organisation" not in response.context["form"].fields


def test_partner_staff_and_case_managers_do_not_see_the_list(client, world):
    partner_lead = make_user(world.welfare_a, Role.PARTNER_STAFF)
    for user in (world.case_manager_a, partner_lead, world.admin_a):
        client.force_login(user)
        assert client.get(reverse("barriers:list")).status_code == 404


def test_demo_has_barrier_reports_and_can_be_reset(db):
    from io import StringIO

    from django.core.management import call_command

    call_command("load_demo", clients=10, stdout=StringIO())
    assert BarrierReport.objects.filter(municipality__slug="troisdorf").count() >= 5
    call_command("load_demo", clients=10, reset=True, stdout=StringIO())
    assert BarrierReport.objects.filter(municipality__slug="troisdorf").exists()

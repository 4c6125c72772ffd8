"""Open cases per case manager and per location, against the location's FTE."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lotse.accounts.models import Location, Role
from lotse.caseload.rules import LocationLoad, cases_per_fte, total
from lotse.cases.rules import Phase
from tests.conftest import make_case, make_client, make_user


@pytest.mark.parametrize(
    ("cases", "fte", "expected"),
    [
        (40, Decimal("1"), Decimal("40.0")),
        (30, Decimal("0.75"), Decimal("40.0")),
        (10, Decimal("0.3"), Decimal("33.3")),
        (0, Decimal("0.5"), Decimal("0.0")),
        (12, Decimal("0"), None),
        (12, None, None),
    ],
)
def test_cases_per_full_time_position(cases, fte, expected):
    assert cases_per_fte(cases, fte) == expected


def test_total_sets_all_cases_against_all_positions():
    rows = [
        LocationLoad(1, "Rathaus", "KI", Decimal("1.0"), 50),
        LocationLoad(2, "Haus International", "KI", Decimal("0.5"), 25),
        LocationLoad(None, "No location", "", None, 5),
    ]
    summed = total(rows, "Total")
    assert summed.open_cases == 80 and summed.fte == Decimal("1.5")
    assert summed.per_fte == Decimal("53.3")


def add_cases(world, case_manager, n, *, location=None, phase=Phase.ASSESSMENT):
    for _ in range(n):
        client = make_client(world.municipality_a, world.kim_a, case_manager)
        make_case(client, case_manager, location=location, phase=phase.value)


@pytest.fixture
def loaded(world):
    """KIM A: Rathaus A (1.0 FTE) and Haus International (0.5 FTE)."""
    haus = Location.objects.create(organisation=world.kim_a, name="Haus International", fte="0.5")
    add_cases(world, world.case_manager_a, 3, location=world.location_a)  # + case_a there
    add_cases(world, world.other_case_manager_a, 2, location=haus)
    add_cases(world, world.other_case_manager_a, 4, location=haus, phase=Phase.CLOSED)
    add_cases(world, world.other_case_manager_a, 1)  # no location
    return haus


def rows_by_location(response):
    return {row.location: row for row in response.context["locations"]}


def test_team_lead_sees_open_cases_per_case_manager_and_location(client, world, loaded):
    client.force_login(world.team_lead_a)
    response = client.get(reverse("caseload:overview"))
    assert response.status_code == 200
    managers = {row.user_id: row.open_cases for row in response.context["case_managers"]}
    assert managers[world.case_manager_a.pk] == 4
    assert managers[world.other_case_manager_a.pk] == 3  # closed cases do not count
    assert managers[world.team_lead_a.pk] == 0
    locations = rows_by_location(response)
    assert locations["Rathaus A"].open_cases == 4
    assert locations["Rathaus A"].per_fte == Decimal("4.0")
    assert locations["Haus International"].per_fte == Decimal("4.0")  # 2 / 0.5
    assert response.context["total"].open_cases == 7
    assert world.case_manager_a.last_name in response.content.decode()


def test_coordinator_sees_every_location_of_the_municipality_but_no_names(client, world, loaded):
    welfare_location = Location.objects.create(
        organisation=world.welfare_a, name="AWO Treff", fte="0.25"
    )
    client.force_login(world.coordinator_a)
    response = client.get(reverse("caseload:overview"))
    page = response.content.decode()
    locations = rows_by_location(response)
    assert locations["Rathaus A"].open_cases == 4
    assert locations[welfare_location.name].open_cases == 0
    assert response.context.get("case_managers") is None
    for person in (world.case_manager_a, world.other_case_manager_a):
        assert person.last_name not in page
    assert world.client_a.family_name not in page


def test_coordinator_does_not_see_another_municipalitys_locations_or_cases(client, world):
    Location.objects.create(organisation=world.kim_b, name="Rathaus B", fte="2")
    client.force_login(world.coordinator_a)
    response = client.get(reverse("caseload:overview"))
    assert "Rathaus B" not in response.content.decode()
    assert response.context["total"].open_cases == 1  # case_a only, not case_b


def test_team_lead_does_not_count_another_organisations_cases(client, world):
    welfare_cm = make_user(world.welfare_a, Role.CASE_MANAGER)
    other = make_client(world.municipality_a, world.welfare_a, welfare_cm)
    make_case(other, welfare_cm, location=world.location_a)
    client.force_login(world.team_lead_a)
    response = client.get(reverse("caseload:overview"))
    assert rows_by_location(response)["Rathaus A"].open_cases == 1
    assert welfare_cm.pk not in {row.user_id for row in response.context["case_managers"]}


@pytest.mark.parametrize("persona", ["team_lead_a", "coordinator_a"])
def test_queries_do_not_grow_with_the_number_of_cases(
    client, world, persona, django_assert_max_num_queries
):
    user = world.personas()[persona]
    client.force_login(user)
    client.get(reverse("caseload:overview"))  # warm up (session, content types)
    add_cases(world, world.case_manager_a, 2, location=world.location_a)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("caseload:overview"))
    add_cases(world, world.case_manager_a, 30, location=world.location_a)
    extra = Location.objects.create(organisation=world.kim_a, name="Zweigstelle", fte="1")
    add_cases(world, world.other_case_manager_a, 30, location=extra)
    with django_assert_max_num_queries(len(few)):
        response = client.get(reverse("caseload:overview"))
    assert response.context["total"].open_cases == 63


def test_caseload_is_in_the_menu_of_team_leads_and_coordinators_only(client, world):
    url = reverse("caseload:overview")
    for user, shown in [
        (world.team_lead_a, True),
        (world.coordinator_a, True),
        (world.case_manager_a, False),
        (world.admin_a, False),
    ]:
        client.force_login(user)
        assert (f'href="{url}"' in client.get(reverse("core:start")).content.decode()) is shown

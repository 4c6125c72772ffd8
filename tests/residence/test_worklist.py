"""Case managers see clients close to a residence or naturalisation step on the worklist."""

from __future__ import annotations

import datetime as dt

import pytest

from lotse.residence import worklist
from lotse.residence.outlook import upcoming_steps

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 15)


def test_tolerated_client_four_months_before_six_years_shows_25b_with_what_is_missing(world):
    world.client_a.arrival_date = dt.date(2021, 3, 1)
    world.client_a.residence_status = "toleration"
    world.client_a.save()
    items = list(worklist.items(world.case_manager_a, TODAY))
    assert len(items) == 1
    assert items[0].due == dt.date(2027, 3, 1)
    assert "25b" in items[0].title
    assert "A2" in items[0].title
    assert items[0].subject.startswith("Haddad")


def test_client_far_from_any_step_is_not_listed(world):
    world.client_a.arrival_date = dt.date(2025, 1, 1)
    world.client_a.residence_status = "title"
    world.client_a.save()
    assert list(worklist.items(world.case_manager_a, TODAY)) == []


def test_other_case_managers_and_authority_staff_see_nothing_of_the_client(world):
    world.client_a.arrival_date = dt.date(2021, 3, 1)
    world.client_a.residence_status = "toleration"
    world.client_a.save()
    assert list(worklist.items(world.other_case_manager_a, TODAY)) == []
    assert list(worklist.items(world.case_manager_b, TODAY)) == []
    assert list(worklist.items(world.authority_staff_a, TODAY)) == []
    assert len(list(worklist.items(world.team_lead_a, TODAY))) == 1


def test_worklist_query_count_does_not_grow_with_clients(world, django_assert_max_num_queries):
    from tests.conftest import make_case, make_client

    for n in range(20):
        c = make_client(
            world.municipality_a,
            world.kim_a,
            world.case_manager_a,
            arrival_date=dt.date(2021, 1 + n % 12, 1),
            residence_status="toleration",
        )
        make_case(c, world.case_manager_a)
    with django_assert_max_num_queries(6):
        items = list(worklist.items(world.case_manager_a, TODAY))
    assert items


def test_naturalisation_step_is_five_years_after_arrival_with_a_title():
    steps = upcoming_steps(dt.date(2022, 1, 10), "title", dt.date(1990, 4, 2), TODAY)
    assert [(s.check, s.due) for s in steps] == [("stag10", dt.date(2027, 1, 10))]
    assert "B1-Sprachzertifikat" in steps[0].to_gather


def test_unknown_status_or_arrival_gives_no_step():
    assert upcoming_steps(None, "toleration", None, TODAY) == []
    assert upcoming_steps(dt.date(2020, 1, 1), "unknown", None, TODAY) == []

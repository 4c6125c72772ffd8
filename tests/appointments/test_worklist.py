"""The start page's to-do list: overdue and due follow-ups, today's appointments."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from lotse.appointments import worklist
from lotse.appointments.models import FollowUp
from lotse.audit.models import AccessLogEntry
from tests.appointments.factories import at, make_appointment, make_follow_up
from tests.conftest import make_case, make_client

TODAY = dt.date(2026, 3, 10)


def _kinds(items):
    return [(item.kind, item.title, item.overdue) for item in items]


def test_worklist_holds_overdue_due_and_todays_appointments_of_my_cases(world):
    make_follow_up(world.case_a, TODAY - dt.timedelta(days=3), "Overdue call")
    make_follow_up(world.case_a, TODAY, "Due today")
    make_follow_up(world.case_a, TODAY + dt.timedelta(days=5), "Due this week")
    make_follow_up(world.case_a, TODAY + dt.timedelta(days=30), "Far away")
    done = make_follow_up(world.case_a, TODAY - dt.timedelta(days=1), "Already done")
    FollowUp.objects.filter(pk=done.pk).update(done_at=timezone.now())
    make_appointment(world.case_manager_a, [world.case_a], at(TODAY, 14), title="Jobcenter")
    make_appointment(world.case_manager_a, [world.case_a], at(TODAY + dt.timedelta(days=1), 9))

    items = _kinds(worklist.items(world.case_manager_a, TODAY))
    assert ("follow_up", "Overdue call", True) in items
    assert ("follow_up", "Due today", False) in items
    assert ("follow_up", "Due this week", False) in items
    assert ("appointment", "14:00 Jobcenter", False) in items
    assert len(items) == 4


def test_worklist_leaves_out_other_peoples_cases(world):
    make_follow_up(world.case_a, TODAY, "Mine")
    make_follow_up(world.case_b, TODAY, "Other municipality")
    other_client = make_client(world.municipality_a, world.kim_a, world.other_case_manager_a)
    make_follow_up(make_case(other_client, world.other_case_manager_a), TODAY, "Colleague's")
    assert [i.title for i in worklist.items(world.case_manager_a, TODAY)] == ["Mine"]
    assert [i.title for i in worklist.items(world.other_case_manager_a, TODAY)] == ["Colleague's"]
    # a team lead sees every case of the team, but the to-do list holds only their own
    assert list(worklist.items(world.team_lead_a, TODAY)) == []
    for user in (world.coordinator_a, world.admin_a, world.partner_staff_a, world.outsider):
        assert list(worklist.items(user, TODAY)) == []


def test_an_appointment_organised_for_a_case_shared_with_me_is_on_my_worklist(world):
    world.case_a.shared_with.add(world.other_case_manager_a)
    make_appointment(world.case_manager_a, [world.case_a], at(TODAY, 11), title="Kita")
    titles = [i.title for i in worklist.items(world.other_case_manager_a, TODAY)]
    assert titles == ["11:00 Kita"]


def test_a_closed_cases_appointment_rests_unless_i_organise_it(world):
    """Like its follow-ups: a closed case's appointments leave the to-do list of the case
    managers who did not organise them; the organiser keeps theirs."""
    world.case_a.shared_with.add(world.other_case_manager_a)
    make_appointment(world.case_manager_a, [world.case_a], at(TODAY, 11), title="Kita")
    world.case_a.phase = "closed"
    world.case_a.save()
    assert [i.title for i in worklist.items(world.other_case_manager_a, TODAY)] == []
    assert [i.title for i in worklist.items(world.case_manager_a, TODAY)] == ["11:00 Kita"]


def _seed(world, n_cases: int) -> None:
    for i in range(n_cases):
        client = make_client(world.municipality_a, world.kim_a, world.case_manager_a)
        case = make_case(client, world.case_manager_a)
        make_follow_up(case, TODAY - dt.timedelta(days=i % 3), f"Follow-up {i}")
        make_appointment(world.case_manager_a, [case], at(TODAY, 8 + i % 9))


@pytest.mark.parametrize("n_cases", [2, 20])
def test_worklist_needs_the_same_few_queries_for_2_and_20_cases(
    world, n_cases, django_assert_num_queries
):
    _seed(world, n_cases)
    user = (
        type(world.case_manager_a)
        .objects.select_related("organisation")
        .get(pk=world.case_manager_a.pk)
    )
    # The user's open cases (read once per start page for all to-do lists), the
    # follow-ups, today's appointments.
    with django_assert_num_queries(3):
        items = list(worklist.items(user, TODAY))
    assert len(items) == 2 * n_cases


@pytest.mark.parametrize("n_cases", [2, 20])
def test_start_page_query_count_does_not_grow_with_the_cases(
    client, world, n_cases, django_assert_max_num_queries
):
    _seed(world, n_cases)
    client.force_login(world.case_manager_a)
    with django_assert_max_num_queries(18):
        response = client.get(reverse("core:start"))
    assert response.status_code == 200


def test_follow_up_is_marked_done_from_its_page_and_leaves_the_worklist(client, world):
    today = timezone.localdate()
    follow_up = make_follow_up(world.case_a, today - dt.timedelta(days=1), "Call the Jobcenter")
    client.force_login(world.case_manager_a)
    start = client.get(reverse("core:start")).content.decode()
    assert "Call the Jobcenter" in start
    url = reverse("appointments:followup", args=[follow_up.pk])
    assert url in start
    page = client.get(url)
    assert "Als erledigt markieren" in page.content.decode()
    response = client.post(url, {"version": follow_up.version, "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    follow_up.refresh_from_db()
    assert follow_up.is_done and follow_up.done_by == world.case_manager_a
    after = client.get("/").content.decode()
    assert "Als erledigt markiert: Call the Jobcenter" in after  # the message
    assert url not in after  # and no longer on the to-do list
    assert AccessLogEntry.objects.filter(
        action="appointments.followup.changed", object_id=str(follow_up.pk)
    ).exists()


def test_marking_done_twice_tells_the_second_person_and_changes_nothing(client, world):
    follow_up = make_follow_up(world.case_a, TODAY)
    client.force_login(world.team_lead_a)
    client.post(reverse("appointments:followup", args=[follow_up.pk]), {"version": 1})
    follow_up.refresh_from_db()
    done_at = follow_up.done_at
    client.force_login(world.case_manager_a)
    response = client.post(
        reverse("appointments:followup", args=[follow_up.pk]), {"version": 1}, follow=True
    )
    assert "bereits" in response.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.done_at == done_at and follow_up.done_by == world.team_lead_a


def test_the_next_address_after_marking_done_must_be_on_this_site(client, world):
    follow_up = make_follow_up(world.case_a, TODAY)
    client.force_login(world.case_manager_a)
    response = client.post(
        reverse("appointments:followup", args=[follow_up.pk]),
        {"version": 1, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("cases:detail", args=[world.case_a.pk])


def test_follow_up_added_on_the_case_page_with_htmx(client, world):
    client.force_login(world.case_manager_a)
    response = client.post(
        reverse("appointments:followup-add", args=[world.case_a.pk]),
        {"due_on": "2026-04-01", "what": "Aufenthaltstitel prüfen"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Aufenthaltstitel prüfen" in response.content.decode()
    assert FollowUp.objects.get().created_by == world.case_manager_a


def test_a_follow_up_without_a_date_is_refused_and_nothing_is_saved(client, world):
    client.force_login(world.case_manager_a)
    response = client.post(
        reverse("appointments:followup-add", args=[world.case_a.pk]), {"what": "Ohne Datum"}
    )
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich" in response.content.decode()
    assert not FollowUp.objects.exists()


def test_nobody_else_can_mark_a_follow_up_done(client, world):
    follow_up = make_follow_up(world.case_a, TODAY)
    for user in (world.other_case_manager_a, world.case_manager_b, world.coordinator_a):
        client.force_login(user)
        url = reverse("appointments:followup", args=[follow_up.pk])
        assert client.post(url, {"version": 1}).status_code == 404
    follow_up.refresh_from_db()
    assert not follow_up.is_done

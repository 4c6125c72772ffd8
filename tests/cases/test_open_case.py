"""Opening a case for a client: in the user's organisation, first step recorded."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from lotse.audit.models import AccessLogEntry
from lotse.cases.models import Case


def test_case_manager_opens_a_case_with_their_location_and_a_first_step(client, world):
    client.force_login(world.case_manager_a)
    url = reverse("cases:open", kwargs={"client_pk": world.client_a.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"]["location"].value() == world.location_a.pk

    response = client.post(url, {"opened_on": "2026-02-01", "location": world.location_a.pk})

    case = Case.objects.exclude(pk=world.case_a.pk).get(client=world.client_a)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", kwargs={"pk": case.pk})
    assert case.organisation == world.kim_a
    assert case.case_manager == world.case_manager_a
    assert case.phase == "intake"
    assert case.opened_on == dt.date(2026, 2, 1)
    step = case.transitions.get()
    assert (step.from_phase, step.to_phase, step.by) == ("", "intake", world.case_manager_a)
    assert AccessLogEntry.objects.filter(
        action="cases.case.created", object_id=str(case.pk)
    ).exists()


def test_opening_warns_about_an_open_case_in_the_same_organisation(client, world):
    client.force_login(world.case_manager_a)
    page = client.get(reverse("cases:open", kwargs={"client_pk": world.client_a.pk}))
    assert world.case_a.number in page.content.decode()


def test_a_future_opening_date_is_refused_and_nothing_is_created(client, world):
    client.force_login(world.case_manager_a)
    future = timezone.localdate() + dt.timedelta(days=3)
    page = client.post(
        reverse("cases:open", kwargs={"client_pk": world.client_a.pk}),
        {"opened_on": future.isoformat()},
    )
    assert page.status_code == 200
    assert "Dieses Datum liegt in der Zukunft." in page.content.decode()
    assert Case.objects.filter(client=world.client_a).count() == 1


def test_a_client_of_another_municipality_cannot_get_a_case(client, world):
    client.force_login(world.case_manager_a)
    response = client.post(
        reverse("cases:open", kwargs={"client_pk": world.client_b.pk}), {"opened_on": "2026-02-01"}
    )
    assert response.status_code == 404
    assert Case.objects.filter(client=world.client_b).count() == 1

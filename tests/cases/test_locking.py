"""Two people editing the same case: the second save gets a conflict, nothing is overwritten."""

from __future__ import annotations

from django.urls import reverse

from lotse.accounts.models import Location
from lotse.cases.models import Case


def test_the_second_save_of_the_same_version_gets_a_conflict(cm, client, world):
    other = Location.objects.create(organisation=world.kim_a, name="Stadtteilzentrum Nord")
    url = reverse("cases:edit", kwargs={"pk": world.case_a.pk})
    client.force_login(world.team_lead_a)
    first = client.post(url, {"version": 1, "location": other.pk})
    assert first.status_code == 302

    second = cm.post(
        url, {"version": 1, "location": "", "shared_with": [world.other_case_manager_a.pk]}
    )
    html = second.content.decode()
    assert second.status_code == 200
    assert "Jemand anderes hat diesen Fall geändert" in html
    assert "Inzwischen geändert" in html and "Stadtteilzentrum Nord" in html
    case = Case.objects.get(pk=world.case_a.pk)
    assert case.location == other
    assert not case.shared_with.exists()
    assert case.version == 2
    assert second.context["form"]["version"].value() == 2


def test_a_save_with_the_current_version_goes_through(cm, world):
    cm.post(
        reverse("cases:edit", kwargs={"pk": world.case_a.pk}),
        {
            "version": 1,
            "location": world.location_a.pk,
            "shared_with": [world.other_case_manager_a.pk],
        },
    )
    case = Case.objects.get(pk=world.case_a.pk)
    assert list(case.shared_with.all()) == [world.other_case_manager_a]

"""After a case moves to another organisation, its team lead can open the client record."""

import datetime as dt

from django.urls import reverse

from lotse.accounts.models import Role
from lotse.cases.models import Case
from tests.conftest import make_user


def test_the_receiving_team_lead_sees_the_client_of_a_transferred_case(client, world):
    receiving_lead = make_user(world.welfare_a, Role.TEAM_LEAD)
    receiving_manager = make_user(world.welfare_a, Role.CASE_MANAGER)
    url = reverse("people:detail", kwargs={"pk": world.client_a.pk})
    client.force_login(receiving_lead)
    assert client.get(url).status_code == 404

    Case.objects.create(
        municipality=world.municipality_a,
        organisation=world.welfare_a,
        client=world.client_a,
        case_manager=receiving_manager,
        opened_on=dt.date(2026, 3, 1),
    )
    assert client.get(url).status_code == 200

"""Staff pages: municipality-bound lists, editing with conflict detection."""

from __future__ import annotations

import pytest

from lotse.directory.models import Offer
from tests.directory.factories import make_offer

pytestmark = pytest.mark.django_db


def test_list_shows_only_own_municipality_and_flags_stale(client, world):
    make_offer(world.municipality_a, world.welfare_a, title="Kurs A")
    make_offer(world.municipality_b, world.kim_b, title="Kurs B")
    client.force_login(world.case_manager_a)
    response = client.get("/offers/")
    assert [o.title for o in response.context["page_obj"]] == ["Kurs A"]
    assert response.context["page_obj"][0].stale


def test_second_save_of_the_same_version_gets_a_conflict(client, world):
    offer = make_offer(world.municipality_a, world.welfare_a, title="Kurs")
    client.force_login(world.coordinator_a)
    data = {
        "organisation": world.welfare_a.pk,
        "title": "Kurs neu",
        "text_language": "de",
        "external_key": offer.external_key,
        "version": offer.version,
        "published": "on",
        "title_ar": "دورة",
    }
    assert client.post(f"/offers/{offer.pk}/edit/", data).status_code == 302
    response = client.post(f"/offers/{offer.pk}/edit/", {**data, "title": "Anderer Titel"})
    assert response.status_code == 200
    assert "gespeichert" in response.content.decode()
    offer.refresh_from_db()
    assert offer.title == "Kurs neu" and offer.translations["ar"]["title"] == "دورة"


def test_case_manager_reads_but_cannot_edit(client, world):
    offer = make_offer(world.municipality_a, world.welfare_a)
    client.force_login(world.case_manager_a)
    assert client.get(f"/offers/{offer.pk}/").status_code == 200
    assert client.post(f"/offers/{offer.pk}/edit/", {"title": "x"}).status_code == 404
    assert Offer.objects.get().title == offer.title

"""Configurable lists: seeded per municipality, edited by its administrator only."""

from __future__ import annotations

from django.urls import reverse

from lotse.core.models import ClosureReason, District, FieldOfAction


def test_new_municipality_gets_default_fields_of_action_and_closure_reasons(world):
    codes = set(
        FieldOfAction.objects.filter(municipality=world.municipality_a).values_list(
            "code", flat=True
        )
    )
    assert {"residence", "language", "work", "housing", "health"} <= codes
    assert ClosureReason.objects.filter(municipality=world.municipality_b).count() >= 5


def test_administrator_adds_a_district_to_their_municipality(client, world):
    client.force_login(world.admin_a)
    response = client.post(
        reverse("core:settings-add", args=["districts"]),
        {"code": "sieglar", "label_de": "Sieglar", "position": 3, "active": "on"},
    )
    assert response.status_code == 302
    district = District.objects.get(code="sieglar")
    assert district.municipality == world.municipality_a and district.label == "Sieglar"


def test_duplicate_code_is_refused_with_a_message_and_changes_nothing(client, world):
    client.force_login(world.admin_a)
    before = District.objects.count()
    response = client.post(
        reverse("core:settings-add", args=["districts"]),
        {"code": "mitte", "label_de": "Noch einmal Mitte", "position": 0},
    )
    assert response.status_code == 200
    assert "Dieser Code wird in dieser Liste bereits verwendet." in response.content.decode()
    assert District.objects.count() == before


def test_same_code_may_exist_in_another_municipality(client, world):
    client.force_login(world.admin_b)
    response = client.post(
        reverse("core:settings-add", args=["districts"]),
        {"code": "mitte", "label_de": "Mitte", "position": 0},
    )
    assert response.status_code == 302
    assert District.objects.filter(code="mitte").count() == 2


def test_labels_follow_the_active_language(world, settings):
    from django.utils import translation

    item = FieldOfAction.objects.get(municipality=world.municipality_a, code="housing")
    with translation.override("en"):
        assert item.label == "Housing"
    with translation.override("de"):
        assert item.label == "Wohnen"
    with translation.override("ar"):  # no Arabic label: German, the municipality's language
        assert item.label == "Wohnen"

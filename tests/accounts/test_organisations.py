"""Administrators keep their municipality's organisations and locations up to date."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from lotse.accounts.models import Location, Organisation
from lotse.audit.models import AccessLogEntry
from lotse.core.models import District


def org_form(**overrides):
    data = {"name": "Caritas A", "kind": Organisation.Kind.WELFARE}
    data.update(overrides)
    return data


def location_form(world, **overrides):
    data = {
        "name": "Haus International",
        "address": "Hauptstraße 1, 53840 Troisdorf",
        "district": world.district_a.pk,
        "fte": "0.75",
    }
    data.update(overrides)
    return data


def test_administrator_creates_an_organisation_in_their_own_municipality(client, world):
    client.force_login(world.admin_a)
    response = client.post(reverse("accounts:organisation-create"), org_form())
    organisation = Organisation.objects.get(name="Caritas A")
    assert response.status_code == 302
    assert organisation.municipality == world.municipality_a
    assert AccessLogEntry.objects.filter(
        action="accounts.organisation.created", object_id=str(organisation.pk)
    ).exists()


def test_organisation_list_is_linked_from_the_user_list_and_shows_only_own_municipality(
    client, world
):
    client.force_login(world.admin_a)
    users_page = client.get(reverse("accounts:list")).content.decode()
    assert reverse("accounts:organisations") in users_page
    page = client.get(reverse("accounts:organisations")).content.decode()
    assert "AWO A" in page and "KIM A" in page
    assert "KIM B" not in page


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "  awo   a "}, "name"),  # same name as an existing one, other spelling
        ({"kind": "castle"}, "kind"),
    ],
)
def test_bad_organisation_input_is_refused_and_changes_nothing(client, world, overrides, field):
    client.force_login(world.admin_a)
    before = list(Organisation.objects.values_list("pk", "name", "kind").order_by("pk"))
    response = client.post(reverse("accounts:organisation-create"), org_form(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert list(Organisation.objects.values_list("pk", "name", "kind").order_by("pk")) == before


def test_same_name_may_exist_in_another_municipality(client, world):
    client.force_login(world.admin_b)
    response = client.post(reverse("accounts:organisation-create"), org_form(name="AWO A"))
    assert response.status_code == 302
    assert Organisation.objects.filter(name="AWO A").count() == 2


def test_administrator_renames_an_organisation(client, world):
    client.force_login(world.admin_a)
    url = reverse("accounts:organisation-edit", kwargs={"pk": world.welfare_a.pk})
    response = client.post(url, org_form(name="AWO Kreisverband A", version=1))
    assert response.status_code == 302
    world.welfare_a.refresh_from_db()
    assert world.welfare_a.name == "AWO Kreisverband A" and world.welfare_a.version == 2
    assert AccessLogEntry.objects.filter(action="accounts.organisation.changed").exists()


def test_second_save_of_the_same_organisation_gets_a_conflict_and_overwrites_nothing(client, world):
    client.force_login(world.admin_a)
    url = reverse("accounts:organisation-edit", kwargs={"pk": world.welfare_a.pk})
    first = client.post(url, org_form(name="AWO Nord", version=1))
    assert first.status_code == 302
    second = client.post(url, org_form(name="AWO Süd", version=1))
    assert second.status_code == 200
    text = " ".join(second.context["form"].non_field_errors())
    assert "AWO Nord" in text  # says what is stored now
    world.welfare_a.refresh_from_db()
    assert world.welfare_a.name == "AWO Nord"
    # The form now carries the current version: saving again is a deliberate overwrite.
    assert second.context["form"].data["version"] == "2"


def test_administrator_of_b_can_neither_see_nor_edit_an_organisation_of_a(client, world):
    client.force_login(world.admin_b)
    edit = reverse("accounts:organisation-edit", kwargs={"pk": world.kim_a.pk})
    assert client.get(edit).status_code == 404
    assert client.post(edit, org_form(name="Taken over", version=1)).status_code == 404
    add_location = reverse("accounts:location-create", kwargs={"organisation_pk": world.kim_a.pk})
    assert client.post(add_location, location_form(world, district="")).status_code == 404
    location = reverse("accounts:location-edit", kwargs={"pk": world.location_a.pk})
    assert client.post(location, location_form(world, district="", version=1)).status_code == 404
    assert "KIM A" not in client.get(reverse("accounts:organisations")).content.decode()
    world.kim_a.refresh_from_db()
    world.location_a.refresh_from_db()
    assert world.kim_a.name == "KIM A" and world.kim_a.locations.count() == 1
    assert world.location_a.name == "Rathaus A"


def test_administrator_adds_and_edits_a_location_with_district_and_fte(client, world):
    client.force_login(world.admin_a)
    url = reverse("accounts:location-create", kwargs={"organisation_pk": world.kim_a.pk})
    assert client.post(url, location_form(world)).status_code == 302
    location = Location.objects.get(name="Haus International")
    assert location.organisation == world.kim_a
    assert location.district == world.district_a and location.fte == Decimal("0.75")
    edit = reverse("accounts:location-edit", kwargs={"pk": location.pk})
    assert client.post(edit, location_form(world, fte="1.5", version=1)).status_code == 302
    location.refresh_from_db()
    assert location.fte == Decimal("1.5") and location.version == 2
    organisation_page = client.get(
        reverse("accounts:organisation-edit", kwargs={"pk": world.kim_a.pk})
    ).content.decode()
    assert "Haus International" in organisation_page


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"fte": "-1"}, "fte"),
        ({"fte": "lots"}, "fte"),
        ({"fte": "1000"}, "fte"),
        ({"fte": "0.333"}, "fte"),
        ({"district": "other"}, "district"),
    ],
)
def test_bad_location_input_is_refused_and_changes_nothing(client, world, overrides, field):
    if overrides.get("district") == "other":
        other = District.objects.create(
            municipality=world.municipality_b, code="fremd", labels={"de": "Fremd"}
        )
        overrides = {"district": other.pk}
    client.force_login(world.admin_a)
    url = reverse("accounts:location-edit", kwargs={"pk": world.location_a.pk})
    response = client.post(url, location_form(world, version=1, **overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    world.location_a.refresh_from_db()
    assert world.location_a.name == "Rathaus A" and world.location_a.version == 1
    assert world.location_a.fte == Decimal("1")


def test_location_conflict_keeps_the_first_save(client, world):
    client.force_login(world.admin_a)
    url = reverse("accounts:location-edit", kwargs={"pk": world.location_a.pk})
    assert client.post(url, location_form(world, fte="2", version=1)).status_code == 302
    response = client.post(url, location_form(world, fte="3", version=1))
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    world.location_a.refresh_from_db()
    assert world.location_a.fte == Decimal("2")


def test_organisation_list_sums_fte_of_locations_regardless_of_member_count(client, world):
    Location.objects.create(organisation=world.kim_a, name="Nebenstelle", fte=Decimal("0.5"))
    client.force_login(world.admin_a)
    response = client.get(reverse("accounts:organisations"))
    kim = next(o for o in response.context["organisations"] if o.pk == world.kim_a.pk)
    assert kim.total_fte == Decimal("1.5")
    assert kim.location_count == 2 and kim.member_count == 5

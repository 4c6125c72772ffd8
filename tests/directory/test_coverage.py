"""Coverage counts: offers per district and field of action, gaps, filters, map."""

from __future__ import annotations

import datetime as dt

import pytest

from lotse.core.models import District, FieldOfAction, TargetGroup
from lotse.directory.coverage import coverage_matrix, district_map
from lotse.directory.models import Offer
from tests.directory.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    a = world.municipality_a
    north = District.objects.create(municipality=a, code="nord", labels={"de": "Nord"})
    language = FieldOfAction.objects.get(municipality=a, code="language")
    work = FieldOfAction.objects.get(municipality=a, code="work")
    parents = TargetGroup.objects.get(municipality=a, code="single-parents")
    make_offer(
        a,
        world.welfare_a,
        fields_of_action=[language, work],
        districts=[world.district_a, north],
        languages="de,ar",
    )
    make_offer(
        a,
        world.welfare_a,
        fields_of_action=[language],
        districts=[world.district_a],
        target_groups=[parents],
        languages="de",
    )
    make_offer(a, world.welfare_a, fields_of_action=[work], districts=[])
    make_offer(world.municipality_b, world.kim_b, fields_of_action=[], districts=[])
    return world, north, language, work


def test_cells_count_offers_per_district_and_field_and_gaps(setup):
    world, north, language, work = setup
    matrix = coverage_matrix(
        Offer.objects.filter(municipality=world.municipality_a), world.municipality_a
    )
    assert matrix.count(world.district_a.pk, language.pk) == 2
    assert matrix.count(world.district_a.pk, work.pk) == 1
    assert matrix.count(north.pk, language.pk) == 1
    assert matrix.count(None, work.pk) == 1  # the offer without district has its own row
    # 10 default fields x 2 districts = 20 cells, 4 covered.
    assert matrix.gaps == 16


def test_coverage_page_filters_by_target_group_and_language(setup, client):
    world, north, language, work = setup
    client.force_login(world.coordinator_a)
    parents = TargetGroup.objects.get(municipality=world.municipality_a, code="single-parents")
    response = client.get("/offers/coverage/", {"target_group": parents.pk})
    assert response.context["matrix"].count(world.district_a.pk, language.pk) == 1
    response = client.get("/offers/coverage/", {"language": "ar"})
    matrix = response.context["matrix"]
    assert matrix.count(north.pk, language.pk) == 1
    assert matrix.count(world.district_a.pk, language.pk) == 1


def test_expired_offers_do_not_count(setup, client):
    world, north, language, work = setup
    Offer.objects.filter(districts=north).update(valid_until=dt.date(2020, 1, 1))
    client.force_login(world.case_manager_a)
    response = client.get("/offers/coverage/")
    assert response.context["matrix"].count(north.pk, language.pk) == 0


def test_coverage_exports_as_csv(setup, client):
    world, *_ = setup
    client.force_login(world.coordinator_a)
    response = client.get("/offers/coverage/export.csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[1].startswith("Mitte;0;2;0;1;")


def test_map_shades_bundled_troisdorf_outlines(db):
    from lotse.core.models import Municipality

    troisdorf = Municipality.objects.create(name="Troisdorf", slug="troisdorf", kind="town")
    spich = District.objects.create(municipality=troisdorf, code="d09", labels={"de": "Spich"})
    oberlar = District.objects.create(municipality=troisdorf, code="d06", labels={"de": "Oberlar"})
    drawn = district_map(troisdorf, {spich.pk: 3, oberlar.pk: 0})
    shapes = {s.label: s for s in drawn.shapes}
    assert shapes["Spich"].shade == 4 and shapes["Oberlar"].shade == 0
    assert "," not in shapes["Spich"].label_x
    assert district_map(Municipality(slug="nowhere"), {}) is None

"""The public directory: no login, no client or internal data, filters, languages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from lotse.core.models import FieldOfAction
from lotse.directory.actions import confirmation_token, do_request_confirmation
from lotse.directory.models import Offer
from tests.directory.factories import make_contact, make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(world):
    a = world.municipality_a
    language = FieldOfAction.objects.get(municipality=a, code="language")
    contact = make_contact(world.welfare_a, name="Interne Person", email="intern@awo.example")
    sprachcafe = make_offer(
        a,
        world.welfare_a,
        title="Sprachcafé",
        languages="de,ar",
        fields_of_action=[language],
        districts=[world.district_a],
        contact_email="cafe@awo.example",
        contact_person=contact,
        translations={"ar": {"title": "مقهى اللغة", "description": ""}},
    )
    make_offer(a, world.welfare_a, title="Schuldnerberatung", languages="de")
    make_offer(a, world.welfare_a, title="Entwurf", published=False)
    make_offer(a, world.welfare_a, title="Abgelaufen", valid_until=dt.date(2020, 1, 1))
    make_offer(world.municipality_b, world.kim_b, title="Angebot in B")
    return sprachcafe


def titles(response) -> list[str]:
    return [o.title for o in response.context["offers"]]


def test_directory_needs_no_login_and_shows_published_valid_offers(client, world, offers):
    response = client.get("/directory/a/")
    assert response.status_code == 200
    assert titles(response) == ["Schuldnerberatung", "Sprachcafé"]


def test_no_client_staff_or_internal_data_is_reachable(client, world, offers):
    body = client.get("/directory/a/").content.decode()
    for secret in (
        "Haddad",
        "Nour",
        world.case_manager_a.email,
        world.case_a.number,
        "Interne Person",
        "intern@awo.example",
        "Koval",
    ):
        assert secret not in body
    assert "cafe@awo.example" in body  # the offer's public contact is shown
    assert client.get("/directory/a/?q=Haddad").context["offers"].__len__() == 0
    assert client.get(f"/clients/{world.client_a.pk}/").status_code == 302


def test_filters_by_field_district_language_and_search(client, world, offers):
    language = FieldOfAction.objects.get(municipality=world.municipality_a, code="language")
    assert titles(client.get("/directory/a/", {"field": language.pk})) == ["Sprachcafé"]
    assert titles(client.get("/directory/a/", {"district": world.district_a.pk})) == ["Sprachcafé"]
    assert titles(client.get("/directory/a/", {"language": "ar"})) == ["Sprachcafé"]
    assert titles(client.get("/directory/a/", {"q": "مقهى"})) == ["Sprachcafé"]
    assert titles(client.get("/directory/a/", {"q": "schuldner"})) == ["Schuldnerberatung"]


def test_offer_texts_carry_their_language_and_arabic_is_right_to_left(client, world, offers):
    body = client.get("/directory/a/").content.decode()
    assert 'lang="ar" dir="rtl"' in body
    assert 'lang="de" dir="ltr"' in body
    client.post("/i18n/setlang/", {"language": "ar", "next": "/directory/a/"})
    body = client.get("/directory/a/").content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    client.post("/i18n/setlang/", {"language": "en", "next": "/directory/a/"})
    assert "Offers in Stadt A" in client.get("/directory/a/").content.decode()


def test_several_municipalities_get_a_choice_and_unknown_slug_404(client, world, offers):
    body = client.get("/directory/").content.decode()
    assert "/directory/a/" in body and "/directory/b/" in body
    assert client.get("/directory/nowhere/").status_code == 404


def test_confirmation_request_goes_through_the_queue_and_link_confirms_once(
    client, world, offers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        asked, without = do_request_confirmation(
            acting_user=world.coordinator_a, offers=[offers], base_url="http://testserver/"
        )
    assert (asked, without) == (1, 0)
    assert mail.outbox[-1].to == ["intern@awo.example"]
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/directory/confirm/" in line)
    path = link.strip().removeprefix("http://testserver")
    assert client.get(path).status_code == 200
    client.post(path)
    offers.refresh_from_db()
    assert offers.last_confirmed_on is not None
    assert not offers.is_stale(offers.last_confirmed_on)
    assert (
        "already been used" in client.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        or (client.get(path).context["used"])
    )


def test_tampered_confirmation_link_is_404(client, world, offers):
    token = confirmation_token(offers)
    assert client.get(f"/directory/confirm/{token}x/").status_code == 404


def test_stale_flag_after_twelve_months(world):
    offer = Offer(last_confirmed_on=dt.date(2025, 3, 1))
    assert not offer.is_stale(dt.date(2026, 3, 1))
    assert offer.is_stale(dt.date(2026, 3, 2))
    assert Offer(last_confirmed_on=None).is_stale(dt.date(2026, 1, 1))


def test_arabic_layout_has_arabic_page_text_and_the_arabic_offer_text_first(client, world, offers):
    client.post("/i18n/setlang/", {"language": "ar", "next": "/directory/a/"})
    response = client.get("/directory/a/")
    body = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert "الخدمات في Stadt A" in body  # "Offers in Stadt A"
    sprachcafe = next(o for o in response.context["offers"] if o.pk == offers.pk)
    assert [t["lang"] for t in sprachcafe.reader_texts] == ["ar", "de"]
    # Topics have no Arabic label: they are shown in German and marked so.
    assert '<dd lang="de" dir="ltr">Sprache</dd>' in body
    client.post("/i18n/setlang/", {"language": "de", "next": "/directory/a/"})
    response = client.get("/directory/a/")
    sprachcafe = next(o for o in response.context["offers"] if o.pk == offers.pk)
    assert [t["lang"] for t in sprachcafe.reader_texts] == ["de", "ar"]


def test_an_offer_for_every_district_says_so_instead_of_listing_them(client, world, offers):
    from lotse.core.models import District

    body = client.get("/directory/a/").content.decode()
    assert "alle Stadtteile von Stadt A" in body  # Mitte is A's only district
    District.objects.create(municipality=world.municipality_a, code="nord", labels={"de": "Nord"})
    body = client.get("/directory/a/").content.decode()
    assert "alle Stadtteile" not in body
    assert '<dd lang="de" dir="ltr">Mitte</dd>' in body


def test_public_page_links_to_no_staff_page(client, world, offers):
    body = client.get("/directory/a/").content.decode()
    for staff_path in ("/offers/", "/cases/", "/clients/", "/referrals/", "/accounts/"):
        assert f'href="{staff_path}' not in body

"""The client record: create and edit forms, partial birth dates, conflicts, search."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from lotse.audit.models import AccessLogEntry
from lotse.core.models import VulnerabilityMarker
from lotse.people.models import Client, HouseholdMember
from tests.conftest import make_case


def _post(http, url, **data):
    return http.post(url, data)


def test_case_manager_creates_a_client_with_only_a_family_name(world, logged_in):
    http = logged_in(world.case_manager_a)
    response = http.post(reverse("people:create"), {"family_name": "Rahimi"})
    client = Client.objects.get(family_name="Rahimi")
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[client.pk])
    assert client.organisation == world.kim_a
    assert client.created_by == world.case_manager_a
    assert AccessLogEntry.objects.filter(
        action="people.client.created", object_id=str(client.pk)
    ).exists()
    assert client.blocking_keys.exists() or client.search_tokens.exists()


def test_full_client_record_is_stored(world, logged_in):
    marker = VulnerabilityMarker.objects.filter(municipality=world.municipality_a).first()
    http = logged_in(world.case_manager_a)
    response = http.post(
        reverse("people:create"),
        {
            "family_name": "Shevchenko",
            "given_names": "Olena",
            "name_original_script": "Олена Шевченко",
            "aliases": "Schewtschenko, Olena",
            "gender": "f",
            "date_of_birth": "01.01.1985",
            "birth_date_placeholder": "on",
            "nationalities": "ua, ru",
            "country_of_birth": "ua",
            "languages": "uk ru",
            "interpreter_needed": "on",
            "preferred_language": "uk",
            "street": "Hauptstr. 1",
            "postcode": "53840",
            "city": "Troisdorf",
            "district": world.district_a.pk,
            "arrival_date": "2022-03-20",
            "residence_status": "title",
            "residence_title": "Aufenthaltserlaubnis",
            "residence_purpose": "§ 24 AufenthG",
            "residence_valid_until": "2027-03-04",
            "passport_valid_until": "2030-01-01",
            "phone": "+49 170 000000",
            "preferred_channel": "messenger",
            "messenger": "Signal",
            "vulnerability_markers": [marker.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    c = Client.objects.get(family_name="Shevchenko")
    assert (c.birth_year, c.birth_month, c.birth_day, c.birth_date_placeholder) == (
        1985,
        1,
        1,
        True,
    )
    assert c.date_of_birth == "1985"  # the placeholder is not a real day for matching
    assert "placeholder" in str(c.date_of_birth_display) or "Platzhalter" in str(
        c.date_of_birth_display
    )
    assert c.nationalities == "UA, RU"
    assert c.languages == "uk, ru"
    assert list(c.vulnerability_markers.all()) == [marker]
    page = http.get(reverse("people:detail", args=[c.pk])).content.decode()
    assert "Aufenthaltserlaubnis" in page and "Hauptstr. 1" in page


def test_year_only_birth_date_is_stored_as_year_only(world, logged_in):
    http = logged_in(world.case_manager_a)
    http.post(reverse("people:create"), {"family_name": "Tesfay", "date_of_birth": "1990"})
    c = Client.objects.get(family_name="Tesfay")
    assert (c.birth_year, c.birth_month, c.birth_day) == (1990, None, None)
    assert c.date_of_birth_display == "1990"


def test_bad_input_gets_messages_and_saves_nothing(world, logged_in):
    http = logged_in(world.case_manager_a)
    before = Client.objects.count()
    response = http.post(
        reverse("people:create"),
        {
            "family_name": "",
            "date_of_birth": "31.02.1990",
            "nationalities": "Syrien",
            "languages": "Arabisch!",
            "birth_date_placeholder": "on",
            "arrival_date": "2999-01-01",
            "email": "not-an-address",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    for field in (
        "family_name",
        "date_of_birth",
        "nationalities",
        "languages",
        "birth_date_placeholder",
        "arrival_date",
        "email",
    ):
        assert field in form.errors, field
    assert Client.objects.count() == before


def test_second_save_gets_a_conflict_showing_the_other_change(world, logged_in):
    http = logged_in(world.case_manager_a)
    url = reverse("people:edit", args=[world.client_a.pk])
    form_a = http.get(url).context["form"]
    # someone else saves in between
    other = logged_in(world.team_lead_a)
    initial = {k: v for k, v in form_a.initial.items() if v is not None}
    data = {
        "family_name": "Haddad",
        "given_names": "Nour",
        "phone": "0228 111",
        "version": initial["version"],
        "original": initial["original"],
    }
    assert other.post(url, data).status_code == 302
    http.force_login(world.case_manager_a)
    mine = {**data, "phone": "", "given_names": "Noor"}
    response = http.post(url, mine)
    assert response.status_code == 200
    conflict = response.context["conflict"]
    assert conflict is not None
    labels = [label for label, _before, _now in conflict.changes]
    assert any("Telefon" in label or "phone" in label for label in labels)
    assert "0228 111" in response.content.decode()
    world.client_a.refresh_from_db()
    assert world.client_a.phone == "0228 111"
    assert world.client_a.given_names == "Nour"
    # saving again from the conflict page keeps the user's values, knowingly
    form = response.context["form"]
    again = {**mine, "version": form["version"].value(), "original": form["original"].value()}
    assert http.post(url, again).status_code == 302
    world.client_a.refresh_from_db()
    assert world.client_a.given_names == "Noor"


def test_search_finds_other_spellings_and_birth_year(world, client_of, logged_in):
    shev = client_of(family_name="Shevchenko", given_names="Taras", birth_year=1985)
    client_of(family_name="Shevchenko", given_names="Ivan", birth_year=1970)
    muh = client_of(family_name="Al-Hassan", given_names="Muhammad")
    http = logged_in(world.case_manager_a)

    def found(q):
        return [c.pk for c in http.get(reverse("people:list"), {"q": q}).context["page_obj"]]

    assert shev.pk in found("Schewtschenko")
    assert found("Schewtschenko 1985") == [shev.pk]
    assert muh.pk in found("Mohammed Hassan")
    assert muh.pk in found("Mohamad")
    assert muh.pk in found("muha")
    assert found("Zzyzx") == []


def test_search_does_not_show_records_of_another_case_manager(world, client_of, logged_in):
    hidden = client_of(family_name="Karimi", created_by=world.other_case_manager_a)
    http = logged_in(world.case_manager_a)
    response = http.get(reverse("people:list"), {"q": "Karimi"})
    assert hidden.pk not in [c.pk for c in response.context["page_obj"]]


def test_search_queries_do_not_grow_with_clients(
    world, client_of, logged_in, django_assert_max_num_queries
):
    for i in range(30):
        client_of(family_name=f"Ahmadi{i}", given_names="Mohammad")
    http = logged_in(world.team_lead_a)
    with django_assert_max_num_queries(12):
        http.get(reverse("people:list"), {"q": "Ahmadi 1990"})


def test_household_member_linked_or_plain(world, client_of, logged_in):
    daughter = client_of(family_name="Haddad", given_names="Lina")
    http = logged_in(world.case_manager_a)
    url = reverse("people:household-add", args=[world.client_a.pk])
    http.post(url, {"member": daughter.pk, "relation": "Tochter"})
    http.post(url, {"name": "Samir Haddad", "relation": "Ehemann", "birth_year": 1980})
    entries = list(HouseholdMember.objects.filter(client=world.client_a))
    assert [e.member for e in entries] == [daughter, None]
    assert entries[1].name == "Samir Haddad"


def test_household_cannot_link_a_record_the_user_may_not_see(world, logged_in):
    http = logged_in(world.case_manager_a)
    url = reverse("people:household-add", args=[world.client_a.pk])
    http.post(url, {"member": world.client_b.pk})
    assert not HouseholdMember.objects.exists()


def test_client_page_links_to_opening_a_case_only_when_that_exists(world, logged_in):
    http = logged_in(world.case_manager_a)
    response = http.get(reverse("people:detail", args=[world.client_a.pk]))
    assert response.status_code == 200


def test_worklist_lists_expiring_and_expired_documents(
    world, client_of, django_assert_max_num_queries
):
    from lotse.people.worklist import items

    today = dt.date(2026, 6, 1)
    soon = client_of(family_name="Soon", residence_valid_until=today + dt.timedelta(days=30))
    gone = client_of(family_name="Gone", passport_valid_until=today - dt.timedelta(days=3))
    client_of(family_name="Later", residence_valid_until=today + dt.timedelta(days=400))
    make_case(soon, world.case_manager_a)
    # Lead time, the user's open cases (read once per start page), two client queries.
    with django_assert_max_num_queries(4):
        found = list(items(world.case_manager_a, today))
    subjects = {(i.subject, i.kind, i.overdue) for i in found}
    assert (str(soon), "residence_expiry", False) in subjects
    assert (str(gone), "passport_expiry", True) in subjects
    assert not any("Later" in i.subject for i in found)
    assert list(items(world.other_case_manager_a, today)) == []
    assert list(items(world.coordinator_a, today)) == []


def test_the_client_page_names_the_language_for_documents_in_words(world, logged_in):
    http = logged_in(world.case_manager_a)
    world.client_a.preferred_language = "ar"
    world.client_a.save()
    page = http.get(reverse("people:detail", args=[world.client_a.pk])).content.decode()
    assert "<dd>Arabisch</dd>" in page

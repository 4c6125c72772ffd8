"""Case conferences: partners see only what was shared, only while invited and consented."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from lotse.accounts.models import Organisation, Role
from lotse.audit.models import AccessLogEntry
from lotse.conferences.models import CaseConference, Note
from tests.conferences.factories import give_consent, make_conference
from tests.conftest import make_user


def detail(conference) -> str:
    return reverse("conferences:detail", args=[conference.pk])


def create_url(world) -> str:
    return reverse("conferences:create", args=[world.case_a.pk])


def form_data(world, **overrides) -> dict:
    data = {
        "topic": "Schulplatz",
        "summary": "Tochter braucht einen Schulplatz.",
        "shared_parts": ["name", "languages"],
        "invitees": [world.partner_staff_a.pk],
        "invited_until": (timezone.localdate() + dt.timedelta(days=7)).isoformat(),
    }
    data.update(overrides)
    return data


def test_partner_sees_only_the_summary_and_the_chosen_parts(client, world):
    world.client_a.phone = "0170 1234567"
    world.client_a.languages = "ar"
    world.client_a.birth_year = 1990
    world.client_a.save()
    conference = make_conference(world, shared_parts=["languages"])
    client.force_login(world.partner_staff_a)
    page = client.get(detail(conference)).content.decode()
    assert "Familie sucht eine größere Wohnung." in page
    assert "ar" in page
    assert "Haddad" not in page  # the name was not chosen
    assert "0170 1234567" not in page
    assert "1990" not in page
    assert world.case_a.number not in page


def test_chosen_name_is_shown_to_the_partner(client, world):
    conference = make_conference(world, shared_parts=["name"])
    client.force_login(world.partner_staff_a)
    assert "Haddad, Nour" in client.get(detail(conference)).content.decode()


def test_invitation_ends_after_its_date(client, world):
    running = make_conference(world, days=0)
    over = make_conference(world, consent=False, days=-1, topic="Alt")
    client.force_login(world.partner_staff_a)
    assert client.get(detail(running)).status_code == 200
    assert client.get(detail(over)).status_code == 404


def test_withdrawing_the_consent_ends_access_at_once(client, world):
    conference = make_conference(world, consent=False)
    consent = give_consent(world)
    client.force_login(world.partner_staff_a)
    assert client.get(detail(conference)).status_code == 200
    consent.withdrawn_at = timezone.now()
    consent.save()
    assert client.get(detail(conference)).status_code == 404
    response = client.post(reverse("conferences:note-add", args=[conference.pk]), {"text": "x"})
    assert response.status_code == 404
    assert not Note.objects.exists()


def test_an_expired_consent_ends_access(client, world):
    conference = make_conference(world, consent=False)
    give_consent(world, valid_until=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(world.partner_staff_a)
    assert client.get(detail(conference)).status_code == 404


def test_consent_for_another_purpose_does_not_open_the_conference(client, world):
    conference = make_conference(world, consent=False)
    give_consent(world, purpose="referral")
    client.force_login(world.partner_staff_a)
    assert client.get(detail(conference)).status_code == 404


def test_ending_the_conference_ends_access(client, world):
    conference = make_conference(world)
    client.force_login(world.case_manager_a)
    response = client.post(reverse("conferences:end", args=[conference.pk]))
    assert response.status_code == 302
    client.force_login(world.partner_staff_a)
    assert client.get(detail(conference)).status_code == 404


def test_partner_staff_not_invited_gets_404_even_with_consent(client, world):
    caritas = Organisation.objects.create(
        municipality=world.municipality_a, name="Caritas A", kind=Organisation.Kind.WELFARE
    )
    give_consent(world, caritas)
    stranger = make_user(caritas, Role.PARTNER_STAFF)
    colleague = make_user(world.welfare_a, Role.PARTNER_STAFF)  # same organisation, not invited
    conference = make_conference(world)
    for user in (stranger, colleague):
        client.force_login(user)
        assert client.get(detail(conference)).status_code == 404


def test_partner_who_changed_organisation_loses_access(client, world):
    conference = make_conference(world)
    caritas = Organisation.objects.create(
        municipality=world.municipality_a, name="Caritas A", kind=Organisation.Kind.WELFARE
    )
    give_consent(world, caritas)
    world.partner_staff_a.organisation = caritas
    world.partner_staff_a.save()
    client.force_login(world.partner_staff_a)
    assert client.get(detail(conference)).status_code == 404


def test_every_partner_read_is_logged(client, world):
    conference = make_conference(world)
    client.force_login(world.partner_staff_a)
    client.get(detail(conference))
    client.get(detail(conference))
    entries = AccessLogEntry.objects.filter(
        user=world.partner_staff_a, action="conferences.conference.viewed"
    )
    assert entries.count() == 2
    assert entries.first().object_id == str(conference.pk)


def test_partner_notes_are_marked_as_theirs_and_shown_on_the_case_page(client, world):
    conference = make_conference(world)
    client.force_login(world.partner_staff_a)
    response = client.post(
        reverse("conferences:note-add", args=[conference.pk]),
        {"text": "Wir haben eine Wohnung in Aussicht."},
    )
    assert response.status_code == 302
    note = Note.objects.get()
    assert note.author == world.partner_staff_a
    assert note.organisation == world.welfare_a
    assert note.organisation_label == "AWO A"

    client.force_login(world.case_manager_a)
    page = client.get(reverse("cases:detail", args=[world.case_a.pk])).content.decode()
    assert "Wir haben eine Wohnung in Aussicht." in page
    assert "AWO A" in page
    assert str(world.partner_staff_a) in page


def test_an_empty_note_is_refused_with_a_message(client, world):
    conference = make_conference(world)
    client.force_login(world.partner_staff_a)
    response = client.post(reverse("conferences:note-add", args=[conference.pk]), {"text": ""})
    assert response.status_code == 400
    assert not Note.objects.exists()


def test_case_manager_invites_a_partner_with_consent(client, world):
    give_consent(world)
    client.force_login(world.case_manager_a)
    response = client.post(create_url(world), form_data(world))
    conference = CaseConference.objects.get()
    assert response.status_code == 302
    assert conference.shared_parts == ["name", "languages"]
    assert list(conference.invitations.values_list("organisation", flat=True)) == [
        world.welfare_a.pk
    ]
    assert AccessLogEntry.objects.filter(action="conferences.conference.created").exists()


def test_inviting_without_consent_is_refused_and_names_the_organisation(client, world):
    client.force_login(world.case_manager_a)
    response = client.post(create_url(world), form_data(world))
    assert response.status_code == 200
    assert "AWO A" in response.content.decode()
    assert "nicht eingewilligt" in response.content.decode()
    assert not CaseConference.objects.exists()


def test_invitation_end_date_must_be_near_and_not_past(client, world):
    give_consent(world)
    client.force_login(world.case_manager_a)
    today = timezone.localdate()
    for until in (today - dt.timedelta(days=1), today + dt.timedelta(days=91)):
        response = client.post(create_url(world), form_data(world, invited_until=until))
        assert response.status_code == 200
    assert not CaseConference.objects.exists()


def test_only_partner_staff_of_other_organisations_of_the_municipality_can_be_invited(
    client, world
):
    give_consent(world)
    partner_b = make_user(world.kim_b, Role.PARTNER_STAFF)
    client.force_login(world.case_manager_a)
    for invitee in (world.other_case_manager_a, partner_b):
        response = client.post(create_url(world), form_data(world, invitees=[invitee.pk]))
        assert response.status_code == 200
    assert not CaseConference.objects.exists()


def test_running_conferences_are_on_the_partners_worklist(client, world):
    conference = make_conference(world, topic="Wohnungssuche Haddad")
    make_conference(world, consent=False, days=-1, topic="Vorbei")
    client.force_login(world.partner_staff_a)
    page = client.get("/").content.decode()
    assert "Wohnungssuche Haddad" in page
    assert detail(conference) in page
    assert "Vorbei" not in page


def test_case_page_queries_do_not_grow_with_conferences(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.case_manager_a)
    url = reverse("cases:detail", args=[world.case_a.pk])
    make_conference(world)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(5):
        conference = make_conference(world, consent=False)
        Note.objects.create(
            conference=conference,
            author=world.partner_staff_a,
            author_label="x",
            organisation=world.welfare_a,
            organisation_label="AWO A",
            text="t",
        )
    with django_assert_max_num_queries(len(one)):
        client.get(url)

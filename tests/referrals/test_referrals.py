"""Referrals: sending needs consent; partners see only their referrals and the consented part."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from lotse.accounts.models import Organisation, Role
from lotse.audit.models import AccessLogEntry
from lotse.consents.models import Purpose
from lotse.core.extensions import worklist_items
from lotse.directory.models import Offer
from lotse.referrals.models import Referral
from tests.conftest import make_case, make_client, make_user
from tests.consents.factories import make_consent
from tests.referrals.factories import make_referral

pytestmark = pytest.mark.django_db


def _propose(client, world, **overrides):
    data = {"organisation": world.welfare_a.pk, "offer": "", "purpose": "Sprachkurs", **overrides}
    return client.post(reverse("referrals:create", args=[world.case_a.pk]), data)


def _send(client, referral):
    return client.post(
        reverse("referrals:send", args=[referral.pk]), {"version": referral.version}, follow=True
    )


def test_case_manager_proposes_a_referral_to_an_offer_of_the_organisation(client, world):
    offer = Offer.objects.create(
        municipality=world.municipality_a, organisation=world.welfare_a, title="Sprachcafé"
    )
    client.force_login(world.case_manager_a)
    options = client.get(
        reverse("referrals:offers", args=[world.case_a.pk]), {"organisation": world.welfare_a.pk}
    )
    assert "Sprachcafé" in options.content.decode()
    assert _propose(client, world, offer=offer.pk).status_code == 302
    referral = Referral.objects.get()
    assert (referral.status, referral.offer, referral.created_by) == (
        "proposed",
        offer,
        world.case_manager_a,
    )


def test_an_offer_of_another_organisation_is_refused(client, world):
    offer = Offer.objects.create(
        municipality=world.municipality_a, organisation=world.authority_a, title="Sprechstunde"
    )
    client.force_login(world.case_manager_a)
    response = _propose(client, world, offer=offer.pk)
    assert response.status_code == 200 and 'class="error"' in response.content.decode()
    assert not Referral.objects.exists()


def test_an_organisation_of_another_municipality_is_refused(client, world):
    client.force_login(world.case_manager_a)
    assert _propose(client, world, organisation=world.kim_b.pk).status_code == 200
    assert not Referral.objects.exists()


def test_sending_is_blocked_without_consent_and_allowed_with_it(client, world):
    referral = make_referral(world.case_a, world.welfare_a, status="proposed", with_consent=False)
    client.force_login(world.case_manager_a)
    response = _send(client, referral)
    assert "Einwilligung" in response.content.decode() or "consent" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == "proposed"

    # A consent for another purpose or another organisation does not help.
    make_consent(world.case_a, world.welfare_a, purpose=Purpose.CASE_CONFERENCE)
    make_consent(world.case_a, world.authority_a)
    _send(client, referral)
    referral.refresh_from_db()
    assert referral.status == "proposed"

    consent = make_consent(world.case_a, world.welfare_a)
    _send(client, referral)
    referral.refresh_from_db()
    assert (referral.status, referral.consent, referral.sent_by) == (
        "sent",
        consent,
        world.case_manager_a,
    )
    assert AccessLogEntry.objects.filter(
        action="referrals.referral.changed", object_id=str(referral.pk)
    ).exists()


def test_a_stale_form_gets_a_conflict_message_and_changes_nothing(client, world):
    referral = make_referral(world.case_a, world.welfare_a, status="proposed")
    client.force_login(world.case_manager_a)
    response = client.post(
        reverse("referrals:send", args=[referral.pk]), {"version": 99}, follow=True
    )
    referral.refresh_from_db()
    assert referral.status == "proposed"
    assert response.status_code == 200


def test_partner_sees_only_referrals_to_their_organisation_and_only_consented_data(client, world):
    world.client_a.phone = "0151 999 888"
    world.client_a.save()
    mine = make_referral(world.case_a, world.welfare_a)
    other = make_referral(world.case_a, world.authority_a)
    proposed = make_referral(world.case_a, world.welfare_a, status="proposed")
    client.force_login(world.partner_staff_a)

    inbox = client.get(reverse("referrals:inbox")).content.decode()
    assert f"/referrals/{mine.pk}/" in inbox
    assert f"/referrals/{other.pk}/" not in inbox
    assert f"/referrals/{proposed.pk}/" not in inbox

    page = client.get(reverse("referrals:incoming", args=[mine.pk])).content.decode()
    assert "Haddad" in page and "Beratung zur Wohnungssuche" in page
    assert "Name, Kontaktdaten, Sprachkenntnisse" in page  # the consent's scope
    assert "0151 999 888" not in page
    assert reverse("cases:detail", args=[world.case_a.pk]) not in page
    assert client.get(reverse("referrals:incoming", args=[other.pk])).status_code == 404
    assert client.get(reverse("referrals:incoming", args=[proposed.pk])).status_code == 404
    assert client.get(reverse("cases:detail", args=[world.case_a.pk])).status_code == 404
    assert client.get(reverse("people:detail", args=[world.client_a.pk])).status_code == 404

    reads = AccessLogEntry.objects.filter(user=world.partner_staff_a)
    assert reads.filter(action="referrals.referral.listed").count() == 1
    assert reads.filter(action="referrals.referral.viewed", object_id=str(mine.pk)).count() == 1


def test_partner_of_another_organisation_gets_404_even_in_the_same_municipality(client, world):
    referral = make_referral(world.case_a, world.welfare_a)
    other_partner = make_user(world.authority_a, Role.PARTNER_STAFF)
    client.force_login(other_partner)
    assert client.get(reverse("referrals:incoming", args=[referral.pk])).status_code == 404
    response = client.post(
        reverse("referrals:answer", args=[referral.pk]),
        {"decision": "accepted", "version": referral.version},
    )
    assert response.status_code == 404
    referral.refresh_from_db()
    assert referral.status == "sent"


def _answer(client, referral, decision, text=""):
    referral.refresh_from_db()
    return client.post(
        reverse("referrals:answer", args=[referral.pk]),
        {"decision": decision, "text": text, "version": referral.version},
        follow=True,
    )


def test_partner_accepts_then_reports_back_and_the_case_manager_sees_it(client, world):
    referral = make_referral(world.case_a, world.welfare_a)
    client.force_login(world.partner_staff_a)
    assert any(
        i.kind == "referral_new"
        for i in worklist_items(world.partner_staff_a, timezone.localdate())
    )
    _answer(client, referral, "accepted")
    referral.refresh_from_db()
    assert (referral.status, referral.answered_by) == ("accepted", world.partner_staff_a)
    _answer(client, referral, "done")  # no note: refused
    referral.refresh_from_db()
    assert referral.status == "accepted"
    _answer(client, referral, "done", "Kurs begonnen am 3. März")
    referral.refresh_from_db()
    assert (referral.status, referral.report_back) == ("done", "Kurs begonnen am 3. März")

    items = worklist_items(world.case_manager_a, timezone.localdate())
    assert [i.kind for i in items if i.kind.startswith("referral")] == ["referral_done"]
    assert not [
        i
        for i in worklist_items(world.other_case_manager_a, timezone.localdate())
        if i.kind.startswith("referral")
    ]
    client.force_login(world.case_manager_a)
    page = client.get(reverse("cases:detail", args=[world.case_a.pk])).content.decode()
    assert "Kurs begonnen am 3. März" in page


def test_declining_needs_a_reason(client, world):
    referral = make_referral(world.case_a, world.welfare_a)
    client.force_login(world.partner_staff_a)
    _answer(client, referral, "declined", "  ")
    referral.refresh_from_db()
    assert referral.status == "sent"
    _answer(client, referral, "declined", "Keine freien Plätze")
    referral.refresh_from_db()
    assert (referral.status, referral.decline_reason) == ("declined", "Keine freien Plätze")
    kinds = [i.kind for i in worklist_items(world.case_manager_a, timezone.localdate())]
    assert "referral_declined" in kinds


def test_withdrawing_the_consent_hides_the_client_from_the_partner_at_once(client, world):
    referral = make_referral(world.case_a, world.welfare_a)
    referral.consent.withdrawn_at = timezone.now()
    referral.consent.save()
    client.force_login(world.partner_staff_a)
    page = client.get(reverse("referrals:incoming", args=[referral.pk])).content.decode()
    assert "Haddad" not in page and "Wohnungssuche" not in page
    assert "Haddad" not in client.get(reverse("referrals:inbox")).content.decode()
    _answer(client, referral, "accepted")
    referral.refresh_from_db()
    assert referral.status == "sent"


def test_inbox_queries_do_not_grow_with_the_number_of_referrals(
    client, world, django_assert_max_num_queries
):
    for _ in range(3):
        make_referral(world.case_a, world.welfare_a)
    client.force_login(world.partner_staff_a)
    with django_assert_max_num_queries(20) as first:
        client.get(reverse("referrals:inbox"))
    org = world.welfare_a
    for _ in range(15):
        c = make_client(world.municipality_a, world.kim_a, world.case_manager_a)
        make_referral(make_case(c, world.case_manager_a), org)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(reverse("referrals:inbox"))
    assert Organisation.objects.count() >= 4


def test_a_referral_without_consent_links_to_the_consent_form_for_its_organisation(client, world):
    make_referral(world.case_a, world.welfare_a, status="proposed", with_consent=False)
    client.force_login(world.case_manager_a)
    case_page = client.get(reverse("cases:detail", args=[world.case_a.pk])).content.decode()
    link = (
        reverse("consents:create", args=[world.case_a.pk])
        + f"?purpose=referral&amp;recipient={world.welfare_a.pk}"
    )
    assert link in case_page
    form = client.get(link.replace("&amp;", "&")).content.decode()
    assert f'<option value="{world.welfare_a.pk}" selected>' in form
    assert '<option value="referral" selected>' in form

    make_consent(world.case_a, world.welfare_a)
    case_page = client.get(reverse("cases:detail", args=[world.case_a.pk])).content.decode()
    assert link not in case_page

"""Consents: when they cover sharing, how they are recorded, printed and withdrawn."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from lotse.audit.models import AccessLogEntry
from lotse.consents.models import Consent, Purpose, consent_covers
from lotse.consents.rules import ConsentFacts, State, covers, state_on
from tests.consents.factories import make_consent

ON = dt.date(2026, 3, 1)
ORG, OTHER_ORG = 7, 8


@pytest.mark.parametrize(
    ("facts", "organisation", "purpose", "expected"),
    [
        (ConsentFacts(ORG, "referral", dt.date(2026, 1, 1)), ORG, "referral", True),
        (ConsentFacts(ORG, "referral", ON, ON), ORG, "referral", True),
        (
            ConsentFacts(ORG, "referral", dt.date(2026, 1, 1), dt.date(2026, 2, 28)),
            ORG,
            "referral",
            False,
        ),
        (ConsentFacts(ORG, "referral", dt.date(2026, 3, 2)), ORG, "referral", False),
        (
            ConsentFacts(ORG, "referral", dt.date(2026, 1, 1), withdrawn=True),
            ORG,
            "referral",
            False,
        ),
        (ConsentFacts(ORG, "referral", dt.date(2026, 1, 1)), OTHER_ORG, "referral", False),
        (ConsentFacts(ORG, "referral", dt.date(2026, 1, 1)), ORG, "transfer", False),
    ],
    ids=[
        "given",
        "last-valid-day",
        "expired",
        "not-yet-given",
        "withdrawn",
        "other-organisation",
        "other-purpose",
    ],
)
def test_a_consent_covers_only_its_organisation_and_purpose_while_in_force(
    facts, organisation, purpose, expected
):
    assert covers(facts, organisation, purpose, ON) is expected


def test_withdrawal_wins_over_every_date():
    facts = ConsentFacts(ORG, "referral", dt.date(2026, 1, 1), dt.date(2027, 1, 1), withdrawn=True)
    assert state_on(facts, ON) == State.WITHDRAWN


@pytest.mark.django_db
def test_consent_covers_reads_the_database_the_same_way(world):
    consent = make_consent(world.case_a, world.welfare_a, valid_until=dt.date(2026, 6, 30))
    client_id = world.client_a.pk
    assert consent_covers(client_id, world.welfare_a.pk, Purpose.REFERRAL, ON)
    assert not consent_covers(client_id, world.welfare_a.pk, Purpose.REFERRAL, dt.date(2026, 7, 1))
    assert not consent_covers(
        client_id, world.welfare_a.pk, Purpose.REFERRAL, dt.date(2025, 12, 31)
    )
    assert not consent_covers(client_id, world.authority_a.pk, Purpose.REFERRAL, ON)
    assert not consent_covers(client_id, world.welfare_a.pk, Purpose.CASE_CONFERENCE, ON)
    consent.withdrawn_at = consent.recorded_at
    consent.save()
    assert not consent_covers(client_id, world.welfare_a.pk, Purpose.REFERRAL, ON)


def _post_consent(client, world, **overrides):
    data = {
        "purpose": "referral",
        "recipient": world.welfare_a.pk,
        "scope": "Name und Telefonnummer",
        "given_on": "2026-01-20",
        "valid_until": "",
        "language": "ar",
        "form_version": "1",
        **overrides,
    }
    return client.post(reverse("consents:create", args=[world.case_a.pk]), data)


@pytest.mark.django_db
def test_case_manager_records_a_consent_from_the_case_and_it_is_logged(client, world):
    client.force_login(world.case_manager_a)
    response = _post_consent(client, world)
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert (consent.client, consent.recipient, consent.language) == (
        world.client_a,
        world.welfare_a,
        "ar",
    )
    assert AccessLogEntry.objects.filter(action="consents.consent.created").count() == 1
    page = client.get(reverse("cases:detail", args=[world.case_a.pk]))
    assert "Name und Telefonnummer" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [
        {"given_on": "2999-01-01"},
        {"given_on": "2026-02-01", "valid_until": "2026-01-01"},
        {"recipient": "999999"},
        {"scope": ""},
        {"language": "xx"},
    ],
    ids=["future", "ends-before-given", "unknown-recipient", "no-scope", "bad-language"],
)
def test_bad_consent_input_is_explained_and_records_nothing(client, world, overrides):
    client.force_login(world.case_manager_a)
    response = _post_consent(client, world, **overrides)
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert not Consent.objects.exists()


@pytest.mark.django_db
def test_a_consent_cannot_name_an_organisation_of_another_municipality(client, world):
    client.force_login(world.case_manager_a)
    _post_consent(client, world, recipient=world.kim_b.pk)
    assert not Consent.objects.exists()


@pytest.mark.django_db
def test_withdrawal_stops_sharing_at_once_is_logged_and_cannot_be_repeated(client, world):
    consent = make_consent(world.case_a, world.welfare_a)
    client.force_login(world.case_manager_a)
    url = reverse("consents:withdraw", args=[consent.pk])
    response = client.post(url, {"note": "mündlich"})
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.is_withdrawn and consent.withdrawn_by == world.case_manager_a
    today = timezone.localdate()
    assert not consent_covers(world.client_a.pk, world.welfare_a.pk, Purpose.REFERRAL, today)
    entry = AccessLogEntry.objects.get(action="consents.consent.changed")
    assert entry.object_id == str(consent.pk) and "withdrawn" in entry.detail
    withdrawn_at = consent.withdrawn_at
    client.post(url, {"note": "again"})
    consent.refresh_from_db()
    assert consent.withdrawn_at == withdrawn_at and consent.withdrawal_note == "mündlich"


def _pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Consent to the sharing"),
        ("uk", "Згода на передачу"),
        ("tr", "onay"),
        ("ar", None),
        ("fa", None),
    ],
)
def test_consent_form_pdf_is_in_the_clients_language_with_german_beside_it(
    client, world, language, words
):
    consent = make_consent(world.case_a, world.welfare_a, language=language)
    client.force_login(world.case_manager_a)
    response = client.get(reverse("consents:pdf", args=[consent.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Einwilligung in die Weitergabe" in text
    assert "AWO A" in text
    if words:
        assert words in text
    else:
        assert any("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" for ch in text)
    assert AccessLogEntry.objects.filter(action="consents.consent.downloaded").exists()


def test_every_form_language_has_every_text():
    from lotse.consents.form_texts import FORM_LANGUAGES, FORM_TEXTS

    for version, texts in FORM_TEXTS.items():
        keys = set(texts["de"])
        for language in FORM_LANGUAGES:
            assert set(texts[language]) == keys, (version, language)
            assert all(texts[language][k] for k in keys if k != "binding"), (version, language)

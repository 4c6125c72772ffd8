"""The pre-check pages: result per requirement, the disclaimer, pre-fill only after consent."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from lotse.audit.models import AccessLogEntry
from lotse.residence.models import PrecheckConsent

pytestmark = pytest.mark.django_db

FACTS_25B = {
    "as_of": "2026-11-15",
    "language": "ar",
    "residence_status": "duldung",
    "period_1_status": "duldung",
    "period_1_from": "2020-01-01",
    "fdgo_commitment": "yes",
    "basic_knowledge_proven": "yes",
    "german_oral_level": "A2",
    "livelihood_share_from_employment": "0.8",
    "school_age_children": "no",
    "currently_obstructing_removal": "no",
    "identity_clarified": "yes",
    "has_valid_passport": "yes",
    "convictions": "none",
}


def login(client, user):
    client.force_login(user)


def test_precheck_shows_result_per_requirement_and_says_it_is_no_decision(client, world):
    login(client, world.authority_staff_a)
    response = client.post("/residence/precheck/aufenthg25b/", FACTS_25B)
    text = response.content.decode()
    assert response.status_code == 200
    assert 'data-requirement="A25B-RES"' in text
    assert "keine Entscheidung" in text
    assert "outcome-eligible" in text


def test_unknown_facts_are_named_not_guessed(client, world):
    login(client, world.case_manager_a)
    response = client.post("/residence/precheck/stag10/", {"as_of": "2026-11-15", "language": "de"})
    text = response.content.decode()
    assert "outcome-needs_review" in text
    assert "Deutschkenntnisse" in text or "german_level" in text or "Sprach" in text


def test_time_based_requirement_names_the_day_the_period_completes(client, world):
    login(client, world.case_manager_a)
    facts = {**FACTS_25B, "period_1_from": "2021-03-01"}
    response = client.post("/residence/precheck/aufenthg25b/", facts)
    text = response.content.decode()
    assert "outcome-not_eligible" in text
    assert "01.03.2027" in text


def test_pdf_is_german_with_the_clients_language_beside_it(client, world):
    login(client, world.case_manager_a)
    response = client.post("/residence/precheck/aufenthg25b/", {**FACTS_25B, "pdf": "1"})
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "Orientierung, keine Entscheidung" in text
    assert "A25B-RES" in text
    assert "فحص أولي للشروط" in text  # the Arabic title beside the German one


def test_bad_input_gets_a_message_and_no_result(client, world):
    login(client, world.case_manager_a)
    response = client.post(
        "/residence/precheck/aufenthg25b/",
        {"as_of": "2026-11-15", "language": "de", "period_1_status": "duldung"},
    )
    text = response.content.decode()
    assert "outcome-" not in text
    assert 'role="alert"' in text


def test_prefill_from_client_requires_a_recorded_consent(client, world):
    world.client_a.arrival_date = dt.date(2019, 5, 1)
    world.client_a.residence_status = "toleration"
    world.client_a.save()
    login(client, world.case_manager_a)
    response = client.get(f"/residence/precheck/aufenthg25b/?client={world.client_a.pk}")
    assert response.status_code == 302
    assert "/consent/" in response["Location"]
    response = client.post(
        f"/residence/precheck/aufenthg25b/client/{world.client_a.pk}/consent/",
        {"agreed": "on", "remark": "Mündlich am 10.11. zugestimmt"},
    )
    assert response.status_code == 302
    assert PrecheckConsent.objects.filter(client=world.client_a).count() == 1
    assert AccessLogEntry.objects.filter(action="residence.precheckconsent.created").exists()
    response = client.get(response["Location"])
    text = response.content.decode()
    assert 'value="2019-05-01"' in text
    assert "Haddad" in text


def test_consent_without_remark_is_refused(client, world):
    login(client, world.case_manager_a)
    response = client.post(
        f"/residence/precheck/stag10/client/{world.client_a.pk}/consent/", {"agreed": "on"}
    )
    assert response.status_code == 200
    assert not PrecheckConsent.objects.exists()


def test_client_of_another_case_manager_answers_404(client, world):
    login(client, world.case_manager_b)
    response = client.get(f"/residence/precheck/stag10/?client={world.client_a.pk}")
    assert response.status_code == 404


def test_unknown_check_answers_404(client, world):
    login(client, world.case_manager_a)
    assert client.get("/residence/precheck/paragraph99/").status_code == 404
